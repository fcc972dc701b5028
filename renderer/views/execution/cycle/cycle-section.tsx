import type { ApiResponse } from '../../../../shared/api/contract';
import { Badge } from '../../../components/badge';
import { Panel } from '../../../components/panel';
import { CYCLE_PART_TITLES, CYCLE_PARTS, type CycleGroup } from '../../../format/cycle-groups';
import { statusTone } from '../../../format/execution-row';
import { plural } from '../../../format/numbers';
import { formatDuration, formatTimeOfDay } from '../../../format/time';
import type { ParsedEvent } from '../../../hooks/use-parsed-events';
import { CycleEventRow } from './cycle-event-row';

type CycleSummary = ApiResponse<'getExecution'>['cycles'][number];

/** One cycle: its time, counts and review decision, then its events by part. */
export function CycleSection({ group, summary }: { readonly group: CycleGroup<ParsedEvent>; readonly summary: CycleSummary | null }) {
  const title = group.cycle === null ? 'Events outside any cycle' : `Cycle ${group.cycle}`;
  return (
    <Panel
      title={title}
      className="panel-cycle"
      actions={
        summary !== null && (
          <span className="cycle-meta">
            <span className="muted">
              {formatTimeOfDay(summary.firstMs)} → {formatTimeOfDay(summary.lastMs)} ({formatDuration(summary.firstMs !== null && summary.lastMs !== null ? summary.lastMs - summary.firstMs : null)}) · {plural(summary.eventCount, 'event')}
              {summary.failureCount > 0 ? ` · ${summary.failureCount} failed` : ''}
            </span>{' '}
            {summary.decision !== null && <Badge tone={statusTone(summary.decision)}>review: {summary.decision}</Badge>}
          </span>
        )
      }
    >
      {CYCLE_PARTS.filter((part) => group.parts[part].length > 0).map((part) => (
        <section key={part} className="cycle-part" aria-label={`${title}: ${CYCLE_PART_TITLES[part]}`}>
          <h3>{CYCLE_PART_TITLES[part]}</h3>
          <ul className="cycle-events">
            {group.parts[part].map((event) => (
              <CycleEventRow key={event.row.id} event={event} />
            ))}
          </ul>
        </section>
      ))}
    </Panel>
  );
}
