import { useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api/api-result';
import type { ApiResponse } from '../../shared/api/contract';
import type { CompressedAxis } from '../format/compressed-timeline';
import { useBridge } from '../state/bridge-context';
import { callBridge } from '../state/call-bridge';

/** A compressed axis with each of its segments' histograms, answered together. */
export interface SegmentHistograms {
  readonly axis: CompressedAxis;
  readonly histograms: readonly ApiResponse<'histogram'>[];
}

/**
 * Reads one histogram per segment of a compressed axis, each with its own
 * buckets, so a day of events months away from the rest is drawn in detail.
 * The axis and its histograms are held together: a refresh keeps the last
 * answer on screen until the new one is whole, and never mixes the two.
 */
export function useSegmentHistograms(axis: CompressedAxis | null): { readonly value: SegmentHistograms | undefined; readonly error: ApiError | null } {
  const bridge = useBridge();
  const [held, setHeld] = useState<{ readonly value: SegmentHistograms | undefined; readonly error: ApiError | null }>({ value: undefined, error: null });
  useEffect(() => {
    if (axis === null) return;
    let current = true;
    void Promise.all(axis.segments.map((segment) => callBridge(bridge, 'histogram', { from: segment.from, to: Math.max(segment.from, segment.to - 1), buckets: Math.min(500, segment.buckets) }))).then((results) => {
      if (!current) return;
      const histograms: ApiResponse<'histogram'>[] = [];
      for (const result of results) {
        if (!result.ok) {
          setHeld((previous) => ({ value: previous.value, error: result.error }));
          return;
        }
        histograms.push(result.value);
      }
      setHeld({ value: { axis, histograms }, error: null });
    });
    return () => {
      current = false;
    };
  }, [bridge, axis]);
  return held;
}
