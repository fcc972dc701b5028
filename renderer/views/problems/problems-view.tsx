import { useCallback, useMemo, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { PROBLEM_CODES, type ProblemCode } from '../../../shared/model/problem-code';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { VirtualList } from '../../components/virtual-list';
import { plural } from '../../format/numbers';
import { routeHash } from '../../format/route';
import { useApi } from '../../hooks/use-api';
import { replaceRoute } from '../../hooks/use-hash-route';
import type { PageFetcher } from '../../hooks/paged-list';
import { usePagedRows } from '../../hooks/use-paged-rows';
import { useShortcut } from '../../hooks/use-shortcut';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { ProblemCodeFilter } from './problem-code-filter';
import { ProblemRowView } from './problem-row-view';

type ProblemRow = ApiResponse<'listProblems'>['items'][number];

function isProblemCode(text: string): text is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEM_CODES, text);
}

const showCode = (code: ProblemCode | null): void => replaceRoute(routeHash({ view: 'problems', code }));

/**
 * Every problem, grouped by code with what the code means; each links to its
 * line and its execution. The chosen code is the route's. `pendingNote` says
 * what is not checked yet (pendingChecksNote), so that none found is not read as an answer.
 */
export function ProblemsView({ code: routeCode, pendingNote }: { readonly code: string | null; readonly pendingNote: string | null }) {
  const bridge = useBridge();
  const counts = useApi('listProblems', { limit: 1 });
  // A code the URL names that is none of ours shows every problem, as no code does.
  const code = routeCode === null || !isProblemCode(routeCode) ? null : routeCode;
  const request = useMemo(() => (code === null ? {} : { codes: [code] }), [code]);
  const fetchPage = useCallback<PageFetcher<ProblemRow>>((cursor, limit) => callBridge(bridge, 'listProblems', { ...request, limit, ...(cursor !== null ? { cursor } : {}) }), [bridge, request]);
  const rows = usePagedRows({ key: JSON.stringify(request), fetchPage, pageSize: 300, reversible: false });
  const renderRow = useCallback((index: number) => <ProblemRowView row={rows.rowAt(index)} />, [rows]);
  const [focusRequest, setFocusRequest] = useState<{ readonly index: number } | null>(null);
  useShortcut((action) => {
    if ((action !== 'next-problem' && action !== 'previous-problem') || rows.count === 0) return false;
    // From the row that has the focus (Tab or a click put it there), else the row last asked for (its focus may be a frame away), else before the first.
    const focused = document.activeElement?.closest('.problem-rows [data-index]')?.getAttribute('data-index');
    const from = focused === null || focused === undefined ? (focusRequest?.index ?? -1) : Number(focused);
    setFocusRequest({ index: Math.max(0, Math.min(rows.count - 1, from + (action === 'next-problem' ? 1 : -1))) });
    return true;
  }, 'problems');
  const total = counts.value === undefined ? null : Object.values(counts.value.countsByCode).reduce((sum, n) => sum + n, 0);
  return (
    <div className="view view-problems">
      <div className="view-title">
        <h1>Problems</h1>
        <span className="muted">{total === null ? '' : `${plural(total, 'problem')}${pendingNote === null ? '' : ' so far'}`}</span>
      </div>
      {pendingNote !== null && total !== 0 && (
        <p className="muted" role="note">
          {pendingNote}
        </p>
      )}
      {counts.value === undefined ? (
        counts.error !== null ? (
          <ErrorState error={counts.error} onRetry={counts.reload} />
        ) : (
          <LoadingState label="Counting problems…" />
        )
      ) : total === 0 ? (
        <EmptyState title={pendingNote === null ? 'No problems' : 'No problems so far'}>
          <p>{pendingNote ?? "Every line read met its format's contract."}</p>
        </EmptyState>
      ) : (
        <div className="problems-layout">
          <ProblemCodeFilter counts={counts.value.countsByCode} selected={code} onSelect={showCode} />
          <div className="problems-list">
            {rows.error !== null && <ErrorState error={rows.error} />}
            {!rows.ready ? (
              rows.error === null && <LoadingState />
            ) : rows.count === 0 ? (
              <EmptyState title="No problems with this code" />
            ) : (
              <VirtualList label={code === null ? 'All problems' : `Problems ${code}`} count={rows.count} rowHeight={56} renderRow={renderRow} onRangeChange={rows.ensureRange} className="problem-rows" focusRequest={focusRequest} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
