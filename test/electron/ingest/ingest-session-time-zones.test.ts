import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import type { TimeZoneSettings } from '../../../electron/index/time-zone-settings';
import { query } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

const HEARTH = join(PRODUCER_SAMPLES, 'executions', 'exec-fail-2.json');
/** A zoned exec-event line: its time must never move with a producer zone. */
const ZONED_LINE = '{"trace_id":"z-1","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-12-03T08:00:00.000Z"}\n';
/** A Python logging line without zone. */
const TEXT_LINE = '2026-12-03 13:30:00,250 INFO worker: started\n';

/** A folder with the real hearth record, a zoned JSON-lines file and a naive text log. */
function evidence(): string {
  const folder = realpathSync(tempFolder('tz-evidence'));
  copyFileSync(HEARTH, join(folder, 'exec-fail-2.json'));
  writeFileSync(join(folder, 'zoned.jsonl'), ZONED_LINE);
  writeFileSync(join(folder, 'worker.log'), TEXT_LINE);
  return folder;
}

async function indexWith(folder: string, dbPath: string, timeZones?: TimeZoneSettings): Promise<void> {
  const session = new IngestSession({ folder, dbPath, timeZones });
  try {
    await session.indexOnce();
  } finally {
    await session.close();
  }
}

function firstTs(dbPath: string): number | null {
  return query<{ first_ts: number | null }>(dbPath, "SELECT first_ts FROM executions WHERE family = 'record' AND key = 'exec-fail-2'")[0]?.first_ts ?? null;
}

function eventTs(dbPath: string, path: string): { id: number; ts: number | null }[] {
  return query(dbPath, 'SELECT e.id, e.ts FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = ? ORDER BY e.id', path);
}

function noZoneMessages(dbPath: string): string[] {
  return query<{ message: string }>(dbPath, "SELECT message FROM problems WHERE code = 'time.no_zone' ORDER BY message").map((row) => row.message);
}

const KOLKATA = { folderZone: 'Asia/Kolkata', files: {} } satisfies TimeZoneSettings;

describe('ingest session: producer time zones', () => {
  it('reads the hearth record in the folder zone: 13:25:33.783146 in Asia/Kolkata is 07:55:33.783 UTC, steps too; a zoned time does not move', async () => {
    const folder = evidence();
    const dbPath = join(tempFolder('tz-db'), 'index.sqlite');
    await indexWith(folder, dbPath, KOLKATA);
    assert.equal(firstTs(dbPath), Date.UTC(2026, 11, 3, 7, 55, 33, 783));
    const steps = query<{ ts: number }>(dbPath, "SELECT ts FROM step_events WHERE seq = 0");
    assert.deepEqual(steps.map((row) => row.ts), [Date.UTC(2026, 11, 3, 7, 55, 33, 783)]);
    assert.deepEqual(eventTs(dbPath, 'zoned.jsonl').map((row) => row.ts), [Date.UTC(2026, 11, 3, 8, 0, 0, 0)]);
    assert.deepEqual(eventTs(dbPath, 'worker.log').map((row) => row.ts), [Date.UTC(2026, 11, 3, 8, 0, 0, 250)]);
    const messages = noZoneMessages(dbPath);
    assert.equal(messages.length, 2, 'one flag per file with naive times');
    for (const message of messages) assert.match(message, /read as Asia\/Kolkata \(set by the reviewer\)/);
  });

  it('reopened with a changed zone re-reads only the sources with naive times; reopened unchanged, nothing is re-read', async () => {
    const folder = evidence();
    const dbPath = join(tempFolder('tz-db'), 'index.sqlite');
    await indexWith(folder, dbPath, KOLKATA);
    const zonedBefore = eventTs(dbPath, 'zoned.jsonl');
    const recordBefore = eventTs(dbPath, 'exec-fail-2.json');

    await indexWith(folder, dbPath, KOLKATA);
    assert.deepEqual(eventTs(dbPath, 'exec-fail-2.json'), recordBefore, 'same setting: the record is not read again (same event ids)');

    await indexWith(folder, dbPath);
    assert.equal(firstTs(dbPath), Date.UTC(2026, 11, 3, 13, 25, 33, 783), 'no zone: read as UTC');
    assert.notDeepEqual(eventTs(dbPath, 'exec-fail-2.json').map((row) => row.id), recordBefore.map((row) => row.id), 'the record was read again');
    assert.deepEqual(eventTs(dbPath, 'zoned.jsonl'), zonedBefore, 'a source with zoned times only is not touched');
    assert.deepEqual(eventTs(dbPath, 'worker.log').map((row) => row.ts), [Date.UTC(2026, 11, 3, 13, 30, 0, 250)]);
    for (const message of noZoneMessages(dbPath)) assert.match(message, /read as UTC \(first one shown\)/);
    assert.equal(query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM executions')[0]?.n, 2, 'no execution duplicated by the re-read');
  });

  it('a file deleted since it was read keeps its events as read: a changed zone cannot take back what cannot be read again', async () => {
    const folder = evidence();
    const dbPath = join(tempFolder('tz-db'), 'index.sqlite');
    await indexWith(folder, dbPath, KOLKATA);
    rmSync(join(folder, 'exec-fail-2.json'));
    await indexWith(folder, dbPath);
    assert.equal(firstTs(dbPath), Date.UTC(2026, 11, 3, 7, 55, 33, 783), 'kept, in the zone it was read in');
    assert.deepEqual(query<{ state: string }>(dbPath, "SELECT state FROM sources WHERE path LIKE 'exec-fail-2.json%'").map((row) => row.state), ['gone']);
  });

  it('a file zone overrides the folder zone', async () => {
    const folder = evidence();
    const dbPath = join(tempFolder('tz-db'), 'index.sqlite');
    await indexWith(folder, dbPath, { folderZone: 'Asia/Kolkata', files: { 'exec-fail-2.json': 'America/New_York' } });
    assert.equal(firstTs(dbPath), Date.UTC(2026, 11, 3, 18, 25, 33, 783), 'EST is UTC-5 in December');
    assert.deepEqual(eventTs(dbPath, 'worker.log').map((row) => row.ts), [Date.UTC(2026, 11, 3, 8, 0, 0, 250)]);
  });

  it('while watching, new zones re-derive the times at once, the histogram and executions alike, and the evidence is untouched', async () => {
    const folder = evidence();
    const before = readFileSync(join(folder, 'exec-fail-2.json'));
    const dbPath = join(tempFolder('tz-db'), 'index.sqlite');
    const session = new IngestSession({ folder, dbPath });
    try {
      await session.watch();
      assert.equal(firstTs(dbPath), Date.UTC(2026, 11, 3, 13, 25, 33, 783));
      const run = session.setTimeZones(KOLKATA);
      assert.equal(await run.started, true);
      await run.finished;
      assert.equal(firstTs(dbPath), Date.UTC(2026, 11, 3, 7, 55, 33, 783));
      const last = query<{ last_ts: number }>(dbPath, "SELECT last_ts FROM executions WHERE key = 'exec-fail-2'")[0]?.last_ts;
      assert.equal(last, Date.UTC(2026, 11, 3, 7, 55, 33, 814), 'the end time moved with it');
      const counts = query<{ n: number }>(dbPath, "SELECT count(*) AS n FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = 'exec-fail-2.json'")[0]?.n;
      assert.equal(counts, 1, 'the document is one event, not two');
    } finally {
      await session.close();
    }
    assert.deepEqual(readFileSync(join(folder, 'exec-fail-2.json')), before);
  });
});
