import { useCallback, useMemo, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import type { ProblemCode } from '../../../shared/model/problem-code';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { VirtualList } from '../../components/virtual-list';
import { formatCount } from '../../format/numbers';
import { useApi } from '../../hooks/use-api';
import type { PageFetcher } from '../../hooks/paged-list';
import { usePagedRows } from '../../hooks/use-paged-rows';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { ProblemCodeFilter } from './problem-code-filter';
import { ProblemRowView } from './problem-row-view';

type ProblemRow = ApiResponse<'listProblems'>['items'][number];

/** Every problem, grouped by code with what the code means; each links to its line and its execution. */
export function ProblemsView() {
  const bridge = useBridge();
  const counts = useApi('listProblems', { limit: 1 });
  const [code, setCode] = useState<ProblemCode | null>(null);
  const request = useMemo(() => (code === null ? {} : { codes: [code] }), [code]);
  const fetchPage = useCallback<PageFetcher<ProblemRow>>((cursor, limit) => callBridge(bridge, 'listProblems', { ...request, limit, ...(cursor !== null ? { cursor } : {}) }), [bridge, request]);
  const rows = usePagedRows({ key: JSON.stringify(request), fetchPage, pageSize: 300, reversible: false });
  const renderRow = useCallback((index: number) => <ProblemRowView row={rows.rowAt(index)} />, [rows]);
  const total = counts.value === undefined ? null : Object.values(counts.value.countsByCode).reduce((sum, n) => sum + n, 0);
  return (
    <div className="view view-problems">
      <div className="view-title">
        <h1>Problems</h1>
        <span className="muted">{total === null ? '' : `${formatCount(total)} problems`}</span>
      </div>
      {counts.value === undefined ? (
        counts.error !== null ? (
          <ErrorState error={counts.error} onRetry={counts.reload} />
        ) : (
          <LoadingState label="Counting problems…" />
        )
      ) : total === 0 ? (
        <EmptyState title="No problems">
          <p>Every line read met its format's contract.</p>
        </EmptyState>
      ) : (
        <div className="problems-layout">
          <ProblemCodeFilter counts={counts.value.countsByCode} selected={code} onSelect={setCode} />
          <div className="problems-list">
            {rows.error !== null && <ErrorState error={rows.error} />}
            {!rows.ready ? (
              rows.error === null && <LoadingState />
            ) : rows.count === 0 ? (
              <EmptyState title="No problems with this code" />
            ) : (
              <VirtualList label={code === null ? 'All problems' : `Problems ${code}`} count={rows.count} rowHeight={56} renderRow={renderRow} onRangeChange={rows.ensureRange} className="problem-rows" />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
