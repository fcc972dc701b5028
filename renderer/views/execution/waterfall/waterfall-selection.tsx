import { useState, type ReactNode } from 'react';
import { Badge } from '../../../components/badge';
import { KeyValueList } from '../../../components/key-value-list';
import { statusTone } from '../../../format/execution-row';
import { formatTimestamp } from '../../../format/time';
import { EventDetail } from '../../events/event-detail';
import { barDuration, type WaterfallBarRow } from './waterfall-row';

/** The selected bar: its times, status and error, and its events (the last, its outcome, opened first), as the evidence holds them. */
export function WaterfallSelection({ bar }: { readonly bar: WaterfallBarRow }) {
  const [shown, setShown] = useState<{ readonly key: string; readonly eventId: number } | null>(null);
  const eventId = shown !== null && shown.key === bar.key ? shown.eventId : (bar.eventIds.at(-1) ?? null);
  return (
    <section className="wf-selection" aria-label={`Selected: ${bar.label}`}>
      <h3>
        {bar.label} <Badge tone={bar.failed ? 'bad' : statusTone(bar.status)}>{bar.status ?? (bar.failed ? 'failed' : 'no status')}</Badge>
      </h3>
      <KeyValueList
        items={[
          ['Kind', bar.kind],
          ['Start', formatTimestamp(bar.startMs)],
          ['End', bar.endMs === null ? 'no end logged' : formatTimestamp(bar.endMs)],
          ['Duration', barDuration(bar)],
          ...(bar.detail !== null ? ([['Error', <span key="e" className="text-bad">{bar.detail}</span>]] as [string, ReactNode][]) : []),
        ]}
      />
      {bar.eventIds.length === 0 ? (
        <p className="muted">This bar spans the events below it; select one of them, or see every event in the list further down.</p>
      ) : (
        <>
          <div className="wf-selection-events" role="group" aria-label={`Events of ${bar.label}`}>
            {bar.eventIds.map((id) => (
              <button key={id} type="button" aria-pressed={id === eventId} onClick={() => setShown({ key: bar.key, eventId: id })}>
                Event {id}
              </button>
            ))}
          </div>
          {eventId !== null && <EventDetail eventId={eventId} />}
        </>
      )}
    </section>
  );
}
