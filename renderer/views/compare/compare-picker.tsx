import { useId, useState } from 'react';
import { parseExecutionId } from '../../../shared/model/execution-id';
import { compareHash } from '../../format/route';

/**
 * Names the two executions to compare: run A and run B as ids (`record:exec-001`),
 * Enter compares, Swap exchanges them. Typing an id keeps the page free of any
 * list to scroll; the executions list picks two with `c` as well.
 */
export function ComparePicker({ a, b = null }: { readonly a: string; readonly b?: string | null }) {
  const id = useId();
  const [first, setFirst] = useState(a);
  const [second, setSecond] = useState(b ?? '');
  const ready = parseExecutionId(first.trim()) !== null && parseExecutionId(second.trim()) !== null;
  const go = (x: string, y: string): void => {
    window.location.hash = compareHash(x.trim(), y.trim());
  };
  return (
    <form
      className="filters compare-picker"
      aria-label="Executions to compare"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) go(first, second);
      }}
    >
      <div className="field field-grow">
        <label htmlFor={`${id}-a`}>Run A (compared against)</label>
        <input id={`${id}-a`} value={first} onChange={(event) => setFirst(event.target.value)} spellCheck={false} />
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-b`}>Run B</label>
        <input id={`${id}-b`} value={second} placeholder="family:key, e.g. record:exec-002" autoFocus={b === null} onChange={(event) => setSecond(event.target.value)} spellCheck={false} />
      </div>
      <button type="submit" disabled={!ready}>
        Compare
      </button>
      <button type="button" className="button-small" disabled={!ready} onClick={() => go(second, first)}>
        Swap A and B
      </button>
    </form>
  );
}
