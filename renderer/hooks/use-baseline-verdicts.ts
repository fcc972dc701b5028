import { useEffect, useMemo, useState } from 'react';
import type { BaselineVerdict } from '../../shared/model/comparison';
import { useApi } from './use-api';

/**
 * The baseline verdicts of the executions on screen, asked for in one call per
 * visible range and kept by id, so scrolling back shows them at once. The call
 * is live: when the index changes, the visible verdicts are asked for again.
 */
export function useBaselineVerdicts(visibleIds: readonly string[]): ReadonlyMap<string, BaselineVerdict> {
  const key = visibleIds.join('\n');
  const request = useMemo(() => (key === '' ? null : { ids: key.split('\n').slice(0, 500) }), [key]);
  const answer = useApi('getBaselineVerdicts', request);
  const [known, setKnown] = useState<ReadonlyMap<string, BaselineVerdict>>(new Map());
  useEffect(() => {
    const items = answer.value?.items;
    if (items === undefined) return;
    setKnown((previous) => {
      const next = new Map(previous.size > 20_000 ? [] : previous);
      for (const verdict of items) next.set(verdict.executionId, verdict);
      return next;
    });
  }, [answer.value]);
  return known;
}
