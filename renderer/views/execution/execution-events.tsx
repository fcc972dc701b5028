import { useCallback } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { EventsListbox } from '../../components/events-listbox';
import { LoadingState } from '../../components/loading-state';
import { Panel } from '../../components/panel';
import { eventCopiesNote } from '../../format/event-copies';
import type { EventRow } from '../../format/event-row';
import { formatCount } from '../../format/numbers';
import type { PageFetcher } from '../../hooks/paged-list';
import { usePagedRows } from '../../hooks/use-paged-rows';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';

/** Every event of an execution in time order, read page by page as the list scrolls. */
export function ExecutionEvents({ id, title = 'Events', counted }: { readonly id: string; readonly title?: string; readonly counted?: number }) {
  const bridge = useBridge();
  const fetchPage = useCallback<PageFetcher<EventRow>>(
    (cursor, limit) => callBridge(bridge, 'listEvents', { executionId: id, limit, ...(cursor !== null ? { cursor } : {}) }),
    [bridge, id],
  );
  const rows = usePagedRows({ key: id, fetchPage, pageSize: 500, reversible: false });
  const loaded = rows.total ?? Math.max(0, rows.count - 1);
  const copies = counted === undefined ? null : eventCopiesNote(rows.total, counted);
  return (
    <Panel title={`${title}${rows.ready ? ` (${formatCount(loaded)}${rows.total === null ? '+' : ''})` : ''}`} className="panel-events">
      {copies !== null && <p className="muted small events-note">{copies}</p>}
      {rows.error !== null && <ErrorState error={rows.error} title="Could not read the events" />}
      {!rows.ready ? (
        rows.error === null && <LoadingState label="Loading events…" />
      ) : rows.count === 0 ? (
        <EmptyState title="No events" />
      ) : (
        <EventsListbox rows={rows} label={`${title} of ${id}`} idPrefix="exec-events" className="events-embedded" maxHeight={360} />
      )}
    </Panel>
  );
}
