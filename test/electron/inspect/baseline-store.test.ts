import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BaselineScope } from '../../../shared/model/comparison';
import { BaselineStore } from '../../../electron/inspect/baseline-store';
import { tempFolder } from '../../support/temp-folder';

const plan: BaselineScope = { family: 'record', kind: 'plan', value: 'plan-a' };
const action: BaselineScope = { family: 'exec-event', kind: 'action', value: 'send_email' };
const at = (iso: string) => () => new Date(iso);

describe('BaselineStore', () => {
  it('keeps one baseline per scope in the data folder (0600 in 0700), and a new store (a restart) reads them back', () => {
    const folder = realpathSync(tempFolder('baseline-evidence'));
    const dataDir = realpathSync(tempFolder('baseline-data'));
    const store = new BaselineStore(dataDir, folder, at('2026-03-02T10:00:00.000Z'));
    assert.deepEqual(store.list(), []);
    store.mark(plan, 'record:exec-1', null);
    store.mark(action, 'exec-event:tr-1', 'the clean send');
    const replaced = new BaselineStore(dataDir, folder, at('2026-03-02T11:00:00.000Z')).mark(plan, 'record:exec-2', null);
    assert.equal(replaced.markedAt, '2026-03-02T11:00:00.000Z');
    assert.ok(store.file.startsWith(join(dataDir, 'baselines')));
    assert.equal(statSync(store.file).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'baselines')).mode & 0o777, 0o700);
    const reopened = new BaselineStore(dataDir, folder, at('2026-03-03T00:00:00.000Z'));
    assert.deepEqual(
      reopened.list().map((b) => [b.scope.value, b.executionId, b.note]),
      [['send_email', 'exec-event:tr-1', 'the clean send'], ['plan-a', 'record:exec-2', null]],
    );
    assert.equal(reopened.of(plan)?.executionId, 'record:exec-2');
    assert.equal(reopened.clear(plan)?.executionId, 'record:exec-2');
    assert.equal(reopened.clear(plan), null);
    assert.equal(new BaselineStore(dataDir, folder, at('2026-03-03T00:00:00.000Z')).of(plan), null);
    assert.deepEqual(readdirSync(folder), [], 'nothing in the evidence folder');
    assert.equal(readdirSync(join(dataDir, 'baselines')).length, 1, 'no temporary file left behind');
  });

  it('keys the file by the folder: another folder has its own baselines', () => {
    const dataDir = tempFolder('baseline-data');
    new BaselineStore(dataDir, '/evidence/a', at('2026-01-01T00:00:00Z')).mark(plan, 'record:x', null);
    assert.deepEqual(new BaselineStore(dataDir, '/evidence/b', at('2026-01-01T00:00:00Z')).list(), []);
  });

  it('refuses to write inside the evidence folder, also through a linked data folder', () => {
    const folder = realpathSync(tempFolder('baseline-evidence'));
    const outside = tempFolder('baseline-link');
    symlinkSync(folder, join(outside, 'data'));
    assert.throws(() => new BaselineStore(join(outside, 'data'), folder, at('2026-01-01T00:00:00Z')).mark(plan, 'record:x', null), /inside the evidence folder/);
    assert.throws(() => new BaselineStore(join(folder, 'sub'), folder, at('2026-01-01T00:00:00Z')).mark(plan, 'record:x', null), /inside the evidence folder/);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('reads a damaged or hand-edited file as the baselines it still holds, and replaces it on the next change', () => {
    const dataDir = tempFolder('baseline-data');
    const store = new BaselineStore(dataDir, '/evidence/a', at('2026-01-01T00:00:00Z'));
    mkdirSync(join(dataDir, 'baselines'), { recursive: true });
    const good = { scope: plan, executionId: 'record:x', markedAt: '2026-01-01T00:00:00.000Z', note: null };
    writeFileSync(store.file, JSON.stringify({ folder: '/evidence/a', baselines: [good, { scope: { family: 'nope' } }, 'text'] }));
    assert.deepEqual(store.list(), [good]);
    writeFileSync(store.file, '{"folder":');
    assert.deepEqual(store.list(), []);
    writeFileSync(store.file, JSON.stringify({ folder: '/evidence/other', baselines: [good] }));
    assert.deepEqual(store.list(), [], 'a file of another folder is not this one\'s');
    store.mark(action, 'exec-event:y', null);
    assert.deepEqual(store.list().map((b) => b.executionId), ['exec-event:y']);
  });
});
