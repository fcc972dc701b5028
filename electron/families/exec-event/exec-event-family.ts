import { isUntracedKey } from '../../../shared/model/execution-id';
import { NO_SECTIONS, PLAIN_INDEX_RULES, type FamilyModule } from '../family-module';
import { hasField } from '../reading/read-field';
import { eventWaterfall } from '../waterfall-bar';
import { normalizeExecEvent } from './normalize-exec-event';
import { execEventSteps } from './exec-event-steps';

/** The fields that mark an exec-event; two of them must be present. */
const MARKERS = ['trace_id', 'status', 'product', 'action_type', 'adapter'] as const;

/** exec-event (formats.md §1): one line per action; the trace_id is the execution, `terminal` its end. */
export const execEventFamily: FamilyModule<'exec-event'> = {
  family: 'exec-event',
  // Last of the real families: its marker fields (`status`, `product`) are common words.
  detectionRank: 50,
  detect(obj) {
    if (!hasField(obj, 'adapter') && !hasField(obj, 'action_type')) return false;
    let markers = 0;
    for (const key of MARKERS) if (hasField(obj, key)) markers += 1;
    return markers >= 2;
  },
  normalize: normalizeExecEvent,
  label: (event) => (event.facts.family === 'exec-event' ? event.facts.actionType : null),
  index: {
    ...PLAIN_INDEX_RULES,
    statusContribution(event) {
      const status = event.status;
      if (status === null) return null;
      // workflow-executor's `started` precedes the terminal event of the same path: it never outranks it.
      if (event.kind === 'started') return { status, outcome: 'running', rank: 1 };
      return { status, outcome: status === 'success' ? 'ok' : 'failed', rank: 2 };
    },
    closesExecution: (event) => event.kind === 'terminal',
    headerFacts: (event) => (event.facts.family === 'exec-event' ? { product: event.facts.product } : {}),
  },
  checks: {
    // Untraced events (no trace_id) each make an execution of their own, so only traced ones can repeat a terminal.
    needsCheck: (key, counts) => counts.close_count > 1 && !isUntracedKey(key),
    find(executionId, key, { rows }) {
      if (isUntracedKey(key)) return [];
      const terminals = rows.terminals(executionId);
      return terminals.slice(1).map((e, i) => ({
        sourceId: e.source_id, line: e.line, eventId: e.id, code: 'exec.duplicate_terminal_event',
        message: `trace_id "${key}" has ${terminals.length} terminal events; this is number ${i + 2}.`,
      }));
    },
  },
  sections: () => NO_SECTIONS,
  compare: {
    steps: execEventSteps,
    baselineScope: (row) => (row.label === null ? null : { family: 'exec-event', kind: 'action', value: row.label }),
  },
  waterfall: eventWaterfall,
};
