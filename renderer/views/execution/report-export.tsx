import { useState } from 'react';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';
import { downloadFile } from '../../state/download-file';

const FORMATS = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON' },
] as const;

/**
 * Downloads the incident report of an execution (`id`), or the comparison
 * report of two (`compare`). The report is built from untrusted lines, so it is
 * never shown in the app: it is saved as a file through a Blob URL and opened,
 * if at all, by the reviewer elsewhere.
 */
export function ReportExport({ id, compare }: { readonly id?: string; readonly compare?: { readonly a: string; readonly b: string } }) {
  const bridge = useBridge();
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const download = async (format: 'md' | 'html' | 'json' | 'otlp'): Promise<void> => {
    setBusy(true);
    setStatus(format === 'otlp' ? 'Building the OpenTelemetry trace…' : 'Building the report…');
    const result =
      format === 'otlp'
        ? await callBridge(bridge, 'exportOtlp', { ids: [id ?? ''] })
        : compare !== undefined
          ? await callBridge(bridge, 'exportComparisonReport', { ...compare, format })
          : await callBridge(bridge, 'exportReport', { id: id ?? '', format });
    setBusy(false);
    if (!result.ok) {
      setStatus(`Export failed: ${result.error.message}`);
      return;
    }
    const { filename, mediaType, content } = result.value;
    downloadFile(filename, mediaType, content);
    setStatus(`Saved ${filename}`);
  };
  return (
    <div className="report-export" role="group" aria-label={compare === undefined ? 'Export incident report' : 'Export comparison report'}>
      <span className="muted">{compare === undefined ? 'Incident report:' : 'Comparison report:'}</span>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" className="button-small" disabled={busy} onClick={() => void download(format)}>
          Export {label}
        </button>
      ))}
      {compare === undefined && (
        <button type="button" className="button-small" disabled={busy} onClick={() => void download('otlp')} title="The execution as an OpenTelemetry trace (OTLP/JSON) for Jaeger, Tempo or a Collector">
          Export OTLP
        </button>
      )}
      <span className="muted" role="status">
        {status}
      </span>
    </div>
  );
}
