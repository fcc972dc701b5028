import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Codes from '../../../renderer/format/benson-codes';
import { loadRendererModule } from '../load-renderer-module';

const { explainGsCode } = loadRendererModule<typeof Codes>('format/benson-codes');

describe('GS codes', () => {
  it("explains formats.md's codes, groups ChainBridge's other codes without inventing meanings, and leaves unknown ones alone", () => {
    assert.equal(explainGsCode('GS_130'), 'AgentExecutionResult schema violation');
    assert.match(explainGsCode('GS_161') ?? '', /dispatch gate code \(meaning not published\)/);
    assert.match(explainGsCode('GS_117') ?? '', /governance gate code/);
    assert.match(explainGsCode('GS_183') ?? '', /governance gate code/);
    assert.equal(explainGsCode('GS_999'), null);
    assert.equal(explainGsCode('E_1'), null);
    assert.equal(explainGsCode(null), null);
  });
});
