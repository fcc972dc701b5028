import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CopyLinkButton } from '../../components/copy-link-button';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { VirtualListbox } from '../../components/virtual-listbox';
import { executionsListNote, type IndexingProgress } from '../../format/checks-progress';
import type { ExecutionRow } from '../../format/execution-row';
import { executionsRequest, type ExecutionFilters as Filters } from '../../format/execution-query';
import { plural } from '../../format/numbers';
import { compareHash, executionHash, routeHash } from '../../format/route';
import { useBaselineVerdicts } from '../../hooks/use-baseline-verdicts';
import { replaceRoute } from '../../hooks/use-hash-route';
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
import { ExportListOtlp } from './export-list-otlp';

const ROW_HEIGHT = 30;
const PAGE_SIZE = 500;
const idOf = (row: ExecutionRow): string => row.id;

const routeOfExecution = (row: ExecutionRow): string => executionHash(row.id);
const showFilters = (filters: Filters): void => replaceRoute(routeHash({ view: 'executions', filters }));

/**
 * Every execution of every family in one virtualized list, read page by page
 * as it scrolls. Its filters are the route's (the URL says them, so a link
 * shares them); it stays mounted (hidden) while a detail is open, so coming
 * back finds the same selection and scroll position.
 */
export function ExecutionsView({ hidden, filters, progress }: { readonly hidden: boolean; readonly filters: Filters; readonly progress: IndexingProgress | null }) {
  const bridge = useBridge();
  const { range } = useTimeRange();
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
  // Baseline verdicts are computed for the rows on screen only: the list may hold millions.
  const [visible, setVisible] = useState<readonly [number, number]>([0, -1]);
  const ensureRange = rows.ensureRange;
  const onRangeChange = useCallback(
    (start: number, end: number) => {
      ensureRange(start, end);
      setVisible((previous) => (previous[0] === start && previous[1] === end ? previous : [start, end]));
    },
    [ensureRange],
  );
  const visibleIds: string[] = [];
  for (let index = visible[0]; index <= visible[1]; index += 1) {
    const row = rows.rowAt(index);
    if (row !== undefined) visibleIds.push(row.id);
  }
  const verdicts = useBaselineVerdicts(visibleIds);
  const listNote = progress === null ? null : executionsListNote(filters, progress);
  // `c` on a row picks it as run A; `c` on another compares the two; Escape forgets the pick.
  const [picked, setPicked] = useState<string | null>(null);
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = activeIndex === null ? undefined : rows.rowAt(activeIndex);
    if (event.key === 'c' && row !== undefined) {
      event.preventDefault();
      if (picked === null || picked === row.id) setPicked(row.id);
      else window.location.hash = compareHash(picked, row.id);
    } else if (event.key === 'Escape' && picked !== null) {
      event.preventDefault();
      setPicked(null);
    }
  };
  const renderRow = useCallback(
    (index: number) => {
      const row = rows.rowAt(index);
      return <ExecutionRowView row={row} verdict={row === undefined ? undefined : verdicts.get(row.id)} picked={row !== undefined && row.id === picked} />;
    },
    [rows, verdicts, picked],
  );
  return (
    <div className="view view-executions" hidden={hidden}>
      <div className="view-head">
        <div className="view-title">
          <h1>Executions</h1>
          <span className="muted" role="status">
            {rows.ready ? plural(rows.total ?? rows.count, 'execution') : ''}
            {rows.fetching && rows.ready ? ' · loading rows…' : ''}
          </span>
        </div>
        <CopyLinkButton to={{ view: 'executions', filters }} description="Copy a link to this list with its filters" />
        <ExportListOtlp request={request} />
      </div>
      <ExecutionFilters filters={filters} onChange={showFilters} searchRef={searchRef} />
      {listNote !== null && (
        <p className="muted" role="note">
          {listNote}
        </p>
      )}
      {rows.error !== null && <ErrorState error={rows.error} title="Could not read the executions" />}
      {!rows.ready ? (
        rows.error === null && <LoadingState label="Loading executions…" />
      ) : rows.count === 0 ? (
        <EmptyState title="No executions match">
          <p>Change the filters or clear the time range.</p>
        </EmptyState>
      ) : (
        <div className="list-frame" onKeyDown={onListKeyDown}>
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
            <span>Baseline</span>
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
            onRangeChange={onRangeChange}
            renderRow={renderRow}
            isPlaceholder={isPlaceholder}
            scrollRef={scrollRef}
            onScroll={(top) => {
              if (!hidden) scrollTop.current = top;
            }}
          />
          <p className="hint muted" role="status">
            {picked === null ? '↑/↓ to move, Enter to open, / to search, c to pick a run to compare.' : `Run A: ${picked}. Press c on another execution to compare, Escape to cancel.`}
          </p>
        </div>
      )}
    </div>
  );
}
