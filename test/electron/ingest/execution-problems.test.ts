import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openIndex, openIndexReadOnly } from '../../../electron/index/open-index';
import { ExecutionList } from '../../../electron/index/queries/list-executions';
import { SummaryReader } from '../../../electron/index/queries/read-summary';
import { StatementCache } from '../../../electron/index/queries/statement-cache';
import type { ExecutionIntegrity } from '../../../shared/model/execution-integrity';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import type { ExpectedRecord } from '../../fixtures/fixture-manifest';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

/** The state the generator's own account implies: it knows which records it tampered with and which carry no hashes. */
function expectedIntegrity(record: ExpectedRecord): ExecutionIntegrity {
  if (record.chain === 'broken' || record.executionHashMatches === false) return 'broken';
  if (record.chain === 'intact' || record.executionHashMatches === true) return 'intact';
  return 'unhashed';
}

function storedIntegrity(dbPath: string): Map<string, string | null> {
  const rows = query<{ family: string; key: string; integrity: string | null }>(dbPath, 'SELECT family, key, integrity FROM executions');
  return new Map(rows.map((row) => [`${row.family}:${row.key}`, row.integrity]));
}

describe('the integrity state stored per execution', () => {
  const folder = tempFolder('integrity-fixture');
  const manifest = writeFixtureFolder(folder, { seed: 7 });
  const dbPath = join(tempFolder('integrity-db'), 'index.sqlite');
  const indexed = indexOnce(folder, dbPath);

  it('is the generator’s verdict for every record: broken only where it tampered, never for a genuine record', async () => {
    const stored = storedIntegrity(await indexed);
    const broken = manifest.expected.records.filter((record) => expectedIntegrity(record) === 'broken');
    assert.ok(broken.length >= 3, 'the generator writes edited, removed-event and hearth-tampered records');
    assert.ok(manifest.expected.records.some((record) => record.chain === 'absent' && expectedIntegrity(record) === 'intact'), 'hearth records without step hashes are intact by their execution_hash');
    for (const record of manifest.expected.records) assert.equal(stored.get(record.executionId), expectedIntegrity(record), record.executionId);
  });

  it('is not applicable (NULL) for every family that carries no hashes', async () => {
    const stored = storedIntegrity(await indexed);
    for (const [id, integrity] of stored) if (!id.startsWith('record:')) assert.equal(integrity, null, id);
  });

  it('filters the executions list and counts on the overview', async () => {
    const db = openIndexReadOnly(await indexed);
    try {
      const list = new ExecutionList(db, new StatementCache(db));
      const expectedBroken = manifest.expected.records.filter((record) => expectedIntegrity(record) === 'broken').map((record) => record.executionId).sort();
      const page = list.list({ integrities: ['broken'], limit: 500 });
      assert.deepEqual(page.items.map((row) => row.id).sort(), expectedBroken);
      assert.equal(page.total, expectedBroken.length);
      assert.ok(page.items.every((row) => row.integrity === 'broken'));
      const notApplicable = list.list({ integrities: ['not_applicable'], limit: 500 });
      assert.ok(notApplicable.total > 0 && notApplicable.items.every((row) => row.family !== 'record' && row.integrity === 'not_applicable'));
      const summary = new SummaryReader(db).read();
      assert.equal(summary.executionsByIntegrity['broken'], expectedBroken.length);
      const records = manifest.expected.records.length;
      assert.equal((summary.executionsByIntegrity['intact'] ?? 0) + (summary.executionsByIntegrity['broken'] ?? 0) + (summary.executionsByIntegrity['unhashed'] ?? 0), records);
    } finally {
      db.close();
    }
  });

  it('is derived afresh for an index written before it was stored: such an index is rebuilt, not migrated', async () => {
    const before = storedIntegrity(await indexed);
    const oldPath = join(tempFolder('integrity-old-db'), 'index.sqlite');
    await indexOnce(folder, oldPath);
    // Turn the copy back into a schema-9 index: no integrity column (and none of what 011, OTLP spans, added).
    const raw = new Database(oldPath);
    raw.exec('DROP INDEX executions_integrity; ALTER TABLE executions DROP COLUMN integrity;');
    raw.exec('DROP TABLE otlp_spans; DROP TABLE otlp_logs; ALTER TABLE events DROP COLUMN part;');
    raw.pragma('user_version = 9');
    raw.close();
    // Indexes older than 018 (full text in runs, whose rows only the ingest writes) are rebuilt from the folder.
    const reopened = openIndex(oldPath, folder);
    reopened.db.close();
    assert.match(reopened.rebuiltBecause ?? '', /older schema \(9\)/);
    await indexOnce(folder, oldPath);
    assert.deepEqual(storedIntegrity(oldPath), before);
  });
});
