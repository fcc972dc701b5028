import type { ApiResponse } from '../../shared/api/contract';

/** The enrichment after a scan as the summary reports it (null when nothing waits). */
export type EnrichmentProgress = ApiResponse<'summary'>['progress']['enrichment'];

/**
 * What the top bar says while the enrichment after a scan runs: lists already
 * work, search and checks follow. Short, for an 800 px wide bar.
 */
export function enrichmentLabel(enrichment: NonNullable<EnrichmentProgress>): string {
  if (enrichment.stage === 'checks') return 'Checking executions…';
  if (enrichment.stage === 'merge') return 'Compacting the search index…';
  if (enrichment.stage === 'rows') return 'Search ready; adding steps, spans and side effects…';
  if (enrichment.etaMs === null) return 'Preparing search…';
  const seconds = Math.max(1, Math.ceil(enrichment.etaMs / 1000));
  return seconds < 90 ? `Search ready in ~${seconds} s` : `Search ready in ~${Math.round(seconds / 60)} min`;
}

/** How much of the enrichment is done, in percent (null when there is no total). */
export function enrichmentPercent(enrichment: NonNullable<EnrichmentProgress>): number | null {
  if (enrichment.stage !== 'events' || enrichment.total <= 0) return null;
  return Math.min(100, Math.floor((enrichment.done / enrichment.total) * 100));
}

/**
 * What a search says while the folder is still read (`reading`: its lines get
 * their full text after the scan) or the enrichment has not given every event
 * its full text (null once it has: the checks that follow do not change what a
 * search finds). A search that finds nothing now may find it later, and must
 * not read as an answer.
 */
export function partialSearchNote(enrichment: EnrichmentProgress, reading: boolean): string | null {
  if (reading) return 'Full-text search covers only part of the folder so far: the folder is still being read, and the text of what was read is added after that; a missing match may still appear.';
  if (enrichment === null || enrichment.stage !== 'events') return null;
  const done = enrichmentPercent(enrichment);
  const share = done === null ? '' : ` (${done}% of the events)`;
  const eta = enrichment.etaMs === null ? '' : ` It will cover all of it in about ${Math.max(1, Math.ceil(enrichment.etaMs / 1000))} s.`;
  return `Full-text search covers only part of the folder so far${share}: the index is still adding the text of the events it read; a missing match may still appear.${eta}`;
}
