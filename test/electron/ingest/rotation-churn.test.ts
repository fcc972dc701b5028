import { strict as assert } from 'node:assert';
import { appendFileSync, copyFileSync, realpathSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestWorkerClient } from '../../../electron/ingest/ingest-worker-client';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

const SECONDS = Number(process.env['INSPECTOR_CHURN_SECONDS'] ?? 15);
const NAMES = ['a', 'b', 'c', 'e'];
const OPERATIONS = ['rotate', 'copytruncate', 'replace'] as const;
const MIN_OPERATIONS = 60;

function line(seq: number): string {
  return `{"trace_id":"w-${seq}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}\n`;
}

/** A small deterministic generator, so that a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** For each file whose lines differ from what it holds: what is missing, what is extra, and where the extra lines were written. */
function misfiled(expected: ReadonlyMap<string, readonly number[]>, indexed: ReadonlyMap<string, readonly number[]>): string[] {
  const writtenTo = new Map<number, string>();
  for (const [path, seqs] of expected) for (const seq of seqs) writtenTo.set(seq, path);
  const wrong: string[] = [];
  for (const path of new Set([...expected.keys(), ...indexed.keys()])) {
    const want = [...(expected.get(path) ?? [])].sort((x, y) => x - y);
    const got = [...(indexed.get(path) ?? [])].sort((x, y) => x - y);
    if (JSON.stringify(want) === JSON.stringify(got)) continue;
    const wanted = new Set(want);
    const have = new Set(got);
    const missing = want.filter((seq) => !have.has(seq));
    const extra = got.filter((seq) => !wanted.has(seq));
    const from = [...new Set(extra.map((seq) => writtenTo.get(seq) ?? 'a replaced file'))].join(', ');
    wrong.push(`${path}: ${want.length} lines written, ${got.length} indexed; ${missing.length} missing, ${extra.length} extra (written to ${from || 'nothing'})`);
  }
  return wrong;
}

describe('rotating, copy-truncating and replacing a file every tenth tick (about 100 ms) while a writer appends', () => {
  it(`files every line under the file that holds it, exactly once (${SECONDS} s)`, { timeout: (SECONDS + 120) * 1000 }, async () => {
    const seed = Number(process.env['INSPECTOR_CHURN_SEED'] ?? Date.now() % 100_000);
    const next = random(seed);
    const folder = realpathSync(tempFolder('churn'));
    const dbPath = join(tempFolder('churn-db'), 'index.sqlite');
    // What each path holds now, by sequence number: the model the index must match.
    const expected = new Map<string, number[]>();
    for (const name of NAMES) {
      writeFileSync(join(folder, `${name}.jsonl`), '');
      expected.set(`${name}.jsonl`, []);
    }
    const client = new IngestWorkerClient({ folder, dbPath, watch: true }, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));

    let seq = 0;
    let generation = 0;
    const done = { rotate: 0, copytruncate: 0, replace: 0 };
    const started = Date.now();
    let tick = 0;
    // At least MIN_OPERATIONS however slow the machine: a loaded CI runner ticks slower, not fewer times.
    while (Date.now() - started < SECONDS * 1000 || done.rotate + done.copytruncate + done.replace < MIN_OPERATIONS) {
      tick++;
      for (let i = 0; i < 50; i++) {
        const name = `${NAMES[seq % NAMES.length]!}.jsonl`;
        appendFileSync(join(folder, name), line(seq));
        expected.get(name)!.push(seq++);
      }
      if (tick % 10 === 0) {
        const name = `${NAMES[Math.floor(next() * NAMES.length)]!}.jsonl`;
        const path = join(folder, name);
        const operation = OPERATIONS[Math.floor(next() * OPERATIONS.length)]!;
        const rotated = `${name}.${++generation}`;
        done[operation]++;
        if (operation === 'rotate') {
          renameSync(path, join(folder, rotated));
          writeFileSync(path, '');
          expected.set(rotated, expected.get(name)!);
          expected.set(name, []);
        } else if (operation === 'copytruncate') {
          copyFileSync(path, join(folder, rotated));
          truncateSync(path, 0);
          expected.set(rotated, expected.get(name)!);
          expected.set(name, []);
        } else {
          // Written under a temporary name and renamed over the live one: the old lines are gone.
          const fresh: number[] = [];
          let content = '';
          for (let i = 0; i < 30; i++) {
            content += line(seq);
            fresh.push(seq++);
          }
          writeFileSync(join(folder, 'next.tmp'), content);
          renameSync(join(folder, 'next.tmp'), path);
          expected.set(name, fresh);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const deadline = Date.now() + 30_000;
    for (;;) {
      const unread = [...expected.keys()].some((path) => {
        const row = query<{ offset: number }>(dbPath, 'SELECT offset FROM sources WHERE path = ?', path)[0];
        return !row || row.offset !== statSync(join(folder, path)).size;
      });
      if (!unread) break;
      if (Date.now() > deadline) assert.fail('the index did not catch up within 30 s of the writer stopping');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.stop();

    const rows = query<{ raw: string; path: string }>(dbPath, `SELECT ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id`);
    const indexed = new Map<string, number[]>();
    for (const row of rows) {
      const traceId = (JSON.parse(row.raw) as { trace_id: string }).trace_id;
      indexed.set(row.path, [...(indexed.get(row.path) ?? []), Number(traceId.slice(2))]);
    }
    const summary = `seed ${seed}: ${seq} lines, ${done.rotate} rotations, ${done.copytruncate} copytruncates, ${done.replace} replacements`;
    assert.deepEqual(misfiled(expected, indexed), [], summary);
    assert.deepEqual(query(dbPath, 'SELECT code, message FROM problems'), [], 'clean lines produce no problem');
  });
});
