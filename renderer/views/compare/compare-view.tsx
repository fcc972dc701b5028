import { useEffect, useState } from 'react';
import { parseExecutionId } from '../../../shared/model/execution-id';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { NotAnExecutionId } from '../../components/not-an-execution-id';
import { RouteLink } from '../../components/route-link';
import { type ComparePair } from '../../format/compare-readings';
import { useApi } from '../../hooks/use-api';
import { ReportExport } from '../execution/report-export';
import { AlignedStepsList } from './aligned-steps-list';
import { ComparePicker } from './compare-picker';
import { ComparisonSummary } from './comparison-summary';
import { DivergencePanel } from './divergence-panel';
import { SnapshotComparison } from './snapshot-comparison';

/**
 * Two executions side by side: the first divergence at the top, then every
 * aligned step and the security snapshots. An address typed by hand that can
 * be read more than one way (`otherReadings`) moves on to its next reading
 * while the index knows no execution of the one shown.
 */
export function CompareView({
  a,
  b,
  otherReadings = [],
  reading,
}: {
  readonly a: string;
  readonly b: string | null;
  readonly otherReadings?: readonly ComparePair[];
  /** True while the folder is still read: either run may have lines not read yet. */
  readonly reading: boolean;
}) {
  const [tried, setTried] = useState(0);
  const pair = tried === 0 ? { a, b } : (otherReadings[tried - 1] ?? { a, b });
  const next = tried < otherReadings.length ? () => setTried(tried + 1) : null;
  return <ComparedPair key={tried} a={pair.a} b={pair.b} onNotFound={next} reading={reading} />;
}

function ComparedPair({ a, b, onNotFound, reading }: { readonly a: string; readonly b: string | null; readonly onNotFound: (() => void) | null; readonly reading: boolean }) {
  const valid = parseExecutionId(a) !== null && (b === null || parseExecutionId(b) !== null);
  const comparison = useApi('compareExecutions', valid && b !== null ? { a, b } : null);
  // Not in the index, and the address has another reading: that one is tried next (no error shown in between).
  const movingOn = comparison.error?.code === 'not_found' && onNotFound !== null;
  useEffect(() => {
    if (movingOn) onNotFound?.();
  }, [movingOn, onNotFound]);
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
      {reading && (
        <p className="notice" role="note">
          The folder is still being read: either run may have events not read yet. This comparison covers what was read so far.
        </p>
      )}
      {comparison.error !== null && !movingOn && <ErrorState error={comparison.error} title="Could not compare" onRetry={comparison.reload} />}
      {value === undefined ? (
        (comparison.error === null || movingOn) && <LoadingState label="Comparing…" />
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
