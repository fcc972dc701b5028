import type { ProblemCode } from '../../../shared/model/problem-code';
import { formatCount } from '../../format/numbers';
import { explainProblemCode, sortedCounts } from '../../format/problem-text';

/** Problem codes with their counts and meaning; choosing one filters the list. */
export function ProblemCodeFilter({ counts, selected, onSelect }: { readonly counts: Readonly<Record<string, number>>; readonly selected: ProblemCode | null; readonly onSelect: (code: ProblemCode | null) => void }) {
  const entries = sortedCounts(counts);
  return (
    <nav className="code-filter" aria-label="Problem codes">
      <ul>
        <li>
          <button type="button" className="code-button" aria-pressed={selected === null} onClick={() => onSelect(null)}>
            <span className="code-count">{formatCount(entries.reduce((sum, [, n]) => sum + n, 0))}</span> All codes
          </button>
        </li>
        {entries.map(([code, count]) => (
          <li key={code}>
            <button type="button" className="code-button" aria-pressed={selected === code} onClick={() => onSelect(code as ProblemCode)}>
              <span className="code-count">{formatCount(count)}</span> <code>{code}</code>
              <span className="code-explanation">{explainProblemCode(code)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
