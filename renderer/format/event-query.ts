import type { ApiRequest } from '../../shared/api/contract';
import { FAMILIES, type Family } from '../../shared/model/family';

/** What the events explorer searches and filters by. */
export interface EventFilters {
  readonly query: string;
  readonly family: Family | '';
  /** Compared without regard to case, so `checkpoint` finds `CHECKPOINT`. */
  readonly kind: string;
  readonly failedOnly: boolean;
}

/** Every event. */
export const DEFAULT_EVENT_FILTERS: EventFilters = { query: '', family: '', kind: '', failedOnly: false };

/** The listEvents request of a filter state and time range (no cursor, no limit). */
export function eventsRequest(filters: EventFilters, range: { from?: number; to?: number }): ApiRequest<'listEvents'> {
  const query = filters.query.trim();
  const kind = filters.kind.trim();
  return {
    ...(query !== '' ? { query } : {}),
    ...(filters.family !== '' ? { families: [filters.family] } : {}),
    ...(kind !== '' ? { kinds: [kind] } : {}),
    ...(filters.failedOnly ? { failed: true } : {}),
    ...range,
  };
}

/** True for a family name of the contract (a URL may say anything). */
export function isFamily(text: string): text is Family {
  return (FAMILIES as readonly string[]).includes(text);
}
