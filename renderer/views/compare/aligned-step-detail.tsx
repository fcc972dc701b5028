import type { AlignedStep, ComparedSideEffect, ComparedStep } from '../../../shared/model/comparison';
import { RouteLink } from '../../components/route-link';
import { deltaText, differenceText } from '../../format/comparison-text';
import { formatDuration, formatTimestamp } from '../../format/time';

/** The step the aligned list has selected, run A beside run B: outcome, times, error, side effects declared and observed, its events. */
export function AlignedStepDetail({ step }: { readonly step: AlignedStep | undefined }) {
  if (step === undefined) return null;
  return (
    <section className="panel compare-step" aria-label="Selected step">
      <h3>
        {step.label}
        {step.differences.length > 0 ? ` — differs: ${step.differences.map(differenceText).join(', ')}` : ' — same in both runs'}
        {step.durationDeltaMs !== null && ` · B took ${deltaText(step.durationDeltaMs)}`}
      </h3>
      <div className="compare-sides">
        <Side name="Run A" step={step.a} />
        <Side name="Run B" step={step.b} />
      </div>
    </section>
  );
}

function Side({ name, step }: { readonly name: string; readonly step: ComparedStep | null }) {
  if (step === null) {
    return (
      <div className="compare-side">
        <h4>{name}</h4>
        <p className="muted">Not in this run.</p>
      </div>
    );
  }
  return (
    <div className="compare-side">
      <h4>{name}</h4>
      <dl className="kv">
        <dt>Outcome</dt>
        <dd>{step.outcome ?? '—'}</dd>
        <dt>Started (UTC)</dt>
        <dd>{formatTimestamp(step.startMs)}</dd>
        <dt>Took</dt>
        <dd>{formatDuration(step.durationMs)}</dd>
        <dt>Error</dt>
        <dd>{step.error ?? '—'}</dd>
        <dt>Side effects declared</dt>
        <dd>{effectsText(step.sideEffects.declared)}</dd>
        <dt>Side effects observed</dt>
        <dd>{effectsText(step.sideEffects.observed)}</dd>
        <dt>Events</dt>
        <dd>
          {step.eventIds.map((eventId) => (
            <RouteLink key={eventId} to={{ view: 'events', eventId }} className="event-link">
              #{eventId}
            </RouteLink>
          ))}
        </dd>
      </dl>
    </div>
  );
}

function effectsText(effects: readonly ComparedSideEffect[]): string {
  if (effects.length === 0) return 'none';
  return effects.map((effect) => `${effect.category} ${effect.description}${effect.reversible === false ? ' (irreversible)' : ''}`).join('; ');
}
