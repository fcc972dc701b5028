import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import type { ExpectedRecord } from '../../fixtures/fixture-manifest';
import { RECORD_PATHS } from '../../fixtures/write-records';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { openInspection } from './open-inspection';

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function expectedExecutionHash(record: ExpectedRecord): 'match' | 'mismatch' | 'absent' {
  if (record.executionHashMatches === undefined) return 'absent';
  return record.executionHashMatches ? 'match' : 'mismatch';
}

for (const seed of [1, 29]) {
  describe(`verifyExecution on a generated fixture folder (seed ${seed})`, () => {
    const folder = tempFolder(`verify-${seed}`);
    const manifest = writeFixtureFolder(folder, { seed });
    const opened = openInspection(folder);

    it('gives every record execution the chain verdict, break and execution_hash comparison the generator booked', async () => {
      const inspection = await opened;
      assert.ok(manifest.expected.records.some((record) => record.chain === 'broken'));
      for (const record of manifest.expected.records) {
        const verdict = await inspection.call('verifyExecution', { id: record.executionId });
        const name = record.executionId;
        assert.equal(verdict.executionId, name);
        assert.equal(verdict.chain, record.chain, `${name}: chain`);
        assert.equal(verdict.brokenAt, record.brokenAt ?? null, `${name}: brokenAt`);
        assert.equal(verdict.reason, record.reason ?? null, `${name}: reason`);
        assert.equal(verdict.executionHash, expectedExecutionHash(record), `${name}: execution_hash`);
        assert.equal(verdict.stream !== null, record.streamStatus !== undefined, `${name}: has a stream`);
        assert.equal(verdict.document !== null, record.documentStatus !== undefined, `${name}: has a document`);
        if (record.chain === 'broken') {
          assert.ok(verdict.expected !== null || verdict.computed !== null, `${name}: the hashes at the break are shown`);
        }
        if (verdict.document !== null) {
          assert.match(verdict.executionHashComputed ?? '', /^[0-9a-f]{64}$/);
          assert.equal(verdict.executionHashExpected === verdict.executionHashComputed, verdict.executionHash === 'match', `${name}: expected vs computed`);
        } else {
          assert.equal(verdict.executionHashExpected, null);
          assert.equal(verdict.executionHashComputed, null);
        }
      }
    });

    it('judges getExecution by the stream chain when there is a stream, else by the document chain', async () => {
      const inspection = await opened;
      for (const record of manifest.expected.records) {
        const verdict = await inspection.call('verifyExecution', { id: record.executionId });
        const detail = await inspection.call('getExecution', { id: record.executionId });
        assert.deepEqual(detail.chain, verdict.stream ?? verdict.document, record.executionId);
        assert.equal(detail.execution.status, record.status, `${record.executionId}: status`);
      }
    });

    it('hashes exactly the files of the execution, as they are on disk now', async () => {
      const inspection = await opened;
      for (const record of manifest.expected.records) {
        const key = record.executionId.replace(/^record:/, '');
        const verdict = await inspection.call('verifyExecution', { id: record.executionId });
        const expectedPaths = [
          ...(record.documentStatus !== undefined ? [RECORD_PATHS.document(key)] : []),
          ...(record.streamStatus !== undefined ? [RECORD_PATHS.observer(key)] : []),
        ].sort();
        assert.deepEqual(verdict.sources.map((source) => source.path).sort(), expectedPaths, key);
        for (const source of verdict.sources) {
          const onDisk = join(folder, source.path);
          assert.equal(source.error, null, source.path);
          assert.equal(source.sha256, sha256(onDisk), source.path);
          assert.equal(source.size, readFileSync(onDisk).length, source.path);
        }
      }
    });
  });
}

describe('verifyExecution: files, families and unknown executions', () => {
  it('reports a source file that disappeared after indexing with a null hash and an error, keeping the verdict', async () => {
    const folder = tempFolder('verify-gone');
    const manifest = writeFixtureFolder(folder, { seed: 7 });
    const inspection = await openInspection(folder);
    const record = manifest.expected.records.find((r) => r.streamStatus !== undefined && r.documentStatus !== undefined);
    assert.ok(record, 'the fixture has a record with both a stream and a document');
    const key = record.executionId.replace(/^record:/, '');
    const before = await inspection.call('verifyExecution', { id: record.executionId });
    rmSync(join(folder, RECORD_PATHS.observer(key)));
    const after = await inspection.call('verifyExecution', { id: record.executionId });
    const gone = after.sources.find((source) => source.path === RECORD_PATHS.observer(key));
    assert.ok(gone);
    assert.equal(gone.sha256, null);
    assert.equal(gone.size, null);
    assert.match(gone.error ?? '', /no longer exists/);
    const still = after.sources.find((source) => source.path === RECORD_PATHS.document(key));
    assert.equal(still?.sha256, sha256(join(folder, RECORD_PATHS.document(key))));
    assert.deepEqual({ ...after, sources: [] }, { ...before, sources: [] });
  });

  it('hashes a file again once it changed, even when its size and mtime were put back', async () => {
    const folder = tempFolder('verify-changed');
    const manifest = writeFixtureFolder(folder, { seed: 8 });
    const inspection = await openInspection(folder);
    const record = manifest.expected.records.find((r) => r.documentStatus !== undefined);
    assert.ok(record);
    const path = join(folder, RECORD_PATHS.document(record.executionId.replace(/^record:/, '')));
    const first = await inspection.call('verifyExecution', { id: record.executionId });
    const original = readFileSync(path);
    const stat = statSync(path);
    // Same length, one byte different, times restored: only the ctime tells.
    const tampered = Buffer.from(original);
    tampered[tampered.length - 2] = tampered[tampered.length - 2] === 0x20 ? 0x09 : 0x20;
    writeFileSync(path, tampered);
    utimesSync(path, stat.atime, stat.mtime);
    const second = await inspection.call('verifyExecution', { id: record.executionId });
    const digest = (v: typeof first): string | null | undefined => v.sources.find((s) => s.path === RECORD_PATHS.document(record.executionId.replace(/^record:/, '')))?.sha256;
    assert.equal(digest(first), createHash('sha256').update(original).digest('hex'));
    assert.equal(digest(second), sha256(path));
    assert.notEqual(digest(second), digest(first));
  });

  it('answers not_applicable for families without a hash chain and not_found for executions the index does not have', async () => {
    const folder = tempFolder('verify-families');
    writeFixtureFolder(folder, { seed: 3 });
    const inspection = await openInspection(folder);
    const [benson] = query<{ key: string }>(inspection.dbPath, "SELECT key FROM executions WHERE family = 'benson' ORDER BY key LIMIT 1");
    assert.ok(benson);
    for (const method of ['verifyExecution', 'getSecurityDiff', 'getSideEffectReport', 'getRollbackScaffold'] as const) {
      assert.equal((await inspection.fail(method, { id: `benson:${benson.key}` })).code, 'not_applicable', method);
      assert.equal((await inspection.fail(method, { id: 'record:no-such-execution' })).code, 'not_found', method);
    }
    assert.equal((await inspection.fail('verifyExecution', { id: 'nonsense' })).code, 'invalid_request');
  });
});
