import type { BaselineVerdict } from '../../../shared/model/comparison';
import { Badge } from '../../components/badge';
import { RouteLink } from '../../components/route-link';
import { baselineVerdictText, scopeText } from '../../format/comparison-text';
import { useApi } from '../../hooks/use-api';
import { useBridgeAction } from '../../hooks/use-bridge-action';

/**
 * Where an execution stands against the known-good baseline of its plan (or
 * action type, agent, run name): "diverges from the baseline at step N" with a
 * link to the comparison, and the buttons to mark or clear the baseline (kept in
 * the app's data folder, never in the evidence) and to compare with any other run.
 */
export function BaselinePanel({ id }: { readonly id: string }) {
  const verdicts = useApi('getBaselineVerdicts', { ids: [id] });
  const mark = useBridgeAction('setBaseline');
  const clear = useBridgeAction('clearBaseline');
  const verdict: BaselineVerdict | undefined = verdicts.value?.items[0];
  const scope = verdict?.scope ?? null;
  const busy = mark.busy || clear.busy;
  const error = mark.error ?? clear.error ?? verdicts.error;
  return (
    <div className="baseline-panel" role="group" aria-label="Known-good baseline">
      {verdict !== undefined && scope !== null && (
        <>
          <span className="muted">Baseline of {scopeText(scope)}:</span>
          {verdict.state === 'none' ? (
            <span className="muted">none marked</span>
          ) : (
            <Badge tone={verdict.state === 'diverges' ? 'bad' : 'ok'}>{verdict.state === 'baseline' ? 'this is the known-good run' : baselineVerdictText(verdict)}</Badge>
          )}
          {verdict.baselineId !== null && verdict.state !== 'baseline' && <RouteLink to={{ view: 'compare', a: verdict.baselineId, b: id }}>Compare with the baseline</RouteLink>}
          {verdict.state === 'baseline' ? (
            <button type="button" className="button-small" disabled={busy} onClick={() => void clear.run({ id }).then(() => verdicts.reload())}>
              Clear baseline
            </button>
          ) : (
            <button type="button" className="button-small" disabled={busy} onClick={() => void mark.run({ id }).then(() => verdicts.reload())}>
              Mark as known-good baseline
            </button>
          )}
        </>
      )}
      <RouteLink to={{ view: 'compare', a: id, b: null }}>Compare with…</RouteLink>
      {error !== null && (
        <span className="text-bad" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
