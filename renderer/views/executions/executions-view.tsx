import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { VirtualListbox } from '../../components/virtual-listbox';
import type { ExecutionRow } from '../../format/execution-row';
import { DEFAULT_EXECUTION_FILTERS, executionsRequest, type ExecutionFilters as Filters } from '../../format/execution-query';
import { formatCount } from '../../format/numbers';
import { executionHash } from '../../format/route';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { PageFetcher } from '../../hooks/paged-list';
import { usePagedRows } from '../../hooks/use-paged-rows';
import { useSelection } from '../../hooks/use-selection';
import { useRowNavigation } from '../../hooks/use-row-navigation';
import { useSlashFocus } from '../../hooks/use-slash-focus';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { rangeRequest, useTimeRange } from '../../state/time-range-context';
import { ExecutionFilters } from './execution-filters';
import { ExecutionRowView } from './execution-row-view';

const ROW_HEIGHT = 30;
const PAGE_SIZE = 500;
const idOf = (row: ExecutionRow): string => row.id;

const routeOfExecution = (row: ExecutionRow): string => executionHash(row.id);


/**
 * Every execution of every family in one virtualized list, read page by page
 * as it scrolls. Stays mounted (hidden) while a detail is open, so coming back
 * finds the same filters, selection and scroll position.
 */
export function ExecutionsView({ hidden }: { readonly hidden: boolean }) {
  const bridge = useBridge();
  const { range } = useTimeRange();
  const [filters, setFilters] = useState<Filters>(DEFAULT_EXECUTION_FILTERS);
  const text = useDebouncedValue(filters.text, 250);
  const request = useMemo(() => executionsRequest({ ...filters, text }, rangeRequest(range)), [filters, text, range]);
  const key = JSON.stringify(request);
  const fetchPage = useCallback<PageFetcher<ExecutionRow>>(
    (cursor, limit, reverse) =>
      callBridge(bridge, 'listExecutions', { ...request, descending: reverse ? !request.descending : request.descending, limit, ...(cursor !== null ? { cursor } : {}) }),
    [bridge, request],
  );
  const rows = usePagedRows({ key, fetchPage, pageSize: PAGE_SIZE, reversible: true });
  const { activeIndex, select } = useSelection(rows.rowAt, idOf);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const scrollTop = useRef(0);
  useSlashFocus(searchRef, !hidden);
  useLayoutEffect(() => {
    if (!hidden && scrollRef.current !== null && scrollRef.current.scrollTop !== scrollTop.current) scrollRef.current.scrollTop = scrollTop.current;
  }, [hidden]);
  const { open, isPlaceholder } = useRowNavigation(rows, routeOfExecution);
  const renderRow = useCallback((index: number) => <ExecutionRowView row={rows.rowAt(index)} />, [rows]);
  return (
    <div className="view view-executions" hidden={hidden}>
      <div className="view-title">
        <h1>Executions</h1>
        <span className="muted" role="status">
          {rows.ready ? `${formatCount(rows.total ?? rows.count)} executions` : ''}
          {rows.fetching && rows.ready ? ' · loading rows…' : ''}
        </span>
      </div>
      <ExecutionFilters filters={filters} onChange={setFilters} searchRef={searchRef} />
      {rows.error !== null && <ErrorState error={rows.error} title="Could not read the executions" />}
      {!rows.ready ? (
        rows.error === null && <LoadingState label="Loading executions…" />
      ) : rows.count === 0 ? (
        <EmptyState title="No executions match">
          <p>Change the filters or clear the time range.</p>
        </EmptyState>
      ) : (
        <div className="list-frame">
          <div className="list-head exec-grid" aria-hidden="true">
            <span>Family</span>
            <span>Key</span>
            <span>Status</span>
            <span>Integrity</span>
            <span>Start (UTC)</span>
            <span className="num">Duration</span>
            <span className="num">Events</span>
            <span className="num">Failures</span>
            <span className="num">Problems</span>
          </div>
          <VirtualListbox
            label="Executions"
            className="exec-list exec-grid-rows"
            count={rows.count}
            rowHeight={ROW_HEIGHT}
            idPrefix="execution-row"
            activeIndex={activeIndex}
            onActiveIndexChange={select}
            onOpen={open}
            onRangeChange={rows.ensureRange}
            renderRow={renderRow}
            isPlaceholder={isPlaceholder}
            scrollRef={scrollRef}
            onScroll={(top) => {
              if (!hidden) scrollTop.current = top;
            }}
          />
          <p className="hint muted">↑/↓ to move, Enter to open, / to search.</p>
        </div>
      )}
    </div>
  );
}
