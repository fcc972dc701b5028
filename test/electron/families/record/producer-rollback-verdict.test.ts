import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { producerRollbackVerdict } from '../../../../electron/families/record/producer-rollback-verdict';
import type { RollbackHintFact } from '../../../../shared/model/normalized-event';
import { PRODUCER_SAMPLES } from '../../../support/producer-samples';
import { openInspection } from '../../inspect/open-inspection';

function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(PRODUCER_SAMPLES, 'executions', name), 'utf8')) as Record<string, unknown>;
}

const HINT: RollbackHintFact = { stepIndex: 0, description: 'Restore backup', actions: ['restore s3://bk'], risks: [] };

describe("hearth's RollbackPlanner.plan_rollback, reproduced", () => {
  it('decides the three genuine records as the producer does', () => {
    assert.deepEqual(producerRollbackVerdict(sample('exec-ok-1.json'), null), {
      producer: 'hearth RollbackPlanner.plan_rollback', status: 'completed', isRollbackPossible: false,
      reason: 'Execution completed successfully - no rollback needed', warnings: [], irreversibleSteps: [], manualSteps: [], hintCount: 0,
    });
    const incomplete = producerRollbackVerdict(sample('exec-sec-3.json'), null);
    assert.equal(incomplete?.reason, 'Security escalation stopped execution - CANNOT rollback');
    assert.deepEqual(incomplete?.warnings, ['Security incident occurred during execution', 'System state may be inconsistent']);
    const failed = producerRollbackVerdict(sample('exec-fail-2.json'), null);
    assert.equal(failed?.reason, 'Partial execution - rollback may be possible');
    assert.equal(failed?.isRollbackPossible, false, 'no hints were given');
    assert.deepEqual(failed?.irreversibleSteps, [1], 'the position of the step_completed event, not its step_index');
  });

  it('is possible for a failed run with hints, with the five manual steps verbatim', () => {
    const verdict = producerRollbackVerdict(sample('exec-fail-2.json'), [HINT]);
    assert.equal(verdict?.isRollbackPossible, true);
    assert.equal(verdict?.manualSteps.length, 5);
    assert.equal(verdict?.manualSteps[2], 'Execute rollback hints in REVERSE order');
  });

  it('refuses a failed run whose post security_state is not OPERATIONAL, and one that never started', () => {
    const degraded = { ...sample('exec-fail-2.json'), security_snapshot_post: { timestamp: 't', security_state: 'LOCKDOWN', boundary_state: 'NOMINAL', context: '' } };
    assert.deepEqual(producerRollbackVerdict(degraded, [HINT])?.warnings, ['Security state is not OPERATIONAL']);
    assert.equal(producerRollbackVerdict(degraded, [HINT])?.isRollbackPossible, false);
    const noPost = { ...sample('exec-fail-2.json'), security_snapshot_post: null };
    assert.equal(producerRollbackVerdict(noPost, [HINT])?.isRollbackPossible, true, 'no post snapshot is not a degraded one');
    assert.equal(producerRollbackVerdict({ ...sample('exec-ok-1.json'), status: 'started' }, [HINT])?.reason, 'Execution did not start - no rollback needed');
    assert.equal(producerRollbackVerdict({ ...sample('exec-ok-1.json'), status: 'completed_partial' }, [HINT])?.reason, '', 'the planner has no branch for it');
  });

  it("gives no producer verdict for a record that is not hearth's", () => {
    assert.equal(producerRollbackVerdict({ ...sample('exec-ok-1.json'), status: 'COMPLETED' }, null), null);
    assert.equal(producerRollbackVerdict(null, null), null);
  });

  it('is answered by getRollbackScaffold beside the scaffold, on the samples folder', async () => {
    const inspection = await openInspection(PRODUCER_SAMPLES);
    const view = await inspection.call('getRollbackScaffold', { id: 'record:exec-sec-3' });
    assert.equal(view.producerVerdict?.reason, 'Security escalation stopped execution - CANNOT rollback');
    assert.ok(view.scaffold.warnings.some((warning) => warning.code === 'chain_not_present'));
    assert.ok(view.scaffold.warnings.some((warning) => warning.code === 'side_effects_not_reported'));
    assert.ok(view.scaffold.warnings.some((warning) => warning.code === 'security_worse' && /boundary state got worse during the run: NOMINAL before, LOCKDOWN after/.test(warning.message)));
    const effects = await inspection.call('getSideEffectReport', { id: 'record:exec-sec-3' });
    assert.equal(effects.observedReported, false);
  });
});
