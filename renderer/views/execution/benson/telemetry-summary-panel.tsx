import { ErrorState } from '../../../components/error-state';
import { KeyValueList } from '../../../components/key-value-list';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { useApi } from '../../../hooks/use-api';

/** The PAC's telemetry summary with the report's own field names. */
export function TelemetrySummaryPanel({ id }: { readonly id: string }) {
  const summary = useApi('getTelemetrySummary', { id });
  return (
    <Panel title="Telemetry summary">
      {summary.value === undefined ? (
        summary.error !== null ? (
          <ErrorState error={summary.error} onRetry={summary.reload} />
        ) : (
          <LoadingState />
        )
      ) : (
        <KeyValueList
          className="kv-mono"
          items={[
            ['total_events', String(summary.value.total_events)],
            ['event_types', summary.value.event_types.join(', ') || '—'],
            ['first_event', summary.value.first_event ?? 'null'],
            ['last_event', summary.value.last_event ?? 'null'],
          ]}
        />
      )}
    </Panel>
  );
}
