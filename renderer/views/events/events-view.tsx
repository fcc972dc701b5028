import { useCallback, useMemo, useRef } from 'react';
import type { ApiRequest, InspectorBridge } from '../../../shared/api/contract';
import { CopyLinkButton } from '../../components/copy-link-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { EventsListbox } from '../../components/events-listbox';
import { LoadingState } from '../../components/loading-state';
import { RouteLink } from '../../components/route-link';
import type { EventRow } from '../../format/event-row';
import type { ProblemPlace } from '../../format/problem-steps';
import { partialSearchNote, type EnrichmentProgress } from '../../format/enrichment-label';
import { eventsRequest, type EventFilters as Filters } from '../../format/event-query';
import { plural } from '../../format/numbers';
import { routeHash } from '../../format/route';
import { useApi } from '../../hooks/use-api';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { replaceRoute } from '../../hooks/use-hash-route';
import type { PageFetcher } from '../../hooks/paged-list';
import { usePagedRows } from '../../hooks/use-paged-rows';
import { useProblemStepper } from '../../hooks/use-problem-stepper';
import { useShortcut } from '../../hooks/use-shortcut';
import { useSlashFocus } from '../../hooks/use-slash-focus';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { rangeRequest, useTimeRange } from '../../state/time-range-context';
import { EventDetail } from './event-detail';
import { EventFilters } from './event-filters';

const NO_KINDS: readonly string[] = [];

/**
 * Full-text search over every event, filtered, in time order; the selected
 * event's detail beside the list. Filters, selection and anchor are the
 * route's, so a link shows the same list. An anchored list (followed from a
 * problem) starts a few events before its anchor, which is selected and in view.
 */
export function EventsView({
  eventId,
  filters,
  anchor,
  enrichment,
  reading,
}: {
  readonly eventId: number | null;
  readonly filters: Filters;
  readonly anchor: number | null;
  /** The enrichment after a scan while it runs: full-text search covers only the events it has reached. */
  readonly enrichment: EnrichmentProgress;
  /** True while the folder is still read: the events read so far have no full text yet. */
  readonly reading: boolean;
}) {
  const bridge = useBridge();
  const { range } = useTimeRange();
  const query = useDebouncedValue(filters.query.trim(), 300);
  const kind = useDebouncedValue(filters.kind.trim(), 300);
  // Suggestions only: read once per visit, not on every index change (counting kinds reads every event).
  const kinds = useApi('listEventKinds', {}, { live: false });
  const request = useMemo<ApiRequest<'listEvents'>>(
    () => ({ ...eventsRequest({ ...filters, query, kind }, rangeRequest(range)), ...(anchor !== null ? { anchor } : {}) }),
    [query, kind, filters, range, anchor],
  );
  // Filters change by replacing the history entry; a new filter drops the anchor (the list starts over).
  const showFilters = useCallback((next: Filters) => replaceRoute(routeHash({ view: 'events', eventId, filters: next })), [eventId]);
  const hashOf = useCallback((row: EventRow) => routeHash({ view: 'events', eventId: row.id, filters, anchor }), [filters, anchor]);
  const fetchPage = useCallback<PageFetcher<EventRow>>((cursor, limit) => callBridge(bridge, 'listEvents', { ...request, limit, ...(cursor !== null ? { cursor } : {}) }), [bridge, request]);
  const rows = usePagedRows({ key: JSON.stringify(request), fetchPage, pageSize: 300, reversible: false });
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef, true);
  const problems = useProblemStepper();
  useShortcut((action) => {
    if (action !== 'next-problem' && action !== 'previous-problem') return false;
    const direction = action === 'next-problem' ? 'next' : 'previous';
    // With no event open, the first or the last problem; from an open event, the problem after or before its own (or after or before it).
    problems.step(eventId === null ? { problemIds: [direction === 'next' ? 0 : Number.MAX_SAFE_INTEGER] } : () => placeOfEvent(bridge, eventId), direction);
    return true;
  }, 'events');
  const partialNote = query === '' ? null : partialSearchNote(enrichment, reading);
  const found = rows.total ?? Math.max(0, rows.count - 1);
  const more = rows.total === null && rows.count > 0;
  return (
    <div className={`view view-events${eventId !== null ? ' has-detail' : ''}`}>
      <div className="view-head">
        <div className="view-title">
          <h1>Events</h1>
          <span className="muted" role="status">
            {rows.ready ? `${more ? `${plural(found, 'event')}+` : plural(found, 'event')}${anchor !== null ? ` from just before event ${anchor}` : ''}${query !== '' ? ` matching ${/^".*"$/u.test(query) ? query : `“${query}”`}` : ''}` : ''}
          </span>
        </div>
        <CopyLinkButton to={{ view: 'events', eventId, filters, anchor }} description="Copy a link to this list with its filters" />
      </div>
      <EventFilters filters={filters} onChange={showFilters} searchRef={searchRef} kinds={kinds.value?.items.map((item) => item.kind) ?? NO_KINDS} />
      {problems.message !== null && (
        <p className="step-message" role="status">
          {problems.message}
        </p>
      )}
      {partialNote !== null && (
        <p className="step-message" role="status">
          {partialNote}
        </p>
      )}
      {anchor !== null && (
        <p className="anchor-note">
          The list starts a few events before event {anchor}. <RouteLink to={{ view: 'events', eventId, filters }}>Show the list from its start</RouteLink>
        </p>
      )}
      <div className="split">
        <div className="split-list">
          {rows.error !== null && <ErrorState error={rows.error} title="The search failed" />}
          {!rows.ready ? (
            rows.error === null && <LoadingState label="Searching…" />
          ) : rows.count === 0 ? (
            <EmptyState title="No events match">
              <p>Try fewer words, another family, or clear the time range.</p>
            </EmptyState>
          ) : (
            <EventsListbox rows={rows} label="Events" idPrefix="event-row" selectedEventId={eventId} hashOf={hashOf} stepKeys />
          )}
        </div>
        {eventId !== null && (
          <div className="split-detail">
            <EventDetail key={eventId} eventId={eventId} closeTo={{ view: 'events', eventId: null, filters, anchor }} />
          </div>
        )}
      </div>
    </div>
  );
}

/** Where an open event stands among the problems: at its own problems, or, having none, at itself. */
async function placeOfEvent(bridge: InspectorBridge, eventId: number): Promise<ProblemPlace> {
  const detail = await callBridge(bridge, 'getEvent', { id: eventId });
  const ids = detail.ok ? detail.value.problems.map((problem) => problem.id) : [];
  return ids.length > 0 ? { problemIds: ids } : { eventId };
}
