import { useState } from 'react';
import { useBridge } from '../../state/bridge-context';
import { callBridge } from '../../state/call-bridge';

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
  const download = async (format: 'md' | 'html' | 'json'): Promise<void> => {
    setBusy(true);
    setStatus('Building the report…');
    const result =
      compare !== undefined ? await callBridge(bridge, 'exportComparisonReport', { ...compare, format }) : await callBridge(bridge, 'exportReport', { id: id ?? '', format });
    setBusy(false);
    if (!result.ok) {
      setStatus(`Export failed: ${result.error.message}`);
      return;
    }
    const { filename, mediaType, content } = result.value;
    // application/octet-stream: the browser saves it and never renders it in this window.
    const url = URL.createObjectURL(new Blob([content], { type: mediaType.startsWith('text/html') ? 'application/octet-stream' : mediaType }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = filename;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
      <span className="muted" role="status">
        {status}
      </span>
    </div>
  );
}
