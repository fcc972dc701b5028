import { strict as assert } from 'node:assert';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ReviewerSetting } from '../../../electron/inspect/reviewer-setting';
import { tempFolder } from '../../support/temp-folder';

describe('ReviewerSetting', () => {
  const evidence = tempFolder('reviewer-evidence');

  it('has no name until one is set, then keeps it trimmed across instances, 0600', () => {
    const dataDir = tempFolder('reviewer-data');
    assert.equal(new ReviewerSetting(dataDir, evidence).read(), null);
    assert.equal(new ReviewerSetting(dataDir, evidence).set('  Ada Reviewer  '), 'Ada Reviewer');
    assert.equal(new ReviewerSetting(dataDir, evidence).read(), 'Ada Reviewer');
    assert.equal(statSync(join(dataDir, 'reviewer.json')).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(evidence), []);
  });

  it('refuses blank and overlong names and reads a file that is not ours as no name', () => {
    const dataDir = tempFolder('reviewer-bad');
    const setting = new ReviewerSetting(dataDir, evidence);
    assert.throws(() => setting.set('   '));
    assert.throws(() => setting.set('x'.repeat(201)));
    writeFileSync(setting.file, '{"reviewer": 42}');
    assert.equal(setting.read(), null);
    writeFileSync(setting.file, 'not json');
    assert.equal(setting.read(), null);
  });

  it('never saves into the evidence folder', () => {
    assert.throws(() => new ReviewerSetting(join(evidence, 'data'), evidence).set('Ada'), /inside the evidence folder/);
    assert.deepEqual(readdirSync(evidence), []);
  });
});
