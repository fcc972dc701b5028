import { useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api/api-result';
import type { ApiResponse, InspectorBridge } from '../../shared/api/contract';
import { trimSegment, withSegmentTimes, type CompressedAxis } from '../format/compressed-timeline';
import { useBridge } from '../state/bridge-context';
import { callBridge } from '../state/call-bridge';

/** A compressed axis with each of its segments' histograms, answered together. */
export interface SegmentHistograms {
  readonly axis: CompressedAxis;
  readonly histograms: readonly ApiResponse<'histogram'>[];
}

/** At most this many reads per segment: each narrows it to where its events are, until that changes little. */
const ROUNDS = 4;

/**
 * Reads one histogram per segment of a compressed axis, each with its own
 * buckets, narrowing each segment to its events, so a day of events months
 * away from the rest is drawn in detail. The axis and its histograms are held
 * together: a refresh keeps the last answer on screen until the new one is
 * whole, and never mixes the two.
 */
export function useSegmentHistograms(axis: CompressedAxis | null): { readonly value: SegmentHistograms | undefined; readonly error: ApiError | null } {
  const bridge = useBridge();
  const [held, setHeld] = useState<{ readonly value: SegmentHistograms | undefined; readonly error: ApiError | null }>({ value: undefined, error: null });
  useEffect(() => {
    if (axis === null) return;
    let current = true;
    void readSegments(bridge, axis).then((result) => {
      if (!current) return;
      if ('code' in result) setHeld((previous) => ({ value: previous.value, error: result }));
      else setHeld({ value: result, error: null });
    });
    return () => {
      current = false;
    };
  }, [bridge, axis]);
  return held;
}

async function readSegments(bridge: InspectorBridge, start: CompressedAxis): Promise<SegmentHistograms | ApiError> {
  let axis = start;
  let histograms: ApiResponse<'histogram'>[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const results = await Promise.all(axis.segments.map((segment) => callBridge(bridge, 'histogram', { from: segment.from, to: Math.max(segment.from, segment.to - 1), buckets: Math.min(500, segment.buckets) })));
    histograms = [];
    for (const result of results) {
      if (!result.ok) return result.error;
      histograms.push(result.value);
    }
    const trimmed = axis.segments.map((segment, index) => {
      const histogram = histograms[index];
      return histogram === undefined ? segment : trimSegment(segment, histogram.buckets, histogram.bucketMs);
    });
    // Done when no segment narrowed to less than half of what was read (the histograms then match the axis).
    if (round === ROUNDS - 1 || trimmed.every((segment, index) => segment.to - segment.from > 0.5 * ((axis.segments[index]?.to ?? 0) - (axis.segments[index]?.from ?? 0)))) break;
    axis = withSegmentTimes(axis, trimmed);
  }
  return { axis, histograms };
}
