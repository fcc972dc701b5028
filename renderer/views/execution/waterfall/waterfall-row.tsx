import type { ApiResponse } from '../../../../shared/api/contract';
import { barPlacement, type TimeWindow } from '../../../format/waterfall-geometry';
import { formatDuration, formatTimestamp } from '../../../format/time';

/** One bar of the waterfall as the API gives it. */
export type WaterfallBarRow = ApiResponse<'getWaterfall'>['bars'][number];

/** The width of the label column, in px; the track takes the rest. */
export const LABEL_WIDTH = 300;

/** How long a bar lasted, in words: a duration, an instant, or no end logged. */
export function barDuration(bar: WaterfallBarRow): string {
  if (bar.startMs === null) return 'no time';
  if (bar.endMs === null) return 'no end logged';
  return bar.endMs === bar.startMs ? 'instant' : formatDuration(bar.endMs - bar.startMs);
}

/**
 * One row: the bar's label (indented by depth) and the bar placed on the time
 * axis; a failed bar in the failure colour where it happened. The row's text
 * (with the visually hidden part) names it for assistive technology.
 */
export function WaterfallRow({ bar, view, width, openEnd }: { readonly bar: WaterfallBarRow; readonly view: TimeWindow; readonly width: number; readonly openEnd: number }) {
  const place = barPlacement(bar, view, width, openEnd);
  const duration = barDuration(bar);
  const classes = `wf-bar wf-kind-${bar.kind}${bar.failed ? ' is-failed' : ''}${place?.instant === true ? ' is-instant' : ''}${place?.open === true ? ' is-open' : ''}`;
  const durationRight = place === null || place.instant ? null : place.left + place.width + 4;
  return (
    <>
      <span className={`wf-label${bar.failed ? ' text-bad' : ''}`} style={{ paddingLeft: 4 + bar.depth * 14 }} title={bar.label}>
        {bar.failed && <span aria-hidden="true">✕ </span>}
        {bar.label}
      </span>
      <span className="wf-track" aria-hidden="true">
        {place !== null && <span className={classes} style={{ left: place.left, width: place.instant ? undefined : place.width }} />}
        {durationRight !== null && durationRight < width - 70 && (
          <span className="wf-duration" style={{ left: durationRight }}>
            {duration}
          </span>
        )}
      </span>
      <span className="visually-hidden">
        , {bar.failed ? 'failed' : (bar.status ?? 'no status')}, {duration}, at {formatTimestamp(bar.startMs)}
      </span>
    </>
  );
}
