import { parseExecutionId } from '../../../shared/model/execution-id';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { NotAnExecutionId } from '../../components/not-an-execution-id';
import { RouteLink } from '../../components/route-link';
import { useApi } from '../../hooks/use-api';
import { ReportExport } from '../execution/report-export';
import { AlignedStepsList } from './aligned-steps-list';
import { ComparePicker } from './compare-picker';
import { ComparisonSummary } from './comparison-summary';
import { DivergencePanel } from './divergence-panel';
import { SnapshotComparison } from './snapshot-comparison';

/** Two executions side by side: the first divergence at the top, then every aligned step and the security snapshots. */
export function CompareView({ a, b }: { readonly a: string; readonly b: string | null }) {
  const valid = parseExecutionId(a) !== null && (b === null || parseExecutionId(b) !== null);
  const comparison = useApi('compareExecutions', valid && b !== null ? { a, b } : null);
  const back = (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <a href="#/executions">Executions</a> <span aria-hidden="true">/</span> <RouteLink to={{ view: 'execution', id: a }}>{a}</RouteLink> <span aria-hidden="true">/</span>{' '}
      <span aria-current="page">compare</span>
    </nav>
  );
  if (!valid) {
    return (
      <div className="view view-compare">
        {back}
        <NotAnExecutionId />
      </div>
    );
  }
  if (b === null) {
    return (
      <div className="view view-compare">
        {back}
        <h1>Compare {a} with…</h1>
        <ComparePicker a={a} />
      </div>
    );
  }
  const value = comparison.value;
  return (
    <div className="view view-compare">
      {back}
      <h1>
        Compare <code>{a}</code> with <code>{b}</code>
      </h1>
      <ComparePicker a={a} b={b} />
      {comparison.error !== null && <ErrorState error={comparison.error} title="Could not compare" onRetry={comparison.reload} />}
      {value === undefined ? (
        comparison.error === null && <LoadingState label="Comparing…" />
      ) : (
        <>
          <ComparisonSummary comparison={value} />
          <DivergencePanel comparison={value} />
          <ReportExport compare={{ a, b }} />
          <AlignedStepsList comparison={value} />
          <SnapshotComparison title="Security snapshot before" fields={value.snapshots.pre} />
          <SnapshotComparison title="Security snapshot after" fields={value.snapshots.post} />
        </>
      )}
    </div>
  );
}
