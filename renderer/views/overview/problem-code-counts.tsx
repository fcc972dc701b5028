import { formatCount } from '../../format/numbers';
import { explainProblemCode, sortedCounts } from '../../format/problem-text';

/** Problems per code with what each code means. */
export function ProblemCodeCounts({ byCode }: { readonly byCode: Readonly<Record<string, number>> }) {
  const counts = sortedCounts(byCode);
  if (counts.length === 0) return <p className="muted">No problems: every line read met its format's contract.</p>;
  return (
    <ul className="code-counts">
      {counts.map(([code, count]) => (
        <li key={code}>
          <span className="code-count">{formatCount(count)}</span>
          <code>{code}</code>
          <span className="muted"> {explainProblemCode(code)}</span>
        </li>
      ))}
    </ul>
  );
}
