/**
 * Saves text as a file through a Blob URL. HTML is handed over as
 * application/octet-stream, so the browser saves it and never renders
 * evidence text in this window.
 */
export function downloadFile(filename: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType.startsWith('text/html') ? 'application/octet-stream' : mediaType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
