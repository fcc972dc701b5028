import { basename } from 'node:path';
import { NO_CONTRACT_CHECKS, NO_SECTIONS, PLAIN_INDEX_RULES, type FamilyModule } from '../family-module';
import { hasField } from '../reading/read-field';
import { eventBar, runBar } from '../waterfall-bar';
import { normalizeStream } from './normalize-stream';
import { streamSteps } from './stream-steps';

/** Live mission streams (formats.md §4): a mission_id is the execution; `status` events carry its state. */
export const streamFamily: FamilyModule<'stream'> = {
  family: 'stream',
  detectionRank: 40,
  detect: (obj) => hasField(obj, 'mission_id') && hasField(obj, 'event_type'),
  normalize: normalizeStream,
  // formats.md: the file stem is the live_stream_id.
  label: (_event, sourcePath) => basename(sourcePath).replace(/\.(jsonl|ndjson|log|json)(\.\d+)?(\.gz)?$/i, ''),
  index: {
    ...PLAIN_INDEX_RULES,
    statusContribution(event) {
      const status = event.status;
      if (event.kind !== 'status' || status === null) return null;
      if (status === 'completed') return { status, outcome: 'ok', rank: 2 };
      if (status === 'failed') return { status, outcome: 'failed', rank: 2 };
      return { status, outcome: 'running', rank: 1 };
    },
  },
  checks: NO_CONTRACT_CHECKS,
  sections: () => NO_SECTIONS,
  compare: {
    steps: streamSteps,
    // A mission id names one run; the streams share one shape of events, so they form one group.
    baselineScope: () => ({ family: 'stream', kind: 'missions', value: 'stream' }),
  },
  // The mission as a whole, then each stream event where it was logged.
  waterfall: (reads, execution) => [runBar(execution.row, `Mission ${execution.row.key}`), ...reads.events().map((event) => eventBar(event, 1))],
};
