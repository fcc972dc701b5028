import { ErrorState } from '../../../components/error-state';
import { KeyValueList } from '../../../components/key-value-list';
import { LoadingState } from '../../../components/loading-state';
import { Panel } from '../../../components/panel';
import { displayWrittenTime } from '../../../../shared/model/display-time';
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
            ['first_event', writtenTime(summary.value.first_event)],
            ['last_event', writtenTime(summary.value.last_event)],
          ]}
        />
      )}
    </Panel>
  );
}

/** A summary time in the app's format, the text the report wrote kept in its title. */
function writtenTime(written: string | null) {
  return written === null ? 'null' : <span title={`as written: ${written}`}>{displayWrittenTime(written)}</span>;
}
