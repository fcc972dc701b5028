import { strict as assert } from 'node:assert';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestWorkerClient } from '../../../electron/ingest/ingest-worker-client';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';

const SECONDS = Number(process.env['INSPECTOR_STRESS_SECONDS'] ?? 30);
const LINES_PER_SECOND = 5000;
const TICK_MS = 10;

function line(seq: number): string {
  return `{"trace_id":"w-${seq}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}\n`;
}

/** A file the writer appends to, with the sequence numbers it holds and a line possibly half-written. */
interface LiveFile {
  path: string;
  seqs: number[];
  pending: string | null;
}

/** Which lines were indexed twice, and from which sources: what a failure needs to be diagnosed. */
function describeTwice(rows: { seq: number; path: string }[]): string {
  const paths = new Map<number, string[]>();
  for (const row of rows) paths.set(row.seq, [...(paths.get(row.seq) ?? []), row.path]);
  const twice = [...paths].filter(([, where]) => where.length > 1);
  if (twice.length === 0) return 'none';
  const bySources = new Map<string, number[]>();
  for (const [seq, where] of twice) {
    const key = where.sort().join(' + ');
    bySources.set(key, [...(bySources.get(key) ?? []), seq]);
  }
  return [...bySources].map(([key, seqs]) => `${seqs.length} in ${key} (seq ${Math.min(...seqs)}–${Math.max(...seqs)})`).join('; ');
}

describe('watching while a writer appends at 5,000 lines/s', () => {
  it(`indexes every line exactly once through rotation, copytruncate, deletion, a new sub-folder and a replacement (${SECONDS} s)`, { timeout: (SECONDS + 60) * 1000 }, async () => {
    const folder = realpathSync(tempFolder('live'));
    const dbPath = join(tempFolder('live-db'), 'index.sqlite');
    const files = new Map<string, LiveFile>();
    const open = (name: string): LiveFile => {
      const file = { path: join(folder, name), seqs: [], pending: null };
      writeFileSync(file.path, '');
      files.set(name, file);
      return file;
    };
    const finish = (file: LiveFile): void => {
      if (file.pending !== null) appendFileSync(file.path, file.pending);
      file.pending = null;
    };
    const live: LiveFile[] = [open('a.jsonl'), open('b.jsonl'), open('c.jsonl'), open('e.jsonl')];
    const gone: number[] = [];
    const removed: number[] = [];
    let seq = 0;
    let splits = 0;

    // What the worker says beyond progress (warnings, a failure): told if the index falls behind.
    const said: string[] = [];
    const client = new IngestWorkerClient({ folder, dbPath, watch: true }, (message) => {
      if (message.type === 'warning' || message.type === 'failed') said.push(`${message.type}: ${message.message}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    const done = new Set<string>();
    const at = (second: number, name: string, action: () => void): void => {
      if (!done.has(name) && Date.now() - started >= (second / 30) * SECONDS * 1000) {
        done.add(name);
        action();
      }
    };
    while (Date.now() - started < SECONDS * 1000) {
      const tickStart = Date.now();
      const perTick = (LINES_PER_SECOND * TICK_MS) / 1000;
      for (let i = 0; i < perTick; i++) {
        const file = live[seq % live.length]!;
        const text = line(seq);
        file.seqs.push(seq);
        if (file.pending !== null) {
          appendFileSync(file.path, file.pending + text);
          file.pending = null;
        } else if (seq % 97 === 0) {
          // Split a line across two writes: the second half arrives on a later tick.
          const cut = 10 + (seq % 50);
          appendFileSync(file.path, text.slice(0, cut));
          file.pending = text.slice(cut);
          splits++;
        } else {
          appendFileSync(file.path, text);
        }
        seq++;
      }
      at(5, 'rotate', () => {
        const a = files.get('a.jsonl')!;
        finish(a);
        renameSync(a.path, `${a.path}.1`);
        files.set('a.jsonl.1', { path: `${a.path}.1`, seqs: a.seqs, pending: null });
        live.splice(live.indexOf(a), 1, open('a.jsonl'));
      });
      at(10, 'copytruncate', () => {
        const b = files.get('b.jsonl')!;
        finish(b);
        copyFileSync(b.path, `${b.path}.1`);
        truncateSync(b.path, 0);
        files.set('b.jsonl.1', { path: `${b.path}.1`, seqs: b.seqs, pending: null });
        b.seqs = [];
      });
      at(15, 'delete', () => {
        const c = files.get('c.jsonl')!;
        finish(c);
        rmSync(c.path);
        gone.push(...c.seqs);
        files.delete('c.jsonl');
        live.splice(live.indexOf(c), 1);
      });
      at(18, 'subfolder', () => {
        mkdirSync(join(folder, 'new-sub', 'deeper'), { recursive: true });
        live.push(open('new-sub/deeper/d.jsonl'));
      });
      at(22, 'replace', () => {
        const e = files.get('e.jsonl')!;
        finish(e);
        removed.push(...e.seqs);
        const fresh: number[] = [];
        let content = '';
        for (let i = 0; i < 100; i++) {
          content += line(seq);
          fresh.push(seq++);
        }
        writeFileSync(join(folder, 'e.tmp'), content);
        renameSync(join(folder, 'e.tmp'), e.path);
        e.seqs = fresh;
      });
      const wait = TICK_MS - (Date.now() - tickStart);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    for (const file of live) finish(file);

    // Let the index catch up: every byte of every live file read, and the count stable.
    const expectedLive = [...files.values()].flatMap((f) => f.seqs);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const behind = [...files.values()].flatMap((f) => {
        const rel = f.path.slice(folder.length + 1);
        const row = query<{ offset: number }>(dbPath, 'SELECT offset FROM sources WHERE path = ?', rel)[0];
        const size = statSync(f.path).size;
        return row && row.offset === size ? [] : [`${rel} at ${row ? row.offset : 'no source'} of ${size} bytes`];
      });
      if (behind.length === 0) break;
      if (Date.now() > deadline) {
        assert.fail(`the index did not catch up within 30 s of the writer stopping: ${behind.join(', ')}; the worker said: ${said.join(' | ') || 'nothing'}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.stop();

    const indexed = query<{ raw: string; state: string; path: string }>(dbPath, `SELECT ${rawTextSql('e')} AS raw, s.state, s.path FROM events e JOIN sources s ON s.id = e.source_id`);
    const seqOf = (raw: string): number => Number((JSON.parse(raw) as { trace_id: string }).trace_id.slice(2));
    const indexedSeqs = indexed.map((r) => seqOf(r.raw));
    assert.equal(new Set(indexedSeqs).size, indexedSeqs.length, `no line indexed twice: ${describeTwice(indexed.map((r) => ({ seq: seqOf(r.raw), path: r.path })))}`);
    // Every line of every file still there: exactly once.
    const liveSeqs = indexed.filter((r) => r.state !== 'gone').map((r) => seqOf(r.raw));
    assert.deepEqual([...liveSeqs].sort((x, y) => x - y), [...expectedLive].sort((x, y) => x - y), `every line present exactly once (${seq} written, ${splits} split across writes)`);
    // The deleted file: it was being tailed, so what was written before it vanished is
    // read through the held handle (tail -F): all of it is kept, flagged gone.
    const goneSeqs = indexed.filter((r) => r.state === 'gone').map((r) => seqOf(r.raw)).sort((x, y) => x - y);
    assert.deepEqual(goneSeqs, [...gone].sort((x, y) => x - y), "every line of the deleted file is kept, flagged gone");
    assert.deepEqual(query(dbPath, 'SELECT code, count(*) AS n FROM problems GROUP BY code'), [], 'clean lines produce no problem');
    assert.equal(indexedSeqs.length, liveSeqs.length + goneSeqs.length);
    assert.ok(removed.every((s) => !indexedSeqs.includes(s)), "the replaced file's old events are gone");
    assert.ok(readFileSync(join(folder, 'a.jsonl.1')).length > 0);
  });
});
