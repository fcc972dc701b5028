import { useCallback, useEffect, useMemo } from 'react';
import { eventHash } from '../format/route';
import type { EventRow } from '../format/event-row';
import type { PagedRows } from '../hooks/use-paged-rows';
import { useSelection } from '../hooks/use-selection';
import { useRowNavigation } from '../hooks/use-row-navigation';
import { useShortcut } from '../hooks/use-shortcut';
import { EventRowView } from './event-row-view';
import { VirtualListbox } from './virtual-listbox';

const ROW_HEIGHT = 30;
const idOf = (row: EventRow): string => String(row.id);

const routeOfEvent = (row: EventRow): string => eventHash(row.id);

/** How far into the rows read the open event is looked for: an anchored list holds it near the top. */
const REVEAL_SEARCH_ROWS = 2000;

/**
 * A virtualized list of events; Enter or a click opens the event's detail.
 * When the open event is among the rows read, it is selected and scrolled into view.
 */
export function EventsListbox({
  rows,
  label,
  idPrefix,
  followEnd = false,
  selectedEventId = null,
  className,
  maxHeight,
  hashOf = routeOfEvent,
  stepKeys = false,
}: {
  readonly rows: PagedRows<EventRow>;
  readonly label: string;
  readonly idPrefix: string;
  readonly followEnd?: boolean;
  readonly selectedEventId?: number | null;
  readonly className?: string;
  /** A fixed frame that shrinks to its rows (embedded lists); without it the list fills its container. */
  readonly maxHeight?: number;
  /** The route a row opens (default: the event's detail with no filters). */
  readonly hashOf?: (row: EventRow) => string;
  /** Whether j and k, anywhere on the page, open the next and previous event (the Events view, where the detail is beside the list). */
  readonly stepKeys?: boolean;
}) {
  const { activeIndex, select } = useSelection(rows.rowAt, idOf);
  const { open, isPlaceholder } = useRowNavigation(rows, hashOf);
  const { rowAt, count, version } = rows;
  const selectedIndex = useMemo(() => {
    if (selectedEventId === null) return null;
    for (let index = 0; index < Math.min(count, REVEAL_SEARCH_ROWS); index += 1) if (rowAt(index)?.id === selectedEventId) return index;
    return null;
    // `version` changes as pages arrive: the rows to search changed.
  }, [selectedEventId, rowAt, count, version]);
  useEffect(() => {
    if (selectedIndex !== null) select(selectedIndex);
    // Only when the open event is found anew: moving with the keys must not snap back to it.
  }, [selectedIndex]);
  useShortcut((action) => {
    if (!stepKeys || (action !== 'next-row' && action !== 'previous-row')) return false;
    // From the row in hand (moved to with the arrows, or the open event), else from before the first row.
    const from = activeIndex ?? selectedIndex ?? -1;
    const next = Math.max(0, Math.min(count - 1, from + (action === 'next-row' ? 1 : -1)));
    if (count === 0 || next === from) return true;
    select(next);
    if (isPlaceholder(next)) rows.ensureRange(next, next);
    else open(next);
    return true;
  }, 'events');
  const renderRow = useCallback(
    (index: number) => {
      const row = rows.rowAt(index);
      return (
        <>
          {row !== undefined && row.id === selectedEventId && <span className="visually-hidden">(open) </span>}
          <EventRowView row={row} />
        </>
      );
    },
    [rows, selectedEventId],
  );
  return (
    <div className={`list-frame ${className ?? ''}`} style={maxHeight === undefined ? undefined : { height: Math.min(maxHeight, 32 + rows.count * ROW_HEIGHT + 2) }}>
      <div className="list-head event-grid" aria-hidden="true">
        <span>Time (UTC)</span>
        <span>Family</span>
        <span>Kind</span>
        <span>Status</span>
        <span>File:line</span>
        <span>Raw line</span>
      </div>
      <VirtualListbox
        label={label}
        className="event-list event-grid-rows"
        count={rows.count}
        rowHeight={ROW_HEIGHT}
        idPrefix={idPrefix}
        activeIndex={activeIndex}
        onActiveIndexChange={select}
        onOpen={open}
        onRangeChange={rows.ensureRange}
        renderRow={renderRow}
        isPlaceholder={isPlaceholder}
        followEnd={followEnd}
        revealIndex={selectedIndex}
        letterKeys={!stepKeys}
      />
    </div>
  );
}
