import { useState } from 'react';
import { plural } from '../../format/numbers';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { downloadFile } from '../../state/download-file';
import type { ApiRequest } from '../../../shared/api/contract';

/** The most executions one export from the list carries: what one API request may name. */
const MAX_EXECUTIONS = 500;

/**
 * Exports the executions the list shows (its filters, its order; the first 500)
 * as OpenTelemetry traces, one OTLP/JSON request a line, saved as a file. The
 * CLI's `export-otlp` writes any number.
 */
export function ExportListOtlp({ request }: { readonly request: ApiRequest<'listExecutions'> }) {
  const bridge = useBridge();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    setStatus('Building the OpenTelemetry traces…');
    try {
      const page = await callBridge(bridge, 'listExecutions', { ...request, limit: MAX_EXECUTIONS });
      if (!page.ok) return setStatus(`Export failed: ${page.error.message}`);
      const ids = page.value.items.map((row) => row.id);
      if (ids.length === 0) return setStatus('No execution to export.');
      const answer = await callBridge(bridge, 'exportOtlp', { ids });
      if (!answer.ok) return setStatus(`Export failed: ${answer.error.message}`);
      const { filename, mediaType, content, exported, skipped } = answer.value;
      downloadFile(filename, mediaType, content);
      const total = page.value.total;
      const notes = [
        total > ids.length ? `the first ${ids.length} of ${total}; the CLI's export-otlp writes all` : null,
        skipped.length > 0 ? `${plural(skipped.length, 'execution')} without any time skipped` : null,
      ].filter((note) => note !== null);
      setStatus(`Saved ${filename}: ${plural(exported, 'execution')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-list-otlp">
      <button type="button" className="button-small" disabled={busy} onClick={() => void run()} title="The executions listed (filters applied) as OpenTelemetry traces (OTLP/JSON)">
        Export OTLP
      </button>
      <span className="muted" role="status">
        {status}
      </span>
    </span>
  );
}
