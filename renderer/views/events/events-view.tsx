import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiRequest } from '../../../shared/api/contract';
import type { Family } from '../../../shared/model/family';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { EventsListbox } from '../../components/events-listbox';
import { LoadingState } from '../../components/loading-state';
import type { EventRow } from '../../format/event-row';
import { formatCount } from '../../format/numbers';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { PageFetcher } from '../../hooks/paged-list';
import { usePagedRows } from '../../hooks/use-paged-rows';
import { useSlashFocus } from '../../hooks/use-slash-focus';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { rangeRequest, useTimeRange } from '../../state/time-range-context';
import { EventDetail } from './event-detail';
import { EventFilters, type EventFilterState } from './event-filters';

const INITIAL: EventFilterState = { query: '', family: '', kind: '', failedOnly: false };

/** Full-text search over every event, filtered, in time order; the selected event's detail beside the list. */
export function EventsView({ eventId }: { readonly eventId: number | null }) {
  const bridge = useBridge();
  const { range } = useTimeRange();
  const [filters, setFilters] = useState<EventFilterState>(INITIAL);
  const query = useDebouncedValue(filters.query.trim(), 300);
  const kind = useDebouncedValue(filters.kind.trim(), 300);
  const request = useMemo<ApiRequest<'listEvents'>>(
    () => ({
      ...(query !== '' ? { query } : {}),
      ...(filters.family !== '' ? { families: [filters.family as Family] } : {}),
      ...(kind !== '' ? { kinds: [kind] } : {}),
      ...(filters.failedOnly ? { failed: true } : {}),
      ...rangeRequest(range),
    }),
    [query, kind, filters.family, filters.failedOnly, range],
  );
  const fetchPage = useCallback<PageFetcher<EventRow>>((cursor, limit) => callBridge(bridge, 'listEvents', { ...request, limit, ...(cursor !== null ? { cursor } : {}) }), [bridge, request]);
  const rows = usePagedRows({ key: JSON.stringify(request), fetchPage, pageSize: 300, reversible: false });
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef, true);
  const found = rows.total ?? Math.max(0, rows.count - 1);
  return (
    <div className={`view view-events${eventId !== null ? ' has-detail' : ''}`}>
      <div className="view-title">
        <h1>Events</h1>
        <span className="muted" role="status">
          {rows.ready ? `${formatCount(found)}${rows.total === null ? '+' : ''} events${query !== '' ? ` matching “${query}”` : ''}` : ''}
        </span>
      </div>
      <EventFilters filters={filters} onChange={setFilters} searchRef={searchRef} />
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
            <EventsListbox rows={rows} label="Events" idPrefix="event-row" selectedEventId={eventId} />
          )}
        </div>
        {eventId !== null && (
          <div className="split-detail">
            <EventDetail key={eventId} eventId={eventId} />
          </div>
        )}
      </div>
    </div>
  );
}
