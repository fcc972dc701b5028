import type { Comparison, EvidenceLine } from '../../../shared/model/comparison';
import { RouteLink } from '../../components/route-link';
import { ShownText } from '../../components/shown-text';

/** The first divergence named at the top, with the raw lines of both runs there (as text, never rendered). */
export function DivergencePanel({ comparison: c }: { readonly comparison: Comparison }) {
  const point = c.firstDivergence;
  if (point === null) {
    return (
      <section className="panel divergence divergence-none" aria-label="First divergence">
        <h2>The runs did the same</h2>
        <p>Every aligned step has the same outcome and side effects, and the security snapshots agree.</p>
      </section>
    );
  }
  return (
    <section className="panel divergence" aria-label="First divergence">
      <h2>First divergence: {point.label}</h2>
      <ul>
        {point.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div className="compare-sides">
        <Evidence name="Run A" lines={c.evidence.a} />
        <Evidence name="Run B" lines={c.evidence.b} />
      </div>
    </section>
  );
}

function Evidence({ name, lines }: { readonly name: string; readonly lines: readonly EvidenceLine[] }) {
  return (
    <div className="compare-side">
      <h3>{name} evidence</h3>
      {lines.length === 0 ? (
        <p className="muted">No line: the step is not in this run.</p>
      ) : (
        lines.map((line) => (
          <div key={line.eventId} className="evidence-line">
            <RouteLink to={{ view: 'events', eventId: line.eventId }}>
              {line.path}:{line.line}
            </RouteLink>
            <pre className="raw" tabIndex={0} aria-label={`${name}: raw line ${line.path}:${line.line}`}>
              <ShownText text={line.raw} />
            </pre>
          </div>
        ))
      )}
    </div>
  );
}
