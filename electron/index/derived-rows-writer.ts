import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { DerivedRows, IndexFamilyRules, SideEffectRow } from './family-rules';
import type { WriterStatements } from './writer-statements';

/**
 * Writes the derived rows of one counted event (steps, side effects, snapshots,
 * checkpoints, spans, or a plan's rows), by its family's rules. The scan writes
 * them inline when nothing is waiting for enrichment; the enrichment writes
 * them for the events the scan stored without.
 */
export class DerivedRowsWriter {
  constructor(
    private readonly statements: WriterStatements,
    private readonly families: IndexFamilyRules,
  ) {}

  /** The derived rows of one counted event: its execution's rows, or, for an event of no execution, its plan's. */
  insert(sourceId: number, event: NormalizedEvent, executionId: number | null, eventId: number): void {
    const rows: DerivedRows = this.families[event.family].derivedRows(event);
    const s = this.statements;
    const ids = { event_id: eventId, source_id: sourceId };
    if (executionId === null) {
      const plan = rows.plan;
      if (plan === undefined) return;
      s.insertPlan.run({ plan_id: plan.planId, ...ids, steps: JSON.stringify(plan.steps) });
      for (const effect of plan.sideEffects) this.insertSideEffect(null, ids, effect);
      plan.hints.forEach((hint, position) => {
        s.insertHint.run({
          plan_id: plan.planId, ...ids, position, step_index: hint.stepIndex, description: hint.description, actions: JSON.stringify(hint.actions), risks: JSON.stringify(hint.risks),
        });
      });
      return;
    }
    const execution = { execution_id: executionId, ...ids };
    for (const c of rows.checkpoints ?? []) {
      s.insertCheckpoint.run({ ...execution, checkpoint_id: c.checkpointId, name: c.name, status: c.status, details: c.details, ts: c.ts });
    }
    rows.stepEvents?.forEach((step, seq) => {
      s.insertStepEvent.run({
        ...execution, origin: step.origin, seq, step_index: step.stepIndex, step_name: step.stepName, event_type: step.eventType, ts: step.ts, error_message: step.errorMessage,
      });
    });
    for (const effect of rows.sideEffects ?? []) this.insertSideEffect(executionId, ids, effect);
    for (const span of rows.otlpSpans ?? []) {
      s.insertOtlpSpan.run({ ...execution, span_id: span.spanId, parent_span_id: span.parentSpanId, start_ms: span.startMs, end_ms: span.endMs, body: JSON.stringify(span.body) });
    }
    for (const log of rows.otlpLogs ?? []) s.insertOtlpLog.run({ ...execution, span_id: log.spanId, time_ms: log.timeMs, body: JSON.stringify(log.body) });
    for (const snap of rows.snapshots ?? []) {
      s.insertSnapshot.run({ ...execution, phase: snap.phase, via: snap.via, captured_at: snap.capturedAt, security_state: snap.securityState, fields: JSON.stringify(snap.fields) });
    }
  }

  private insertSideEffect(executionId: number | null, ids: { event_id: number; source_id: number }, effect: SideEffectRow): void {
    this.statements.insertSideEffect.run({
      execution_id: executionId, plan_id: effect.planId, ...ids, origin: effect.origin, via: effect.via, step_index: effect.stepIndex, category: effect.category,
      description: effect.description, reversible: toFlag(effect.reversible), details: JSON.stringify(effect.details ?? null),
    });
  }
}

function toFlag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}
