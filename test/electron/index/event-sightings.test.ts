import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

/** What a reviewer sees of the Benson PACs: events per PAC, checkpoints, family total, dispatch problems. */
function bensonView(dbPath: string): Record<string, unknown> {
  return {
    pacs: query<{ key: string; event_count: number; failure_count: number; status: string }>(dbPath, "SELECT key, event_count, failure_count, status FROM executions WHERE family = 'benson' ORDER BY key"),
    checkpoints: query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM checkpoints')[0]?.n,
    familyTotal: query<{ events: number }>(dbPath, "SELECT events FROM family_counts WHERE family = 'benson'")[0]?.events,
    problems: query<{ code: string }>(dbPath, "SELECT code FROM problems WHERE code LIKE 'benson.%'").map((row) => row.code),
  };
}

/** A folder with ChainBridge's log_file and its captured stdout of the same run. */
function chainBridgeRun(prefix: string): string {
  const folder = tempFolder(prefix);
  mkdirSync(join(folder, 'logs'));
  for (const name of ['benson_telemetry.jsonl', 'benson_stdout.log']) copyFileSync(join(PRODUCER_SAMPLES, 'logs', name), join(folder, 'logs', name));
  return folder;
}

describe('one event found in two files counts once and is shown in both', () => {
  it('counts the log_file and the captured stdout of one run as one set of events', async () => {
    const both = await indexOnce(chainBridgeRun('sightings-both'));
    const single = chainBridgeRun('sightings-single');
    writeFileSync(join(single, 'logs', 'benson_stdout.log'), '');
    const one = await indexOnce(single);
    const view = bensonView(both);
    assert.deepEqual(view, bensonView(one), 'the same counts as the log_file alone');
    assert.equal(view['familyTotal'], 34);
    assert.deepEqual(view['problems'], [], 'no false unpaired dispatch');
    const places = query<{ path: string }>(both, "SELECT DISTINCT s.path FROM events e JOIN sources s ON s.id = e.source_id JOIN executions x ON x.id = e.execution_id WHERE x.key = 'PAC-DAN-P60-TELEMETRY-01' ORDER BY s.path").map((row) => row.path);
    assert.deepEqual(places, ['logs/benson_stdout.log', 'logs/benson_telemetry.jsonl'], 'both places keep their lines');
  });

  it('hands the count to the other file when the file first seen is replaced, as a clean index of the result would', async () => {
    const folder = chainBridgeRun('sightings-reset');
    const dbPath = join(tempFolder('sightings-reset-db'), 'index.sqlite');
    await indexOnce(folder, dbPath);
    // The file whose events were seen first is replaced by a shorter one: its events are taken back and the other file's now count.
    const [first] = query<{ path: string }>(dbPath, 'SELECT DISTINCT s.path FROM event_sightings g JOIN sources s ON s.id = g.source_id');
    assert.ok(first !== undefined);
    const replaced = join(folder, ...first.path.split('/'));
    writeFileSync(replaced, `${readFileSync(replaced, 'utf8').split('\n').slice(0, 3).join('\n')}\n`);
    await indexOnce(folder, dbPath);
    assert.deepEqual(bensonView(dbPath), bensonView(await indexOnce(folder)));
  });
});
