import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { rangeInHash, sameRange, wholeMillis, withRangeInHash } from '../format/range-param';
import { ALL_TIME, type TimeRange, type TimeRangeState } from '../state/time-range-context';

/**
 * The global time range, kept in the address (`from`/`to` in the hash's query)
 * so a reload, a bookmark or a copied address shows the same range, and Back
 * returns to the range each history entry had. An address without a range
 * (every in-app link is built without one) keeps the range on screen, which is
 * written into it. Setting the range replaces the history entry, as a list
 * filter does, so Back leaves the page rather than stepping through ranges.
 */
export function useAddressTimeRange(): TimeRangeState {
  const [range, setState] = useState<TimeRange>(() => rangeInHash(window.location.hash) ?? ALL_TIME);
  const current = useRef(range);
  useEffect(() => {
    const onHashChange = (): void => {
      const inAddress = rangeInHash(window.location.hash);
      if (inAddress === null) {
        if (!sameRange(current.current, ALL_TIME)) window.history.replaceState(window.history.state, '', withRangeInHash(window.location.hash, current.current));
      } else if (!sameRange(inAddress, current.current)) {
        current.current = inAddress;
        setState(inAddress);
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const setRange = useCallback((next: TimeRange) => {
    // Whole milliseconds, rounded outward as rangeRequest rounds them: the lists receive the same bounds as before.
    const whole = wholeMillis(next);
    current.current = whole;
    setState(whole);
    const hash = withRangeInHash(window.location.hash, whole);
    if (hash !== window.location.hash) window.history.replaceState(window.history.state, '', hash);
  }, []);
  return useMemo(() => ({ range, setRange }), [range, setRange]);
}
