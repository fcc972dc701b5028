import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { DerivedRows, SideEffectRow, StatusContribution } from '../../index/family-rules';
import { ownKey, type FamilyModule } from '../family-module';
import type { SideEffectFact } from '../../../shared/model/normalized-event';
import { assembleRecord, recordSections } from './assemble-record';
import { normalizeRecord } from './normalize-record';
import { recordFindings } from './record-checks';
import { recordWaterfall } from './record-waterfall-bars';
import { detectRecordShape } from './record-shape';
import { recordSteps } from './record-steps';

/**
 * Execution records (formats.md §5, hearth in producers.md): an observer stream,
 * a record document written after the run, and plan documents that belong to no
 * execution but give their plan's hints and declared effects.
 */
export const recordFamily: FamilyModule<'record'> = {
  family: 'record',
  // First: the most specific shapes.
  detectionRank: 10,
  detect: (obj) => detectRecordShape(obj) !== null,
  normalize: normalizeRecord,
  label: () => null,
  index: {
    place: ownKey,
    statusContribution(event) {
      const status = event.status;
      if (event.kind === 'execution_started') return { status: 'STARTED', outcome: 'running', rank: 1 };
      // The document is the immutable record written after the run: it outranks the stream's
      // own finish (a disagreement is reported as record.stream_document_mismatch, not resolved).
      if (event.kind === 'record_document' && status !== null) return { status, outcome: recordOutcome(status), rank: 3 };
      if (event.kind === 'execution_finished' && status !== null) return { status, outcome: recordOutcome(status), rank: 2 };
      return null;
    },
    opensExecution: (event) => event.kind === 'execution_started',
    closesExecution: (event) => event.kind === 'execution_finished',
    headerFacts: (event) => (event.facts.family === 'record' ? { planId: event.facts.planId, liveMode: event.facts.liveMode } : {}),
    cycleOf: () => null,
    derivedRows: recordRows,
    countsOnceAcrossFiles: false,
    // Its hash chains and execution_hash (formats.md, tamper evidence).
    carriesTamperEvidence: true,
  },
  checks: {
    // Every record is checked: its tamper evidence spans its events.
    needsCheck: () => true,
    find: recordFindings,
  },
  sections: (facts, execution) => recordSections(assembleRecord(facts, execution)),
  compare: {
    steps: recordSteps,
    baselineScope: (row) => (row.planId === null ? null : { family: 'record', kind: 'plan', value: row.planId }),
  },
  waterfall: recordWaterfall,
};

function recordOutcome(status: string): StatusContribution['outcome'] {
  if (status === 'COMPLETED') return 'ok';
  if (status === 'STARTED') return 'running';
  if (status === 'FAILED' || status === 'COMPLETED_PARTIAL' || status === 'INCOMPLETE') return 'failed';
  return 'unknown';
}

/** Step events, side effects and snapshots of an execution's line or document; a plan document's steps, hints and declared effects. */
function recordRows(event: NormalizedEvent): DerivedRows {
  const facts = event.facts;
  if (facts.family !== 'record') return {};
  if (facts.recordKind === 'plan_document') {
    if (facts.planId === null) return {};
    const planId = facts.planId;
    return {
      plan: { planId, steps: facts.planSteps, hints: facts.rollbackHints, sideEffects: facts.declaredSideEffects.map((effect) => sideEffectRow(planId, 'declared', 'plan', effect)) },
    };
  }
  const via = facts.recordKind === 'record_document' ? 'document' : 'stream';
  return {
    stepEvents: facts.stepEvents.map((step) => ({
      origin: via, stepIndex: step.stepIndex, stepName: step.stepName, eventType: step.eventType, ts: step.timestampMs, errorMessage: step.errorMessage,
    })),
    sideEffects: [
      ...facts.observedSideEffects.map((effect) => sideEffectRow(facts.planId, 'observed', via, effect)),
      ...facts.declaredSideEffects.map((effect) => sideEffectRow(facts.planId, 'declared', via, effect)),
    ],
    snapshots: ([['pre', facts.snapshotPre], ['post', facts.snapshotPost]] as const).flatMap(([phase, snap]) =>
      snap === null ? [] : [{ phase, via, capturedAt: snap.capturedAt, securityState: snap.securityState, fields: snap.fields }],
    ),
  };
}

function sideEffectRow(planId: string | null, origin: SideEffectRow['origin'], via: SideEffectRow['via'], effect: SideEffectFact): SideEffectRow {
  return { planId, origin, via, stepIndex: effect.stepIndex, category: effect.category, description: effect.description, reversible: effect.reversible, details: effect.details };
}
