import type { Comparison } from '../../../shared/model/comparison';
import { Badge } from '../../components/badge';
import { RouteLink } from '../../components/route-link';
import { statusTone } from '../../format/execution-row';
import { formatCount } from '../../format/numbers';
import { formatDuration, formatTimestamp } from '../../format/time';

/** The two runs' headers side by side and the alignment's counts. */
export function ComparisonSummary({ comparison: c }: { readonly comparison: Comparison }) {
  const side = (name: string, run: Comparison['a']) => (
    <div className="compare-side">
      <h2>
        {name}: <RouteLink to={{ view: 'execution', id: run.id }}>{run.id}</RouteLink>
      </h2>
      <p>
        <Badge tone={statusTone(run.status ?? run.outcome)}>{run.status ?? run.outcome}</Badge> started {formatTimestamp(run.startMs)} (UTC), took {formatDuration(run.durationMs)}
        {run.planId !== null && <> · plan {run.planId}</>}
      </p>
    </div>
  );
  return (
    <section className="panel compare-summary" aria-label="The two runs">
      <div className="compare-sides">
        {side('Run A', c.a)}
        {side('Run B', c.b)}
      </div>
      <p className="muted">
        Steps aligned by {c.alignedBy}: {formatCount(c.counts.aligned)} aligned ({formatCount(c.counts.different)} different), {formatCount(c.counts.onlyInA)} only in A, {formatCount(c.counts.onlyInB)} only
        in B.
        {c.truncated && ' A run had more events than a comparison reads: only its first events were compared.'}
      </p>
    </section>
  );
}
