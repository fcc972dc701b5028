import { NO_CONTRACT_CHECKS, NO_SECTIONS, noLabel, PLAIN_INDEX_RULES, type FamilyModule } from '../family-module';
import { eventWaterfall } from '../waterfall-bar';
import { normalizeGeneric } from './normalize-generic';

/** JSON objects (and text lines) of no known family: searchable, timed where they say when, in no execution. */
export const genericFamily: FamilyModule<'generic'> = {
  family: 'generic',
  // Takes anything, so it is tried last.
  detectionRank: Number.POSITIVE_INFINITY,
  detect: () => true,
  normalize: normalizeGeneric,
  label: noLabel,
  // In no execution, whatever key it names.
  index: { ...PLAIN_INDEX_RULES, place: () => ({ key: null, problem: null }) },
  checks: NO_CONTRACT_CHECKS,
  sections: () => NO_SECTIONS,
  compare: null,
  waterfall: eventWaterfall,
};
