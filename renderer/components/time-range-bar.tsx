import { useId } from 'react';
import { formatRange, fromDateTimeInput, toDateTimeInput } from '../format/time';
import { ALL_TIME, useTimeRange } from '../state/time-range-context';

/**
 * The time range every list applies, shown everywhere: set it by brushing the
 * overview histogram or by typing UTC times here (the keyboard way).
 */
export function TimeRangeBar({ timeRange }: { readonly timeRange: { readonly from: number | null; readonly to: number | null } | null }) {
  const { range, setRange } = useTimeRange();
  const fromId = useId();
  const toId = useId();
  const active = range.from !== null || range.to !== null;
  return (
    <div className={`range-bar${active ? ' is-active' : ''}`} role="group" aria-label="Time range">
      <span className="range-summary">
        Time range (UTC): <strong>{formatRange(range.from, range.to)}</strong>
      </span>
      <label htmlFor={fromId}>From</label>
      <input
        id={fromId}
        type="datetime-local"
        step={1}
        value={toDateTimeInput(range.from)}
        min={toDateTimeInput(timeRange?.from ?? null) || undefined}
        onChange={(event) => setRange({ ...range, from: fromDateTimeInput(event.target.value) })}
      />
      <label htmlFor={toId}>To</label>
      <input id={toId} type="datetime-local" step={1} value={toDateTimeInput(range.to)} onChange={(event) => setRange({ ...range, to: fromDateTimeInput(event.target.value) })} />
      <button type="button" className="button-small" onClick={() => setRange(ALL_TIME)} disabled={!active}>
        Clear range
      </button>
    </div>
  );
}
