import { useState } from 'react';
import { useBridgeAction } from '../../hooks/use-bridge-action';
import { downloadFile } from '../../state/download-file';

/**
 * Downloads the whole review journal, its lines exactly as written (each
 * naming the hash of the one before) with its verdict, as one JSON file.
 */
export function JournalExport() {
  const exporter = useBridgeAction('exportJournal');
  const [status, setStatus] = useState('');
  const download = async (): Promise<void> => {
    const value = await exporter.run({});
    if (value === null) return;
    downloadFile(value.filename, value.mediaType, value.content);
    setStatus(`Saved ${value.filename}`);
  };
  return (
    <span className="journal-export">
      <button type="button" className="button-small" disabled={exporter.busy} onClick={() => void download()}>
        Export journal
      </button>{' '}
      <span className="muted small" role="status">
        {exporter.error !== null ? `Export failed: ${exporter.error.message}` : status}
      </span>
    </span>
  );
}
