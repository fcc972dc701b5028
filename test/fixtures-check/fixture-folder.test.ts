import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatExecutionId } from '../../shared/model/execution-id';
import { EXECUTION_FAMILIES, FAMILIES } from '../../shared/model/family';
import { PROBLEM_CODES, type ProblemCode } from '../../shared/model/problem-code';
import { writeFixtureFolder } from '../fixtures/fixture-folder';
import type { FixtureManifest } from '../fixtures/fixture-manifest';
import { listFiles, naiveRecount, verifyChain, type NaiveCount } from './naive-recount';

/** The line-level codes the generator promises to exercise at least once. */
const PROMISED_CODES: readonly ProblemCode[] = [
  'line.invalid_json',
  'line.not_object',
  'line.invalid_utf8',
  'line.nul_bytes',
  'line.too_long',
  'line.missing_newline',
  'line.truncated',
  'time.not_utc',
  'time.no_zone',
  'exec.invalid_status',
  'exec.failed_without_error_code',
  'exec.forbidden_field',
  'exec.success_without_adapter',
  'exec.duplicate_terminal_event',
  'benson.authority_violation',
  'benson.invalid_version',
  'benson.unpaired_dispatch',
  'cycle.invalid_cycle',
  'cycle.unredacted_value',
  'cycle.secret_like_value',
  'stream.unknown_event_type',
  'stream.unknown_state',
  'record.unknown_kind',
];

const NON_EVENT_CODES: ReadonlySet<ProblemCode> = new Set(['line.invalid_json', 'line.not_object', 'line.nul_bytes', 'line.too_long', 'line.truncated']);

describe('writeFixtureFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'fixture-folder-'));
  let manifest: FixtureManifest;
  let recount: NaiveCount;

  before(() => {
    manifest = writeFixtureFolder(join(root, 'a'), { seed: 42 });
    recount = naiveRecount(join(root, 'a'), new Set(manifest.files.filter((file) => file.family === 'skipped').map((file) => file.path)));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const where = (code: ProblemCode): Set<string> => new Set(manifest.expected.problems.filter((problem) => problem.code === code).map((problem) => `${problem.file}:${problem.line}`));

  it('writes byte-identical folders for the same seed', () => {
    writeFixtureFolder(join(root, 'b'), { seed: 42 });
    const files = listFiles(join(root, 'a'));
    assert.deepEqual(listFiles(join(root, 'b')), files);
    for (const file of files) assert.ok(readFileSync(join(root, 'a', file)).equals(readFileSync(join(root, 'b', file))), `${file} differs between two runs of seed 42`);
  });

  it('writes different bytes for a different seed', () => {
    writeFixtureFolder(join(root, 'c'), { seed: 43 });
    const bytes = (dir: string): Buffer => Buffer.concat(listFiles(dir).map((file) => readFileSync(join(dir, file))));
    assert.ok(!bytes(join(root, 'a')).equals(bytes(join(root, 'c'))));
  });

  it('refuses a folder that is not empty', () => {
    assert.throws(() => writeFixtureFolder(join(root, 'a'), { seed: 42 }), /must be empty/);
  });

  it('lists exactly the files on disk, with their line counts', () => {
    assert.deepEqual(
      manifest.files.map((file) => file.path),
      listFiles(join(root, 'a')),
    );
    for (const file of manifest.files) {
      if (file.family !== 'skipped') assert.equal(recount.lines.get(file.path), file.lines, file.path);
    }
    assert.equal(manifest.expected.indexedFiles + manifest.expected.skippedFiles, manifest.files.length);
    assert.ok(manifest.expected.skippedFiles >= 3);
  });

  it('counts events and executions per family as a naive recount does', () => {
    assert.deepEqual(manifest.expected.events, recount.events);
    for (const family of EXECUTION_FAMILIES) {
      assert.deepEqual(manifest.expected.executionKeys[family], [...recount.keys[family]].sort(), family);
      assert.equal(manifest.expected.executions[family], recount.keys[family].size, family);
    }
    for (const family of FAMILIES) assert.ok(manifest.expected.events[family] > 0, `no ${family} events`);
  });

  it('labels each file by the families its events belong to', () => {
    for (const file of manifest.files) {
      if (file.family === 'skipped') continue;
      const families = new Set(recount.objects.filter((object) => object.file === file.path).map((object) => object.family));
      const expected = families.size === 0 ? 'empty' : families.size > 1 ? 'mixed' : [...families][0];
      assert.equal(file.family, expected, file.path);
    }
  });

  it('books a problem for every line that is not an event, and for nothing else that is not', () => {
    const booked = new Set(manifest.expected.problems.filter((problem) => NON_EVENT_CODES.has(problem.code)).map((problem) => `${problem.file}:${problem.line}`));
    assert.deepEqual([...booked].sort(), [...recount.nonEvents].sort());
    assert.deepEqual([...where('line.invalid_utf8')].sort(), [...recount.invalidUtf8].sort());
    assert.deepEqual([...where('line.missing_newline')].sort(), [...recount.missingNewline].sort());
  });

  it('books exactly the timestamps, duplicate traces and unpaired PACs the data holds', () => {
    assert.deepEqual([...where('time.not_utc')].sort(), [...recount.notUtc].sort());
    assert.deepEqual([...where('time.no_zone')].sort(), [...recount.noZone].sort());
    assert.deepEqual([...where('exec.duplicate_terminal_event')].sort(), [...recount.duplicateTraces].sort());
    assert.deepEqual([...where('benson.unpaired_dispatch')].sort(), [...recount.unpairedPacs].sort());
  });

  it('exercises every promised problem code, only with known codes, one code per line', () => {
    const codes = new Set(manifest.expected.problems.map((problem) => problem.code));
    for (const code of PROMISED_CODES) assert.ok(codes.has(code), `no ${code} in the fixture`);
    for (const code of codes) assert.ok(code in PROBLEM_CODES, code);
    const lines = manifest.expected.problems.map((problem) => `${problem.file}:${problem.line}`);
    assert.equal(new Set(lines).size, lines.length);
  });

  it('describes every record execution the way an independent chain verifier sees it', () => {
    const recordKeys = recount.keys.record;
    assert.deepEqual(
      manifest.expected.records.map((record) => record.executionId),
      [...recordKeys].sort().map((key) => formatExecutionId('record', key)),
    );
    const plans = new Set(recount.objects.filter((object) => 'rollback_hints' in object.value).map((object) => String(object.value['plan_id'])));
    for (const record of manifest.expected.records) {
      const key = record.executionId.slice('record:'.length);
      const documents = recount.objects.filter((object) => object.family === 'record' && object.value['execution_id'] === key && 'step_events' in object.value);
      const streamSteps = recount.objects.filter((object) => object.value['execution_id'] === key && object.value['kind'] === 'step_event').map((object) => object.value);
      const finished = recount.objects.find((object) => object.value['execution_id'] === key && object.value['kind'] === 'execution_finished');
      const verdicts = [
        ...documents.map((document) => verifyChain(document.value['step_events'] as Record<string, unknown>[])),
        ...(streamSteps.length > 0 || record.streamStatus !== undefined ? [verifyChain(streamSteps)] : []),
      ];
      assert.ok(verdicts.length > 0, record.executionId);
      for (const verdict of verdicts) {
        assert.deepEqual(verdict, record.chain === 'broken' ? { chain: 'broken', brokenAt: record.brokenAt, reason: record.reason } : { chain: record.chain }, record.executionId);
      }
      // hearth writes its statuses in lower case; the index shows the spec's names.
      assert.equal(record.documentStatus, typeof documents[0]?.value['status'] === 'string' ? String(documents[0]?.value['status']).toUpperCase() : undefined, record.executionId);
      if (record.streamStatus !== undefined) assert.equal(record.streamStatus, finished?.value['status'] ?? 'STARTED', record.executionId);
      assert.equal(record.status, record.documentStatus ?? record.streamStatus);
      assert.equal(record.hasPlan, plans.has(record.planId), record.executionId);
    }
    const byReason = (reason: string): number => manifest.expected.records.filter((record) => record.reason === reason).length;
    assert.ok(byReason('event_hash_mismatch') >= 1 && byReason('previous_hash_mismatch') >= 1);
    assert.ok(manifest.expected.records.some((record) => record.status === 'STARTED' && record.chain === 'intact'));
    assert.ok(manifest.expected.records.some((record) => record.chain === 'absent' && record.executionHashMatches === false), 'a hearth record spoiled after hashing');
    assert.ok(manifest.expected.records.some((record) => record.streamStatus !== undefined && record.documentStatus !== undefined && record.streamStatus !== record.documentStatus));
  });

  it('scales the number of executions', () => {
    const big = writeFixtureFolder(join(root, 'scaled'), { seed: 42, scale: 3 });
    for (const family of EXECUTION_FAMILIES) assert.ok(big.expected.executions[family] > manifest.expected.executions[family], family);
  });
});
