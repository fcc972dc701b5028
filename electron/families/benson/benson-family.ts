import { looksLikeBensonReport, opensPacDispatch } from '../../../shared/formats/benson';
import { NO_SECTIONS, type FamilyModule } from '../family-module';
import { isJsonObject, readField } from '../reading/read-field';
import { bensonWaterfall } from './benson-waterfall-bars';
import { normalizeBenson } from './normalize-benson';
import { bensonSteps } from './benson-steps';

/**
 * Benson governance telemetry (formats.md §2): a PAC dispatch is the execution,
 * from PAC_DISPATCH_START (or _WITH_SESSION) to PAC_DISPATCH_END; CHECKPOINTs
 * carry no pac_id and join the PAC open in their file.
 */
export const bensonFamily: FamilyModule<'benson'> = {
  family: 'benson',
  detectionRank: 20,
  detect: (obj) =>
    (typeof readField(obj, 'event_type') === 'string' && isJsonObject(readField(obj, 'data')) && (Object.hasOwn(obj, 'telemetry_version') || Object.hasOwn(obj, 'authority'))) ||
    looksLikeBensonReport(obj),
  normalize: normalizeBenson,
  label: (event) => (opensPacDispatch(event.kind) ? event.actor : null),
  index: {
    place(event, carryOf) {
      const key = event.executionKey;
      const carry = carryOf();
      if (key === null) {
        const open = carry.openPac;
        const problem = open === null && event.kind === 'CHECKPOINT'
          ? { code: 'benson.orphan_checkpoint' as const, message: 'CHECKPOINT arrived while no PAC dispatch was open in this file.' }
          : null;
        return { key: open, problem };
      }
      if (opensPacDispatch(event.kind)) carry.openPac = key;
      else if (event.kind === 'PAC_DISPATCH_END' && carry.openPac === key) carry.openPac = null;
      return { key, problem: null };
    },
    statusContribution(event) {
      if (opensPacDispatch(event.kind)) return { status: 'DISPATCHED', outcome: 'running', rank: 1 };
      if (event.kind === 'PAC_DISPATCH_END' && event.status !== null) return { status: event.status, outcome: event.status === 'COMPLETED' ? 'ok' : 'failed', rank: 2 };
      return null;
    },
    opensExecution: (event) => opensPacDispatch(event.kind),
    closesExecution: (event) => event.kind === 'PAC_DISPATCH_END',
    headerFacts: () => ({}),
    cycleOf: () => null,
    derivedRows(event) {
      const facts = event.facts;
      if (facts.family !== 'benson' || facts.checkpoint === null) return {};
      const c = facts.checkpoint;
      return { checkpoints: [{ checkpointId: c.id, name: c.name, status: c.status, details: c.details, ts: event.timestampMs }] };
    },
    countsOnceAcrossFiles: true,
    carriesTamperEvidence: false,
  },
  checks: {
    needsCheck: (_key, counts) => counts.open_count !== 1 || counts.close_count !== 1,
    find(executionId, key, { rows }) {
      // Second sightings of an event (log_file and captured stdout) are left out by the query.
      const marks = rows.dispatches(executionId);
      const starts = marks.filter((e) => opensPacDispatch(e.kind));
      const ends = marks.filter((e) => e.kind === 'PAC_DISPATCH_END');
      if (starts.length === 1 && ends.length === 1) return [];
      const at = starts[0] ?? ends[0] ?? rows.firstEvent(executionId);
      return [{
        sourceId: at?.source_id ?? null, line: at?.line ?? null, eventId: at?.id ?? null, code: 'benson.unpaired_dispatch',
        message: `PAC ${key} has ${starts.length} PAC_DISPATCH_START (or _WITH_SESSION) and ${ends.length} PAC_DISPATCH_END events; exactly one of each is expected.`,
      }];
    },
  },
  sections: (facts, execution) => ({ ...NO_SECTIONS, checkpoints: facts.checkpoints(execution) }),
  compare: {
    steps: bensonSteps,
    // A PAC id names one dispatch (one execution); the PACs dispatched to one agent are what repeat.
    baselineScope: (row) => (row.actor === null ? null : { family: 'benson', kind: 'agent', value: row.actor }),
  },
  waterfall: bensonWaterfall,
};
