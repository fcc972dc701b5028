import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { apiErrorSchema } from '../../../shared/api/api-result';
import { API, HOST_METHODS } from '../../../shared/api/contract';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

describe('CLI call', () => {
  const folder = tempFolder('call-cli-folder');
  const dataDir = tempFolder('call-cli-data');
  const run = (args: readonly string[]): CliRun => runCli(['call', ...args, '--folder', folder], { dataDir });
  before(() => writeFixtureFolder(folder, { seed: 21 }));

  it('answers cancelIndexing and rescan of a one-shot index: nothing runs once it is indexed', () => {
    const cancel = run(['cancelIndexing']);
    assert.equal(cancel.code, 0, cancel.stderr);
    assert.deepEqual(API.cancelIndexing.response.parse(JSON.parse(cancel.stdout)), { cancelled: false });
    const rescan = run(['rescan', '{}']);
    assert.equal(rescan.code, 0, rescan.stderr);
    assert.deepEqual(API.rescan.response.parse(JSON.parse(rescan.stdout)), { started: false });
  });

  it('answers every host method with not_applicable and exit 2: the CLI opens no other folder', () => {
    for (const [method, request] of [['listRecentFolders', '{}'], ['chooseFolder', '{}'], ['openRecentFolder', '{"id":"0123456789abcdef"}']] as const) {
      assert.ok((HOST_METHODS as readonly string[]).includes(method));
      const result = run([method, request]);
      assert.equal(result.code, 2, method);
      const { error } = JSON.parse(result.stdout) as { error: unknown };
      assert.equal(apiErrorSchema.parse(error).code, 'not_applicable', method);
    }
    const path = run(['openRecentFolder', JSON.stringify({ id: folder })]);
    assert.equal(path.code, 2);
    assert.equal(apiErrorSchema.parse((JSON.parse(path.stdout) as { error: unknown }).error).code, 'invalid_request', 'a path is not an id');
  });

  it('signs journal entries with --reviewer unless the request names one, and refuses it for methods that write none', () => {
    const executionId = (JSON.parse(run(['listExecutions', '{"families":["record"],"limit":1}']).stdout) as { items: { id: string }[] }).items[0]?.id;
    assert.ok(executionId !== undefined);
    const unsigned = run(['addNote', JSON.stringify({ kind: 'note', executionId, text: 'no name' })]);
    assert.equal(unsigned.code, 2, 'no reviewer anywhere');
    const signed = run(['addNote', JSON.stringify({ kind: 'note', executionId, text: 'by flag' }), '--reviewer', 'Flag Name']);
    assert.equal(signed.code, 0, signed.stderr);
    assert.equal(API.addNote.response.parse(JSON.parse(signed.stdout)).reviewer, 'Flag Name');
    const named = run(['addNote', JSON.stringify({ kind: 'note', executionId, text: 'by request', reviewer: 'Request Name' }), '--reviewer', 'Flag Name']);
    assert.equal(API.addNote.response.parse(JSON.parse(named.stdout)).reviewer, 'Request Name', 'the request wins');
    assert.equal(run(['listNotes', '{}', '--reviewer', 'Flag Name']).code, 2);
    const listed = API.listNotes.response.parse(JSON.parse(run(['listNotes', '{}']).stdout));
    assert.deepEqual(listed.items.map((note) => [note.text, note.reviewer]), [['by flag', 'Flag Name'], ['by request', 'Request Name']]);
  });
});
