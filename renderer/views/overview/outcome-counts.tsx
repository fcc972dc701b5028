import { Badge } from '../../components/badge';
import { outcomeTone } from '../../format/execution-row';
import { formatCount } from '../../format/numbers';

const OUTCOMES = ['ok', 'failed', 'running', 'unknown'] as const;

/** How many executions ended ok, failed, are still running or are unknown. */
export function OutcomeCounts({ byOutcome }: { readonly byOutcome: Readonly<Record<string, number>> }) {
  const extra = Object.keys(byOutcome).filter((key) => !(OUTCOMES as readonly string[]).includes(key));
  return (
    <ul className="outcome-list">
      {[...OUTCOMES, ...extra].map((outcome) => (
        <li key={outcome}>
          <Badge tone={outcomeTone(outcome)}>{outcome}</Badge>
          <span className="outcome-count">{formatCount(byOutcome[outcome] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
