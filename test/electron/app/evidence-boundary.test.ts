import { strict as assert } from 'node:assert';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evidenceFolderHolding, realPathOf } from '../../../electron/app/evidence-boundary';
import { tempFolder } from '../../support/temp-folder';

describe('evidence boundary', () => {
  const root = realpathSync(tempFolder('evidence-boundary'));
  const evidence = join(root, 'evidence');
  const outside = join(root, 'outside');
  mkdirSync(join(evidence, 'logs'), { recursive: true });
  mkdirSync(outside);
  symlinkSync(evidence, join(outside, 'link-to-evidence'), 'dir');

  it('resolves a path that does not exist yet through its nearest existing ancestor', () => {
    assert.equal(realPathOf(join(outside, 'link-to-evidence', 'new', 'report.md')), join(evidence, 'new', 'report.md'));
    assert.equal(realPathOf(join(outside, 'a', '..', 'b.md')), join(outside, 'b.md'));
    assert.equal(realPathOf(join(evidence, 'logs')), join(evidence, 'logs'));
  });

  it('finds the opened folder a path is in, also through a symbolic link; null outside every one', () => {
    const folders = [outside + '-other', evidence];
    assert.equal(evidenceFolderHolding(folders, join(evidence, 'report.md')), evidence);
    assert.equal(evidenceFolderHolding(folders, evidence), evidence, 'the folder itself');
    assert.equal(evidenceFolderHolding(folders, join(outside, 'link-to-evidence', 'logs', 'report.md')), evidence);
    assert.equal(evidenceFolderHolding(folders, join(outside, 'link-to-evidence')), evidence);
    assert.equal(evidenceFolderHolding(folders, join(outside, 'report.md')), null);
    assert.equal(evidenceFolderHolding(folders, join(root, 'evidence-sibling', 'report.md')), null, 'a prefix of the name is not inside');
    assert.equal(evidenceFolderHolding([], join(evidence, 'report.md')), null);
  });
});
