import { createContext, useContext } from 'react';

/** A time range in UTC ms; null on a side means open. */
export interface TimeRange {
  readonly from: number | null;
  readonly to: number | null;
}

/** The time range every list applies, set by brushing the overview histogram. */
export interface TimeRangeState {
  readonly range: TimeRange;
  readonly setRange: (range: TimeRange) => void;
}

/** No range: everything. */
export const ALL_TIME: TimeRange = { from: null, to: null };

/** The time range shared by every view. */
export const TimeRangeContext = createContext<TimeRangeState>({ range: ALL_TIME, setRange: () => undefined });

/** The time range shared by every view. */
export function useTimeRange(): TimeRangeState {
  return useContext(TimeRangeContext);
}

/** The `from`/`to` request fields of a range (absent sides left out). */
export function rangeRequest(range: TimeRange): { from?: number; to?: number } {
  return { ...(range.from !== null ? { from: Math.floor(range.from) } : {}), ...(range.to !== null ? { to: Math.ceil(range.to) } : {}) };
}
