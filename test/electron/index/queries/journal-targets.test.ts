import { strict as assert } from 'node:assert';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openIndexReadOnly } from '../../../../electron/index/open-index';
import { JournalTargets } from '../../../../electron/index/queries/journal-targets';
import { writeDemoFolder } from '../../../fixtures/demo-folder';
import { indexOnce, query } from '../../../support/index-folder';
import { tempFolder } from '../../../support/temp-folder';

describe('JournalTargets', async () => {
  const folder = tempFolder('journal-targets');
  writeDemoFolder(folder);
  const dbPath = await indexOnce(folder);
  const db = openIndexReadOnly(dbPath);
  after(() => db.close());
  const targets = new JournalTargets(db);

  it('gives an event\'s line with its execution, place and raw text', () => {
    const [row] = query<{ id: number; line: number; path: string }>(dbPath, "SELECT e.id, e.line, s.path FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = 'records/observer/exec-drop-7.jsonl' AND e.line = 3");
    assert.ok(row !== undefined);
    const found = targets.event(row.id);
    assert.deepEqual(found && [found.eventId, found.executionId, found.path, found.line], [row.id, 'record:exec-drop-7', 'records/observer/exec-drop-7.jsonl', 3]);
    assert.ok(found?.raw.startsWith('{'));
    assert.equal(targets.event(987_654_321), null);
  });

  it('finds an execution\'s first event in the execution page\'s order (events without a time first) and a step\'s first observed event', () => {
    const first = targets.executionFirstEvent('record:exec-drop-7');
    assert.deepEqual(first && [first.path, first.line], ['records/executions/exec-drop-7.json', 1]);
    const step = targets.stepFirstEvent('record:exec-drop-7', 1);
    assert.equal(step?.path, 'records/observer/exec-drop-7.jsonl');
    assert.match(step?.raw ?? '', /"step_index":\s*1/);
    assert.equal(targets.stepFirstEvent('record:exec-drop-7', 99), null);
    assert.equal(targets.executionFirstEvent('record:no-such'), null);
    assert.equal(targets.executionFirstEvent('not an id'), null);
  });

  it('finds the event at a file\'s line, also once the file is marked gone', async () => {
    const at = targets.eventAt('records/observer/exec-drop-7.jsonl', 2);
    assert.equal(at?.line, 2);
    assert.equal(targets.eventAt('records/observer/exec-drop-7.jsonl', 9_999), null);
    assert.equal(targets.eventAt('records/observer/*.jsonl', 2), null, 'a path is matched as written, not as a pattern');
    // The file leaves the folder: the index keeps its events under the marked path, and a note still finds its line.
    renameSync(join(folder, 'records', 'observer', 'exec-drop-7.jsonl'), join(tempFolder('journal-targets-away'), 'moved.jsonl'));
    const again = await indexOnce(folder, dbPath);
    const reread = openIndexReadOnly(again);
    try {
      const paths = query<{ path: string }>(again, "SELECT path FROM sources WHERE path LIKE 'records/observer/exec-drop-7.jsonl%'");
      assert.ok(paths.some((row) => row.path !== 'records/observer/exec-drop-7.jsonl'), JSON.stringify(paths));
      const gone = new JournalTargets(reread).eventAt('records/observer/exec-drop-7.jsonl', 2);
      assert.deepEqual(gone && [gone.path, gone.line, gone.raw], ['records/observer/exec-drop-7.jsonl', 2, at?.raw]);
    } finally {
      reread.close();
    }
  });
});
