import type { ApiResponse } from '../../../../shared/api/contract';
import { EmptyState } from '../../../components/empty-state';
import { groupByCycle } from '../../../format/cycle-groups';
import { payloadFieldFlags } from '../../../format/field-flags';
import { useParsedEvents, type ParsedEvent } from '../../../hooks/use-parsed-events';
import { CycleRunPanel } from './cycle-run-panel';
import { CycleSection } from './cycle-section';

const cycleOf = (event: ParsedEvent): number | null => (typeof event.json?.['cycle'] === 'number' ? (event.json['cycle'] as number) : null);
const nameOf = (event: ParsedEvent): string => event.row.kind;

/** An improvement-cycle run: one section per cycle with its plan, executor commands, review and optimizer figures. */
export function CycleSections({ detail }: { readonly detail: ApiResponse<'getExecution'> }) {
  const { events, pending } = useParsedEvents(detail.events);
  const groups = groupByCycle(events, cycleOf, nameOf);
  const flagsOf = (eventId: number, keys: readonly string[]) => payloadFieldFlags(detail.problems, eventId, 'payload', keys);
  return (
    <>
      {pending > 0 && (
        <p className="muted" role="status">
          Reading {pending} long lines…
        </p>
      )}
      <CycleRunPanel detail={detail} events={events} />
      {groups.length === 0 ? <EmptyState title="No cycle events" /> : groups.map((group) => <CycleSection key={group.cycle ?? 'none'} group={group} summary={detail.cycles.find((cycle) => cycle.cycle === group.cycle) ?? null} flagsOf={flagsOf} />)}
      {detail.eventsTruncated && <p className="muted">Only the first events are grouped here; all of them are in the events list below.</p>}
    </>
  );
}
