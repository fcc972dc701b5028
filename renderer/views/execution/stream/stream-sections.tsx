import type { ApiResponse } from '../../../../shared/api/contract';
import { KeyValueList } from '../../../components/key-value-list';
import { Panel } from '../../../components/panel';
import { liveStreamId } from '../../../format/stream-event';
import { StreamTail } from './stream-tail';

/** A mission stream: which stream file, and its events as a live tail. */
export function StreamSections({ id, detail }: { readonly id: string; readonly detail: ApiResponse<'getExecution'> }) {
  const files = [...new Set(detail.events.map((event) => event.source.path))];
  const counts = new Map<string, number>();
  for (const event of detail.events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  return (
    <>
      <Panel title="Mission stream">
        <KeyValueList
          items={[
            ['Mission id', detail.execution.key],
            ['live_stream_id', files.map(liveStreamId).join(', ') || '—'],
            ['Stream files', files.join(', ') || '—'],
            ['Final state', detail.execution.status ?? '—'],
            ['Event types', [...counts.entries()].map(([kind, n]) => `${kind || '(none)'} ${n}`).join(' · ') || '—'],
          ]}
        />
        <p className="muted">URLs in the stream are shown as text; the inspector never opens or fetches them.</p>
      </Panel>
      <StreamTail id={id} />
    </>
  );
}
