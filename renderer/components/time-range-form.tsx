import { useId, useState, type FormEvent } from 'react';
import { executionSpan } from '../format/execution-span';
import { parseTypedTime, typedTimeOf } from '../format/typed-time';
import { useApi } from '../hooks/use-api';
import { ALL_TIME, type TimeRange } from '../state/time-range-context';

const HOUR_MS = 3_600_000;

/** What the range form starts from and where its answer goes. */
export interface TimeRangeFormProps {
  readonly range: TimeRange;
  /** The folder's first and last event times (the presets' bounds); null before the summary is read. */
  readonly folderSpan: TimeRange | null;
  /** The execution on screen, whose span is a preset; null on other views. */
  readonly executionId: string | null;
  readonly onApply: (range: TimeRange) => void;
  readonly onClose: () => void;
}

/**
 * From and To typed as UTC times (the app's own format reads back exactly),
 * presets that fill them, Apply, Clear and Cancel. Nothing changes until
 * Apply: a half-typed time never filters the lists.
 */
export function TimeRangeForm({ range, folderSpan, executionId, onApply, onClose }: TimeRangeFormProps) {
  const id = useId();
  const [from, setFrom] = useState(typedTimeOf(range.from));
  const [to, setTo] = useState(typedTimeOf(range.to));
  const [tried, setTried] = useState(false);
  const execution = useApi('getExecution', executionId === null ? null : { id: executionId }, { live: false });
  const span = execution.value === undefined ? null : executionSpan(execution.value.execution, execution.value.steps);
  const fromTime = parseTypedTime(from, 'from');
  const toTime = parseTypedTime(to, 'to');
  const reversed = fromTime.ok && toTime.ok && fromTime.ms !== null && toTime.ms !== null && fromTime.ms > toTime.ms;
  const fill = (preset: TimeRange): void => {
    setFrom(typedTimeOf(preset.from));
    setTo(typedTimeOf(preset.to));
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (!fromTime.ok || !toTime.ok || reversed) return;
    onApply({ from: fromTime.ms, to: toTime.ms });
  };
  const folderEnd = folderSpan?.to ?? null;
  const fromError = tried && !fromTime.ok ? fromTime.reason : null;
  const toError = tried && !toTime.ok ? toTime.reason : tried && reversed ? 'To is before From.' : null;
  return (
    <form onSubmit={submit} noValidate>
      <p className="muted small" id={`${id}-hint`}>
        Times in UTC, as every time on screen: <span className="mono">2026-03-02 10:15:00</span>, or a date (<span className="mono">2026-03-02</span>: the
        whole day). An empty side is open.
      </p>
      <div className="range-fields">
        <RangeField id={`${id}-from`} hintId={`${id}-hint`} label="From (UTC)" value={from} error={fromError} onChange={setFrom} autoFocus />
        <RangeField id={`${id}-to`} hintId={`${id}-hint`} label="To (UTC)" value={to} error={toError} onChange={setTo} />
      </div>
      <fieldset className="range-presets">
        <legend>Fill in</legend>
        <button type="button" className="button-small" disabled={folderSpan === null} onClick={() => folderSpan !== null && fill(folderSpan)}>
          The whole folder
        </button>
        <button type="button" className="button-small" disabled={folderEnd === null} onClick={() => folderEnd !== null && fill({ from: folderEnd - HOUR_MS, to: folderEnd })}>
          The last hour of the evidence
        </button>
        {executionId !== null && (
          <button type="button" className="button-small" disabled={span === null || span.startMs === null} onClick={() => span !== null && fill({ from: span.startMs, to: span.endMs })}>
            This execution's span
          </button>
        )}
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={() => onApply(ALL_TIME)}>
          Clear range
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button-primary">
          Apply
        </button>
      </div>
    </form>
  );
}

/** One side of the range: a text field with its label, the shared hint, and why its text cannot be read. */
function RangeField(props: {
  readonly id: string;
  readonly hintId: string;
  readonly label: string;
  readonly value: string;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-autofocus={props.autoFocus === true ? '' : undefined}
        type="text"
        className="mono"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        placeholder="open"
        aria-invalid={props.error !== null}
        aria-describedby={props.error === null ? props.hintId : `${props.hintId} ${errorId}`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error !== null && (
        <span className="text-bad small" id={errorId}>
          {props.error}
        </span>
      )}
    </div>
  );
}
