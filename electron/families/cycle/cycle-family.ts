import { NO_CONTRACT_CHECKS, NO_SECTIONS, noLabel, PLAIN_INDEX_RULES, type FamilyModule } from '../family-module';
import { hasField as has } from '../reading/read-field';
import { cycleWaterfall } from './cycle-waterfall-bars';
import { normalizeCycle } from './normalize-cycle';
import { runName } from './run-name';
import { cycleSteps } from './cycle-steps';

/** Agent cycle logs (formats.md §3): a run_id is the execution, its cycles and their events inside it; review.decision settles it. */
export const cycleFamily: FamilyModule<'cycle'> = {
  family: 'cycle',
  detectionRank: 30,
  detect: (obj) => has(obj, 'run_id') && has(obj, 'event') && (has(obj, 'schema_version') || has(obj, 'cycle') || has(obj, 'source')),
  normalize: normalizeCycle,
  label: noLabel,
  index: {
    ...PLAIN_INDEX_RULES,
    statusContribution(event) {
      if (event.kind === 'review.decision' && event.status !== null) {
        const status = event.status;
        return { status, outcome: status === 'accept' ? 'ok' : status === 'abort' ? 'failed' : 'running', rank: 2 };
      }
      return { status: 'running', outcome: 'running', rank: 0 };
    },
    cycleOf: (event) => (event.facts.family === 'cycle' ? event.facts.cycle : null),
  },
  checks: NO_CONTRACT_CHECKS,
  sections: (facts, execution) => ({ ...NO_SECTIONS, cycles: facts.cycles(execution) }),
  compare: {
    steps: cycleSteps,
    // formats.md §3: a run id is `<time>/<name>`; the runs of one name are the same job run again.
    baselineScope: (row) => ({ family: 'cycle', kind: 'run', value: runName(row.key) }),
  },
  waterfall: cycleWaterfall,
};
