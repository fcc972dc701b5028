import { formatCount } from '../../format/numbers';
import { explainProblemCode, sortedCounts } from '../../format/problem-text';

/** Problems per code with what each code means; `pendingNote` says what is not checked yet (pendingChecksNote). */
export function ProblemCodeCounts({ byCode, pendingNote }: { readonly byCode: Readonly<Record<string, number>>; readonly pendingNote: string | null }) {
  const counts = sortedCounts(byCode);
  if (counts.length === 0) {
    return <p className="muted">{pendingNote === null ? "No problems: every line read met its format's contract." : `No problems so far. ${pendingNote}`}</p>;
  }
  return (
    <>
      <ul className="code-counts">
        {counts.map(([code, count]) => (
          <li key={code}>
            <span className="code-count">{formatCount(count)}</span>
            <code>{code}</code>
            <span className="muted"> {explainProblemCode(code)}</span>
          </li>
        ))}
      </ul>
      {pendingNote !== null && <p className="muted">{pendingNote}</p>}
    </>
  );
}
