import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readIndexSummary } from '../../../electron/index/index-summary';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { EXECUTION_FAMILIES } from '../../../shared/model/family';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';

/** Problems of the kinds the fixture manifest lists: all but the record verification verdicts, which it lists per execution. */
function indexedProblems(dbPath: string): string[] {
  return query<{ path: string; line: number; code: string }>(
    dbPath,
    `SELECT s.path, p.line, p.code FROM problems p JOIN sources s ON s.id = p.source_id
     WHERE p.code NOT IN ('record.chain_broken', 'record.execution_hash_mismatch', 'record.stream_document_mismatch')`,
  )
    .map((p) => `${p.path}:${p.line} ${p.code}`)
    .sort();
}

for (const seed of [1, 29]) {
  describe(`indexing a generated fixture folder (seed ${seed})`, () => {
    const folder = tempFolder(`fixture-${seed}`);
    const manifest = writeFixtureFolder(folder, { seed, scale: 2 });
    const dbPathPromise = indexOnce(folder, join(tempFolder(`fixture-${seed}-db`), 'index.sqlite'));

    it('counts events per family exactly as the generator wrote them', async () => {
      const db = openIndexReadOnly(await dbPathPromise);
      try {
        const summary = readIndexSummary(db);
        assert.deepEqual(summary.events, manifest.expected.events);
        assert.deepEqual(summary.files, { indexed: manifest.expected.indexedFiles, skipped: manifest.expected.skippedFiles, gone: 0 });
      } finally {
        db.close();
      }
    });

    it('groups events into the executions the generator meant, per family rules', async () => {
      const dbPath = await dbPathPromise;
      for (const family of EXECUTION_FAMILIES) {
        const keys = query<{ key: string }>(dbPath, 'SELECT key FROM executions WHERE family = ? ORDER BY key', family).map((r) => r.key);
        assert.deepEqual(keys, [...manifest.expected.executionKeys[family]].sort(), `${family} execution keys`);
      }
    });

    it('reports every deliberately bad line with its file, line and code, and nothing on clean lines', async () => {
      const expected = manifest.expected.problems.map((p) => `${p.file}:${p.line} ${p.code}`).sort();
      assert.deepEqual(indexedProblems(await dbPathPromise), expected);
    });

    it('verifies every record execution: chains, execution_hash, stream vs document, status', async () => {
      const dbPath = await dbPathPromise;
      assert.ok(manifest.expected.records.length >= 5);
      for (const record of manifest.expected.records) {
        const key = record.executionId.replace(/^record:/, '');
        const codes = query<{ code: string }>(
          dbPath,
          "SELECT p.code FROM problems p JOIN executions x ON x.id = p.execution_id WHERE x.family = 'record' AND x.key = ? AND p.origin = 'execution'",
          key,
        ).map((p) => p.code);
        assert.equal(codes.includes('record.chain_broken'), record.chain === 'broken', `${key}: chain ${record.chain}`);
        assert.equal(codes.includes('record.execution_hash_mismatch'), record.executionHashMatches === false, `${key}: execution_hash`);
        const disagree = record.streamStatus !== undefined && record.documentStatus !== undefined && record.streamStatus !== record.documentStatus;
        assert.equal(codes.includes('record.stream_document_mismatch'), disagree, `${key}: stream vs document`);
        const [row] = query<{ status: string }>(dbPath, "SELECT status FROM executions WHERE family = 'record' AND key = ?", key);
        assert.equal(row?.status, record.status, `${key}: status`);
      }
      // Every plan document is indexed as one, a plan archived in a `.json.gz` included.
      const plans = query<{ plan_id: string; path: string }>(dbPath, 'SELECT p.plan_id, s.path FROM plans p JOIN sources s ON s.id = p.source_id');
      for (const record of manifest.expected.records.filter((candidate) => candidate.hasPlan)) {
        assert.ok(plans.some((plan) => plan.plan_id === record.planId), `${record.executionId}: plan ${record.planId}`);
      }
      assert.ok(plans.some((plan) => plan.path.endsWith('.json.gz')), 'a compressed plan document');
    });

    it('keeps each raw line exactly as in the file, with its byte offset and length', async () => {
      const { readFileSync } = await import('node:fs');
      const rows = query<{ path: string; byte_offset: number; byte_length: number; raw: string; kind: string }>(
        await dbPathPromise,
        `SELECT s.path, e.byte_offset, e.byte_length, ${rawTextSql('e')} AS raw, s.kind FROM events e JOIN sources s ON s.id = e.source_id WHERE s.kind IN ('lines', 'json')`,
      );
      assert.ok(rows.length > 100);
      const files = new Map<string, Buffer>();
      for (const row of rows) {
        const bytes = files.get(row.path) ?? readFileSync(join(folder, row.path));
        files.set(row.path, bytes);
        const slice = bytes.subarray(row.byte_offset, row.byte_offset + row.byte_length).toString('utf8');
        assert.equal(slice, row.raw, `${row.path}@${row.byte_offset}`);
      }
    });
  });
}
