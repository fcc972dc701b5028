import { useState, type ReactNode } from 'react';
import { formatRange } from '../format/time';
import { useShortcut } from '../hooks/use-shortcut';
import { useTimeRange, type TimeRange } from '../state/time-range-context';
import { ModalDialog } from './modal-dialog';
import { TimeRangeForm } from './time-range-form';

/**
 * The time range every list applies, shown everywhere as one button (one Tab
 * stop) that opens a dialog to type it, fill it from a preset or clear it; the
 * overview histogram sets it by brushing. `t` opens it from anywhere.
 */
export function TimeRangeBar({
  timeRange,
  executionId,
  children,
}: {
  readonly timeRange: TimeRange | null;
  readonly executionId: string | null;
  /** Controls that share the bar (the shortcut sheet's button). */
  readonly children?: ReactNode;
}) {
  const { range, setRange } = useTimeRange();
  const [open, setOpen] = useState(false);
  useShortcut((action) => {
    if (action !== 'time-range') return false;
    setOpen(true);
    return true;
  });
  const active = range.from !== null || range.to !== null;
  const shown = formatRange(range.from, range.to);
  return (
    <div className={`range-bar${active ? ' is-active' : ''}`}>
      <button type="button" className="range-button" aria-haspopup="dialog" aria-label={`Time range (UTC): ${shown}. Change the time range`} onClick={() => setOpen(true)}>
        <span className="range-button-label">Time range (UTC)</span> <strong className="range-summary">{shown}</strong>
      </button>
      <ModalDialog open={open} title="Time range" onClose={() => setOpen(false)} className="dialog-range">
        <TimeRangeForm
          range={range}
          folderSpan={timeRange}
          executionId={executionId}
          onApply={(next) => {
            setRange(next);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      </ModalDialog>
      {children}
    </div>
  );
}
