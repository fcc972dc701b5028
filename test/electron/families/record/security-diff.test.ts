import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { securityDiff } from '../../../../electron/families/record/security-diff';
import { securityDiffSchema } from '../../../../shared/model/inspection';
import type { SnapshotFact } from '../../../../shared/model/normalized-event';

// The snapshots of the formats.md 5a example, as the record normalizer gives them.
const pre: SnapshotFact = {
  capturedAt: '2026-02-01T09:00:00Z',
  securityState: 'NORMAL',
  fields: { policy_version: '7', active_capabilities: ['fs.write', 'db.write'] },
};
const post: SnapshotFact = {
  capturedAt: '2026-02-01T09:00:09Z',
  securityState: 'DEGRADED',
  fields: { policy_version: '7', active_capabilities: ['fs.write', 'db.write', 'net.raw'] },
};

function snapshot(securityState: string | null, fields: Record<string, unknown> = {}): SnapshotFact {
  return { capturedAt: null, securityState, fields };
}

describe('securityDiff', () => {
  it('diffs the formats.md example: NORMAL to DEGRADED is worse and net.raw was added', () => {
    const diff = securityDiff(pre, post);
    securityDiffSchema.parse(diff);
    assert.deepEqual(diff, {
      pre: { capturedAt: '2026-02-01T09:00:00Z', securityState: 'NORMAL' },
      post: { capturedAt: '2026-02-01T09:00:09Z', securityState: 'DEGRADED' },
      stateChange: { from: 'NORMAL', to: 'DEGRADED', direction: 'worse' },
      boundaryChange: null,
      fields: [
        {
          field: 'active_capabilities',
          pre: ['fs.write', 'db.write'],
          post: ['fs.write', 'db.write', 'net.raw'],
          change: 'changed',
          added: ['net.raw'],
          removed: [],
        },
        { field: 'policy_version', pre: '7', post: '7', change: 'same' },
      ],
    });
  });

  it('ranks NORMAL < ELEVATED < DEGRADED < COMPROMISED', () => {
    assert.equal(securityDiff(snapshot('COMPROMISED'), snapshot('ELEVATED')).stateChange.direction, 'better');
    assert.equal(securityDiff(snapshot('ELEVATED'), snapshot('COMPROMISED')).stateChange.direction, 'worse');
    assert.equal(securityDiff(snapshot('DEGRADED'), snapshot('DEGRADED')).stateChange.direction, 'same');
  });

  it("ranks hearth's states OPERATIONAL < COMPROMISED < LOCKDOWN and its boundary NOMINAL < ELEVATED < COMPROMISED < LOCKDOWN; UNKNOWN ranks with nothing", () => {
    const hearth = (state: string, boundary: string): SnapshotFact => snapshot(state, { boundary_state: boundary, context: 'x' });
    const diff = securityDiff(hearth('OPERATIONAL', 'NOMINAL'), hearth('COMPROMISED', 'LOCKDOWN'));
    assert.deepEqual(diff.stateChange, { from: 'OPERATIONAL', to: 'COMPROMISED', direction: 'worse' });
    assert.deepEqual(diff.boundaryChange, { from: 'NOMINAL', to: 'LOCKDOWN', direction: 'worse' });
    assert.equal(securityDiff(hearth('LOCKDOWN', 'ELEVATED'), hearth('OPERATIONAL', 'NOMINAL')).stateChange.direction, 'better');
    assert.equal(securityDiff(hearth('LOCKDOWN', 'ELEVATED'), hearth('OPERATIONAL', 'NOMINAL')).boundaryChange?.direction, 'better');
    assert.equal(securityDiff(hearth('UNKNOWN', 'UNKNOWN'), hearth('UNKNOWN', 'UNKNOWN')).stateChange.direction, 'unknown');
    assert.equal(securityDiff(hearth('UNKNOWN', 'UNKNOWN'), hearth('UNKNOWN', 'UNKNOWN')).boundaryChange?.direction, 'unknown');
    assert.equal(securityDiff(snapshot('NORMAL'), snapshot('LOCKDOWN')).stateChange.direction, 'unknown', 'no one scale holds both');
  });

  it('calls the direction unknown for an unknown state, a missing state or a missing snapshot', () => {
    assert.equal(securityDiff(snapshot('NORMAL'), snapshot('PANIC')).stateChange.direction, 'unknown');
    assert.equal(securityDiff(snapshot('normal'), snapshot('NORMAL')).stateChange.direction, 'unknown');
    assert.equal(securityDiff(snapshot(null), snapshot('NORMAL')).stateChange.direction, 'unknown');
    assert.deepEqual(securityDiff(pre, null).stateChange, { from: 'NORMAL', to: null, direction: 'unknown' });
  });

  it('marks fields added and removed by presence, omitting the absent side', () => {
    const diff = securityDiff(snapshot('NORMAL', { gone: 1, kept: null }), snapshot('NORMAL', { kept: null, fresh: { a: 1 } }));
    assert.deepEqual(diff.fields, [
      { field: 'fresh', post: { a: 1 }, change: 'added' },
      { field: 'gone', pre: 1, change: 'removed' },
      { field: 'kept', pre: null, post: null, change: 'same' },
    ]);
    assert.ok(!('pre' in (diff.fields[0] as object)));
  });

  it('compares objects by canonical JSON, so key order does not make a change', () => {
    const diff = securityDiff(snapshot('NORMAL', { policy: { b: 1, a: [1, 2] } }), snapshot('NORMAL', { policy: { a: [1, 2], b: 1 } }));
    assert.equal(diff.fields[0]?.change, 'same');
    assert.equal(securityDiff(snapshot('NORMAL', { n: 1 }), snapshot('NORMAL', { n: '1' })).fields[0]?.change, 'changed');
  });

  it('lists added and removed items only when both sides are arrays of primitives', () => {
    const diff = securityDiff(snapshot('NORMAL', { caps: ['a', 'b', 1, null], objs: [{ x: 1 }] }), snapshot('NORMAL', { caps: [null, 'c', 'a'], objs: [{ x: 2 }] }));
    const caps = diff.fields.find((f) => f.field === 'caps');
    assert.deepEqual([caps?.added, caps?.removed], [['c'], ['b', 1]]);
    const objs = diff.fields.find((f) => f.field === 'objs');
    assert.equal(objs?.change, 'changed');
    assert.ok(!('added' in (objs as object)));
  });

  it('sorts fields by name in code-unit order', () => {
    const diff = securityDiff(snapshot('NORMAL', { b: 1, Z: 1, a: 1 }), snapshot('NORMAL', { c: 1 }));
    assert.deepEqual(diff.fields.map((f) => f.field), ['Z', 'a', 'b', 'c']);
  });

  it('says a whole snapshot is missing instead of calling its fields added or removed', () => {
    assert.deepEqual(securityDiff(null, post).fields.map((f) => [f.field, f.change]), [['active_capabilities', 'no_pre_snapshot'], ['policy_version', 'no_pre_snapshot']]);
    const running = securityDiff(pre, null);
    assert.deepEqual(running.fields.map((f) => f.change), ['no_post_snapshot', 'no_post_snapshot']);
    assert.ok(running.fields.every((f) => !('post' in f) && 'pre' in f), 'the pre values stay shown');
    assert.deepEqual(securityDiff(null, null), { pre: null, post: null, stateChange: { from: null, to: null, direction: 'unknown' }, boundaryChange: null, fields: [] });
  });
});
