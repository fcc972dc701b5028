import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { verifyChain } from '../../../../electron/integrity/hash-chain';
import { rollbackScaffold, scaffoldHash } from '../../../../electron/families/record/rollback-scaffold';
import type { RollbackScaffoldInput } from '../../../../electron/families/record/rollback-scaffold';
import { securityDiff } from '../../../../electron/families/record/security-diff';
import { sideEffectReport } from '../../../../electron/families/record/side-effect-report';
import { canonicalJson } from '../../../../shared/model/canonical-json';
import { rollbackScaffoldSchema } from '../../../../shared/model/inspection';
import type { ChainVerdict } from '../../../../shared/model/inspection';
import type { RollbackHintFact, SideEffectFact, SnapshotFact } from '../../../../shared/model/normalized-event';

function effect(stepIndex: number | null, category: string, description: string, reversible: boolean | null = true): SideEffectFact {
  return { stepIndex, category, description, reversible, details: {} };
}

function hint(stepIndex: number | null, actions: readonly string[], description = `Undo step ${stepIndex}`): RollbackHintFact {
  return { stepIndex, description, actions, risks: ['none known'] };
}

const normal: SnapshotFact = { capturedAt: '2026-02-01T09:00:00Z', securityState: 'NORMAL', fields: {} };
const brokenChain: ChainVerdict = { chain: 'broken', length: 2, chainHead: 'ab', brokenAt: 1, reason: 'previous_hash_mismatch', expected: 'aa', computed: 'ff' };

/** A clean dry run: two completed steps, each with a declared and observed reversible effect and a hint. */
function input(overrides: Partial<RollbackScaffoldInput> = {}): RollbackScaffoldInput {
  const effects = [effect(0, 'FILE_SYSTEM', 'Created /tmp/data.txt'), effect(1, 'DATA_MUTATION', 'Inserted 3 rows')];
  return {
    executionId: 'exec-001',
    liveMode: 'DRY_RUN',
    status: 'COMPLETED',
    steps: [
      { index: 0, status: 'COMPLETED' },
      { index: 1, status: 'COMPLETED' },
    ],
    hints: [hint(0, ['Delete /tmp/data.txt']), hint(1, ['Delete the 3 rows'])],
    sideEffects: sideEffectReport(effects, effects),
    chain: { chain: 'intact', length: 4, chainHead: 'ab' },
    securityDiff: securityDiff(normal, normal),
    ...overrides,
  };
}

function codes(scaffold: ReturnType<typeof rollbackScaffold>): string[] {
  return scaffold.warnings.map((w) => w.code);
}

describe('rollbackScaffold: is rollback possible', () => {
  it('is possible, without reason or warnings, for a clean dry run whose completed steps all have hints', () => {
    const scaffold = rollbackScaffold(input());
    rollbackScaffoldSchema.parse(scaffold);
    assert.equal(scaffold.isRollbackPossible, true);
    assert.equal(scaffold.reason, null);
    assert.deepEqual(scaffold.warnings, []);
    assert.equal(scaffold.executionId, 'exec-001');
  });

  it('is not possible when no plan was found, with no hints or manual steps', () => {
    const scaffold = rollbackScaffold(input({ hints: null }));
    assert.equal(scaffold.isRollbackPossible, false);
    assert.match(scaffold.reason ?? '', /No plan was found/);
    assert.deepEqual([scaffold.hints, scaffold.manualSteps], [[], []]);
  });

  it('is not possible when the plan has no hints', () => {
    const scaffold = rollbackScaffold(input({ hints: [] }));
    assert.equal(scaffold.isRollbackPossible, false);
    assert.equal(scaffold.reason, 'The plan has no rollback hints.');
  });

  it('is not possible when the chain is broken, naming the event and why', () => {
    const scaffold = rollbackScaffold(input({ chain: brokenChain }));
    assert.equal(scaffold.isRollbackPossible, false);
    assert.match(scaffold.reason ?? '', /broken at event 1: its link to the event before is wrong/);
  });

  it('counts an execution without step events as an intact chain', () => {
    const scaffold = rollbackScaffold(input({ chain: verifyChain([]) }));
    assert.equal(scaffold.isRollbackPossible, true);
    assert.ok(!codes(scaffold).includes('chain_broken'));
  });

  it('is not possible when a completed step with reversible observed effects has no hint, naming the step', () => {
    const scaffold = rollbackScaffold(input({ hints: [hint(0, ['Delete /tmp/data.txt'])] }));
    assert.equal(scaffold.isRollbackPossible, false);
    assert.equal(scaffold.reason, 'Step 1 completed with reversible side effects but the plan has no rollback hint for it.');
  });

  it('names every completed step that lacks a hint', () => {
    const effects = [effect(0, 'OTHER', 'a'), effect(1, 'OTHER', 'b'), effect(2, 'OTHER', 'c')];
    const scaffold = rollbackScaffold(
      input({
        steps: [0, 1, 2].map((index) => ({ index, status: 'COMPLETED' })),
        hints: [hint(1, ['undo b'])],
        sideEffects: sideEffectReport(effects, effects),
      }),
    );
    assert.equal(scaffold.reason, 'Steps 0 and 2 completed with reversible side effects but the plan has no rollback hint for them.');
  });

  it('needs no hint for a step that failed or only started, nor for a completed step whose effects are all irreversible', () => {
    const effects = [effect(0, 'OTHER', 'a'), effect(1, 'OTHER', 'b'), effect(2, 'NETWORK', 'sent', false)];
    const scaffold = rollbackScaffold(
      input({
        steps: [
          { index: 0, status: 'FAILED' },
          { index: 1, status: 'STARTED' },
          { index: 2, status: 'COMPLETED' },
        ],
        hints: [hint(null, ['Tell the owner'])],
        sideEffects: sideEffectReport(effects, effects),
      }),
    );
    assert.equal(scaffold.isRollbackPossible, true);
  });

  it('needs a hint for a completed step whose effect has unknown reversibility', () => {
    const effects = [effect(0, 'OTHER', 'a', null)];
    const scaffold = rollbackScaffold(input({ steps: [{ index: 0, status: 'COMPLETED' }], hints: [hint(7, ['x'])], sideEffects: sideEffectReport(effects, effects) }));
    assert.equal(scaffold.isRollbackPossible, false);
    assert.match(scaffold.reason ?? '', /^Step 0 /);
  });

  it('does not take a hint without a step as the hint of a step', () => {
    const scaffold = rollbackScaffold(input({ hints: [hint(null, ['Restore the backup'])] }));
    assert.equal(scaffold.isRollbackPossible, false);
  });
});

describe('rollbackScaffold: irreversible steps', () => {
  it('lists sorted unique step indexes with an observed irreversible effect', () => {
    const observed = [effect(3, 'NETWORK', 'Sent email', false), effect(1, 'DATA_MUTATION', 'Dropped table', false), effect(3, 'NETWORK', 'Sent SMS', false), effect(2, 'OTHER', 'fine'), effect(null, 'SYSTEM', 'Rebooted', false)];
    const scaffold = rollbackScaffold(input({ sideEffects: sideEffectReport(observed, observed) }));
    assert.deepEqual(scaffold.irreversibleSteps, [1, 3]);
    const irreversible = scaffold.warnings.filter((w) => w.code === 'irreversible_step');
    assert.deepEqual(irreversible.map((w) => w.stepIndex), [1, 3, null]);
    assert.equal(irreversible[1]?.message, 'Step 3 has irreversible side effects: "Sent email" (NETWORK); "Sent SMS" (NETWORK).');
    assert.equal(irreversible[2]?.message, 'Outside any step there is an irreversible side effect: "Rebooted" (SYSTEM).');
  });
});

describe('rollbackScaffold: manual steps', () => {
  const odd = ['  rm -rf "/tmp/x y"  ', 'DROP TABLE users; -- ü ✓ 🚀', 'line one\nline two\ttab', '<script>alert(1)</script> & \\back\\slash', ''];
  const hints = [
    hint(0, ['undo 0 first', 'undo 0 second'], 'Step zero'),
    hint(2, ['undo 2 (first hint)']),
    hint(null, ['plan-wide cleanup']),
    hint(1, odd, 'Odd "quoted" description – ü'),
    hint(2, ['undo 2 (second hint)']),
  ];

  it('lists every hint action latest step first, ties in plan order, step-less hints last, actions in written order', () => {
    const scaffold = rollbackScaffold(input({ hints }));
    assert.deepEqual(
      scaffold.manualSteps.map((m) => [m.stepIndex, m.action]),
      [
        [2, 'undo 2 (first hint)'],
        [2, 'undo 2 (second hint)'],
        ...odd.map((action) => [1, action]),
        [0, 'undo 0 first'],
        [0, 'undo 0 second'],
        [null, 'plan-wide cleanup'],
      ],
    );
  });

  it('copies actions and descriptions verbatim, odd characters included', () => {
    const scaffold = rollbackScaffold(input({ hints }));
    const fromOdd = scaffold.manualSteps.filter((m) => m.stepIndex === 1);
    assert.deepEqual(fromOdd.map((m) => m.action), odd);
    assert.ok(fromOdd.every((m) => m.description === 'Odd "quoted" description – ü'));
  });

  it('keeps the hints verbatim and in plan order', () => {
    const scaffold = rollbackScaffold(input({ hints }));
    assert.deepEqual(scaffold.hints, hints);
  });
});

describe('rollbackScaffold: warnings', () => {
  it('warns about each undeclared observed effect and each unobserved declared one', () => {
    const scaffold = rollbackScaffold(
      input({ sideEffects: sideEffectReport([effect(0, 'FILE_SYSTEM', 'Created /tmp/data.txt'), effect(1, 'NETWORK', 'Call "API"')], [effect(0, 'FILE_SYSTEM', 'Created /tmp/data.txt'), effect(1, 'SYSTEM', 'Restarted')]) }),
    );
    assert.deepEqual(scaffold.warnings, [
      { code: 'undeclared_side_effect', stepIndex: 1, message: 'Step 1: observed side effect "Restarted" (SYSTEM) was not declared.' },
      { code: 'unobserved_side_effect', stepIndex: 1, message: 'Step 1: declared side effect "Call \\"API\\"" (NETWORK) was not observed.' },
    ]);
  });

  it('warns when the security state got worse, and not when it got better', () => {
    const degraded: SnapshotFact = { ...normal, securityState: 'DEGRADED' };
    const worse = rollbackScaffold(input({ securityDiff: securityDiff(normal, degraded) }));
    assert.deepEqual(worse.warnings, [{ code: 'security_worse', stepIndex: null, message: 'The security state got worse during the run: NORMAL before, DEGRADED after.' }]);
    assert.deepEqual(rollbackScaffold(input({ securityDiff: securityDiff(degraded, normal) })).warnings, []);
  });

  it('warns about a LIVE run, not about a dry run', () => {
    assert.deepEqual(codes(rollbackScaffold(input({ liveMode: 'LIVE' }))), ['live_run']);
    assert.deepEqual(codes(rollbackScaffold(input({ liveMode: null }))), []);
  });

  it('warns about a broken chain', () => {
    const [warning] = rollbackScaffold(input({ chain: brokenChain })).warnings;
    assert.equal(warning?.code, 'chain_broken');
    assert.equal(warning?.message, 'The step event hash chain is broken at event 1: its link to the event before is wrong (an event was removed, inserted or reordered).');
  });

  it('orders warnings by code: irreversible, undeclared, unobserved, security, live, chain', () => {
    const scaffold = rollbackScaffold(
      input({
        liveMode: 'LIVE',
        chain: brokenChain,
        securityDiff: securityDiff(normal, { ...normal, securityState: 'COMPROMISED' }),
        sideEffects: sideEffectReport([effect(5, 'OTHER', 'declared only')], [effect(4, 'NETWORK', 'sent', false)]),
      }),
    );
    assert.deepEqual(codes(scaffold), ['irreversible_step', 'undeclared_side_effect', 'unobserved_side_effect', 'security_worse', 'live_run', 'chain_broken']);
  });
});

describe('scaffoldHash', () => {
  it('is the sha256 hex of the canonical JSON of the scaffold', () => {
    const scaffold = rollbackScaffold(input());
    assert.equal(scaffoldHash(scaffold), createHash('sha256').update(canonicalJson(scaffold), 'utf8').digest('hex'));
  });

  it('does not depend on key order, and changes when the scaffold does', () => {
    const scaffold = rollbackScaffold(input());
    const reordered = Object.fromEntries(Object.entries(scaffold).reverse()) as typeof scaffold;
    assert.equal(scaffoldHash(reordered), scaffoldHash(scaffold));
    assert.notEqual(scaffoldHash(rollbackScaffold(input({ liveMode: 'LIVE' }))), scaffoldHash(scaffold));
  });
});
