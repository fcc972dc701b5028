import type { SearchTextReaders } from '../index/stored-search-text';
import { wholeLineSearchText } from './whole-line-search-text';
import { renormalizeRaw } from './renormalize-raw';

/**
 * The readers a search checks stored events with (index/queries/full-text-check.ts):
 * the enrichment's own, times read as UTC, which the search text does not hold.
 */
export const SEARCH_READERS: SearchTextReaders = { renormalize: renormalizeRaw, wholeLineSearchText };
