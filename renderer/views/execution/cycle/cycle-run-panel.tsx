import type { ApiResponse } from '../../../../shared/api/contract';
import { KeyValueList } from '../../../components/key-value-list';
import { Panel } from '../../../components/panel';
import { asRecord, plainText } from '../../../format/json-text';
import type { ParsedEvent } from '../../../hooks/use-parsed-events';

/** The run as a whole: its id, envelope version, the modules that wrote it and its tags, as written. */
export function CycleRunPanel({ detail, events }: { readonly detail: ApiResponse<'getExecution'>; readonly events: readonly ParsedEvent[] }) {
  const sources = [...new Set(events.map((event) => event.json?.['source']).filter((source): source is string => typeof source === 'string'))];
  const versions = [...new Set(events.map((event) => event.json?.['schema_version']).filter((version) => version !== undefined).map((version) => plainText(version)))];
  const tags = new Map<string, Set<string>>();
  for (const event of events) {
    for (const [key, value] of Object.entries(asRecord(event.json?.['tags']) ?? {})) {
      const seen = tags.get(key) ?? new Set<string>();
      seen.add(plainText(value));
      tags.set(key, seen);
    }
  }
  return (
    <Panel title="Run">
      <KeyValueList
        items={[
          ['run_id', detail.execution.key],
          ['Cycles', String(detail.cycles.length)],
          ['Sources', sources.join(', ') || '—'],
          ['schema_version', versions.join(', ') || '—'],
          ...[...tags.entries()].map(([key, values]): [string, string] => [`tags.${key}`, [...values].join(', ')]),
        ]}
      />
    </Panel>
  );
}
