import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keepFirstNoZone, type SourceCarry } from '../../../electron/index/source-carry';
import type { LineProblem } from '../../../shared/model/problem-code';
import { indexOnce, query } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

const noZone: LineProblem = { code: 'time.no_zone', message: 'timestamp "2026-12-03T13:25:33" has no time zone' };
const offset: LineProblem = { code: 'time.not_utc', message: 'timestamp has offset +02:00' };

describe('time.no_zone once per file', () => {
  it('keeps the first no-zone problem of a file and drops the later ones, across batches, never other problems', () => {
    const carry: SourceCarry = { openPac: null };
    let lookups = 0;
    const carryOf = (): SourceCarry => {
      lookups++;
      return carry;
    };
    assert.deepEqual(keepFirstNoZone([offset], carryOf), [offset]);
    assert.equal(lookups, 0, 'a line without the problem does not touch the carry');
    assert.deepEqual(keepFirstNoZone([noZone, offset, noZone], carryOf), [noZone, offset], 'one per line too');
    assert.deepEqual(keepFirstNoZone([noZone], carryOf), []);
    assert.equal(carry.noZone, true);
    const restored = JSON.parse(JSON.stringify(carry)) as SourceCarry;
    assert.deepEqual(keepFirstNoZone([noZone, offset], () => restored), [offset], 'the flag survives with the source row');
  });
});

describe('a file\'s carry across sessions', () => {
  it('survives a session whose only read of the file is an unfinished line: the open PAC keeps its checkpoints', async () => {
    // ChainBridge's telemetry as written: a PAC opened on line 1, its agent's checkpoints after.
    const whole = readFileSync(join(PRODUCER_SAMPLES, 'logs', 'benson_telemetry.jsonl'));
    const ends = [...whole.entries()].filter(([, byte]) => byte === 0x0a).map(([at]) => at + 1);
    const pieces = tempFolder('carry-pieces');
    const oneShot = tempFolder('carry-one-shot');
    mkdirSync(join(pieces, 'logs'));
    mkdirSync(join(oneShot, 'logs'));
    writeFileSync(join(oneShot, 'logs', 'benson_telemetry.jsonl'), whole);
    const file = join(pieces, 'logs', 'benson_telemetry.jsonl');
    const db = join(tempFolder('carry-db'), 'index.sqlite');
    writeFileSync(file, whole.subarray(0, ends[1]));
    await indexOnce(pieces, db);
    const openAfterTwoLines = query<{ carry: string | null }>(db, 'SELECT carry FROM sources')[0]?.carry;
    assert.match(String(openAfterTwoLines), /"openPac":"PAC-/, 'the first session leaves the PAC open in the file\'s carry');
    // A new session (the app opened again) reads nothing but a line still being written.
    appendFileSync(file, whole.subarray(ends[1], (ends[1] as number) + 40));
    await indexOnce(pieces, db);
    assert.equal(query<{ carry: string | null }>(db, 'SELECT carry FROM sources')[0]?.carry, openAfterTwoLines, 'kept, not cleared');
    appendFileSync(file, whole.subarray((ends[1] as number) + 40));
    await indexOnce(pieces, db);
    const expected = await indexOnce(oneShot);
    const executions = (path: string): unknown[] => query(path, 'SELECT family, key, status, event_count, failure_count FROM executions ORDER BY key');
    const problems = (path: string): unknown[] => query(path, 'SELECT code, count(*) AS n FROM problems GROUP BY code ORDER BY code');
    assert.deepEqual(executions(db), executions(expected));
    assert.deepEqual(problems(db), problems(expected), 'no orphan checkpoint');
  });
});
