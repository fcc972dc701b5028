import type { ApiResponse } from '../../../../shared/api/contract';
import { Badge } from '../../../components/badge';
import { EmptyState } from '../../../components/empty-state';
import { Panel } from '../../../components/panel';
import { RouteLink } from '../../../components/route-link';
import { statusTone } from '../../../format/execution-row';
import { formatDuration, formatTimeOfDay } from '../../../format/time';
import { StepNotes } from '../step-notes';

type Step = ApiResponse<'getExecution'>['steps'][number];

/** Steps listed in full up to this many; a longer run is read in the waterfall above, which renders only what is on screen. */
const LISTED_STEPS = 200;

/** The steps of a record execution in order: started, completed or failed, how long, and the error message as written. */
export function StepTimeline({ steps }: { readonly steps: readonly Step[] }) {
  return (
    <Panel title={`Steps (${steps.length})`}>
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
                {step.events.map((event) => (
                  <li key={`${event.eventId}-${event.eventType ?? ''}-${event.via}`}>
                    <RouteLink to={{ view: 'events', eventId: event.eventId }}>
                      {event.eventType ?? 'event'} at {formatTimeOfDay(event.ts)}
                    </RouteLink>{' '}
                    <span className="muted">({event.via})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
