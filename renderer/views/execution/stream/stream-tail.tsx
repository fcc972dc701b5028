import { useCallback, useId, useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { VirtualListbox } from '../../../components/virtual-listbox';
import type { EventRow } from '../../../format/event-row';
import { plural } from '../../../format/numbers';
import { eventHash } from '../../../format/route';
import type { PageFetcher } from '../../../hooks/paged-list';
import { usePagedRows } from '../../../hooks/use-paged-rows';
import { useSelection } from '../../../hooks/use-selection';
import { useRowNavigation } from '../../../hooks/use-row-navigation';
import { useBridge } from '../../../state/bridge-context';
import { callBridge } from '../../../state/call-bridge';
import { StreamEventRowView } from './stream-event-row-view';

const idOf = (row: EventRow): string => String(row.id);

const routeOfEvent = (row: EventRow): string => eventHash(row.id);


/**
 * The mission's events, following new ones as the stream file grows (within a
 * few hundred ms of the append). Unticking "Follow" keeps the list where the
 * reader left it while rows keep arriving.
 */
export function StreamTail({ id }: { readonly id: string }) {
  const bridge = useBridge();
  const followId = useId();
  const [follow, setFollow] = useState(true);
  const fetchPage = useCallback<PageFetcher<EventRow>>(
    (cursor, limit) => callBridge(bridge, 'listEvents', { executionId: id, limit, ...(cursor !== null ? { cursor } : {}) }),
    [bridge, id],
  );
  const rows = usePagedRows({ key: `tail ${id}`, fetchPage, pageSize: 500, reversible: false });
  const { activeIndex, select } = useSelection(rows.rowAt, idOf);
  const { open, isPlaceholder } = useRowNavigation(rows, routeOfEvent);
  const renderRow = useCallback((index: number) => <StreamEventRowView row={rows.rowAt(index)} />, [rows]);
  const shown = rows.total ?? Math.max(0, rows.count - 1);
  return (
    <Panel
      title={`Live tail (${plural(shown, 'event')})`}
      className="panel-tail"
      actions={
        <span className="field-check">
          <input id={followId} type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} />
          <label htmlFor={followId}>Follow new events</label>
        </span>
      }
    >
      {rows.error !== null && <ErrorState error={rows.error} title="Could not read the stream" />}
      {!rows.ready ? (
        rows.error === null && <LoadingState label="Loading the stream…" />
      ) : rows.count === 0 ? (
        <EmptyState title="No events yet" />
      ) : (
        <VirtualListbox
          label={`Mission stream events of ${id}`}
          className="tail-list"
          count={rows.count}
          rowHeight={30}
          idPrefix="stream-row"
          activeIndex={activeIndex}
          onActiveIndexChange={select}
          onOpen={open}
          onRangeChange={rows.ensureRange}
          renderRow={renderRow}
          isPlaceholder={isPlaceholder}
          followEnd={follow}
        />
      )}
    </Panel>
  );
}
