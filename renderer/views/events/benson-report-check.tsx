import type { z } from 'zod';
import type { bensonReportCheckSchema } from '../../../shared/api/views';
import { displayWrittenTime } from '../../../shared/model/display-time';
import { Badge } from '../../components/badge';
import { RouteLink } from '../../components/route-link';

type Check = z.infer<typeof bensonReportCheckSchema>;

/**
 * A Benson report document checked against the indexed logs: events missing or
 * extra, and its summary against a recount. Times are shown in the app's one
 * format; the raw report stays in the event's detail as written.
 */
export function BensonReportCheck({ check }: { readonly check: Check }) {
  const clean = check.missingFromLogs.length === 0 && check.extraInLogs.length === 0 && check.summary.matches;
  const row = (name: string, reported: string, recounted: string) => (
    <tr key={name}>
      <th scope="row">{name}</th>
      <td className="mono">{reported}</td>
      <td className="mono">{recounted}</td>
    </tr>
  );
  return (
    <section className="benson-report-check" aria-label="Report checked against the logs">
      <h3>
        Report checked against the logs <Badge tone={clean ? 'ok' : 'bad'}>{clean ? 'consistent' : 'differs'}</Badge>
      </h3>
      <p>{check.statement}</p>
      <table className="table compact">
        <caption>The report&apos;s summary and a recount of its events (event types compared as a set)</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Reported</th>
            <th scope="col">Recounted</th>
          </tr>
        </thead>
        <tbody>
          {row('total_events', String(check.summary.totalEvents.reported ?? '—'), String(check.summary.totalEvents.recounted))}
          {row('event_types', check.summary.eventTypes.reported.join(', '), check.summary.eventTypes.recounted.join(', '))}
          {row('first_event', displayWrittenTime(check.summary.firstEvent.reported), displayWrittenTime(check.summary.firstEvent.recounted))}
          {row('last_event', displayWrittenTime(check.summary.lastEvent.reported), displayWrittenTime(check.summary.lastEvent.recounted))}
        </tbody>
      </table>
      {check.missingFromLogs.length > 0 && (
        <>
          <h4>In the report, in no indexed log ({check.missingFromLogs.length})</h4>
          <ul>
            {check.missingFromLogs.map((event, position) => (
              <li key={position} className="mono">
                {event.eventType} {event.timestamp === null ? '' : displayWrittenTime(event.timestamp)}
              </li>
            ))}
          </ul>
        </>
      )}
      {check.extraInLogs.length > 0 && (
        <>
          <h4>Logged in the report&apos;s time span, not in the report ({check.extraInLogs.length})</h4>
          <ul>
            {check.extraInLogs.map((event, position) => (
              <li key={position} className="mono">
                {event.eventId === null ? event.eventType : <RouteLink to={{ view: 'events', eventId: event.eventId }}>{event.eventType}</RouteLink>} {event.timestamp === null ? '' : displayWrittenTime(event.timestamp)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
