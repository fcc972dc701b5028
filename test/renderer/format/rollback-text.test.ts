import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as RollbackText from '../../../renderer/format/rollback-text';
import { loadRendererModule } from '../load-renderer-module';

const { confirmsExecution, manualStepsText, producerVerdictNote } = loadRendererModule<typeof RollbackText>('format/rollback-text');

describe('rollback text', () => {
  it('confirms only the exact execution id', () => {
    assert.equal(confirmsExecution('exec-drop-7', 'exec-drop-7'), true);
    for (const typed of ['', 'exec-drop-', 'EXEC-DROP-7', ' exec-drop-7', 'exec-drop-7 ', 'exec-drop-77']) assert.equal(confirmsExecution(typed, 'exec-drop-7'), false, typed);
  });

  it('copies every action verbatim, in scaffold order, saying nothing was run', () => {
    const text = manualStepsText('exec-drop-7', [
      { stepIndex: 2, description: 'Remove the half-created table', action: 'DROP TABLE IF EXISTS customers_v2' },
      { stepIndex: null, description: 'Tell <b>ops</b>', action: 'javascript:alert(1)' },
    ]);
    assert.match(text, /ran none of them/);
    assert.ok(text.includes('1. [step 2] Remove the half-created table\n   DROP TABLE IF EXISTS customers_v2\n'));
    assert.ok(text.includes('2. [step —] Tell <b>ops</b>\n   javascript:alert(1)\n'));
  });
  it('explains a failed run\'s "may be possible" where the producer says not possible for want of hints, and nowhere else', () => {
    const failed = { producer: 'hearth RollbackPlanner.plan_rollback', status: 'failed', isRollbackPossible: false, reason: 'Partial execution - rollback may be possible', warnings: [], irreversibleSteps: [1], manualSteps: [], hintCount: 0 };
    assert.match(producerVerdictNote(failed) ?? '', /only when it has rollback hints, and none were found/);
    assert.equal(producerVerdictNote({ ...failed, isRollbackPossible: true, hintCount: 2 }), null);
    assert.equal(producerVerdictNote({ ...failed, reason: 'Security state degraded - CANNOT rollback safely', warnings: ['Security state is not OPERATIONAL'] }), null);
    assert.equal(producerVerdictNote({ ...failed, status: 'completed', reason: 'Execution completed successfully - no rollback needed' }), null);
  });
});
