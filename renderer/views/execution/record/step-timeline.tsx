import type { ApiResponse } from '../../../../shared/api/contract';
import { Badge } from '../../../components/badge';
import { EmptyState } from '../../../components/empty-state';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { statusTone } from '../../../format/execution-row';
import { stepEventAnchorId, stepEventName } from '../../../format/step-event-anchor';
import { formatDuration, formatTimeOfDay } from '../../../format/time';
import { useApi } from '../../../hooks/use-api';
import { StepNotes } from '../step-notes';

type Step = ApiResponse<'getExecution'>['steps'][number];

/** Steps listed in full up to this many; a longer run is read in the waterfall above, which renders only what is on screen. */
const LISTED_STEPS = 200;

/**
 * The steps of a record execution in order: started, completed or failed, how
 * long, and the error message as written. Each step event is named as the chain
 * verdict counts ("stream step event 2"), and the one where the chain breaks is
 * marked, so "broken at step event 2" points at a row here.
 */
export function StepTimeline({ id, steps }: { readonly id: string; readonly steps: readonly Step[] }) {
  const verification = useApi('verifyExecution', { id });
  const brokenIn = verification.value?.brokenIn ?? null;
  const brokenAt = verification.value?.brokenAt ?? null;
  const shownVia = steps.find((step) => step.events.length > 0)?.events[0]?.via ?? null;
  return (
    <Panel title={`Steps (${steps.length})`}>
      {brokenIn !== null && brokenAt !== null && shownVia !== null && brokenIn !== shownVia && (
        <p className="notice notice-bad">
          The {brokenIn === 'stream' ? 'observer stream' : 'record document'}&apos;s chain breaks at its {stepEventName(brokenIn, brokenAt)}; the steps below are the{' '}
          {shownVia === 'stream' ? 'observer stream' : 'record document'}&apos;s.
        </p>
      )}
      {steps.length > LISTED_STEPS && (
        <p className="muted">
          The first {LISTED_STEPS} of {steps.length} steps are listed here; the waterfall above shows every one.
        </p>
      )}
      {steps.length === 0 ? (
        <EmptyState title="No step events" />
      ) : (
        <ol className="steps">
          {steps.slice(0, LISTED_STEPS).map((step, position) => (
            <li key={`${step.index ?? 'x'}-${position}`} className={`step step-${(step.status ?? 'unknown').toLowerCase()}`}>
              <div className="step-head">
                <span className="step-index">Step {step.index ?? '?'}</span>
                <span className="step-name">{step.name ?? '(unnamed)'}</span>
                <Badge tone={statusTone(step.status)}>{step.status ?? 'no status'}</Badge>
                <span className="muted">
                  {formatTimeOfDay(step.startedMs)} → {formatTimeOfDay(step.endedMs)} · {formatDuration(step.durationMs)}
                </span>
              </div>
              {step.errorMessage !== null && <p className="step-error">{step.errorMessage}</p>}
              <StepNotes stepIndex={step.index} />
              <ul className="step-events">
                {step.events.map((event) => {
                  const broken = event.via === brokenIn && event.position === brokenAt;
                  return (
                    <li
                      key={`${event.eventId}-${event.position}-${event.via}`}
                      id={stepEventAnchorId(event.via, event.position)}
                      tabIndex={-1}
                      className={broken ? 'step-event-broken' : undefined}
                    >
                      <span className="muted step-event-name">{stepEventName(event.via, event.position)}</span>{' '}
                      <RouteLink to={{ view: 'events', eventId: event.eventId }}>
                        {event.eventType ?? 'event'} at {formatTimeOfDay(event.ts)}
                      </RouteLink>
                      {broken && (
                        <>
                          {' '}
                          <Badge tone="bad">the hash chain breaks here</Badge>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
