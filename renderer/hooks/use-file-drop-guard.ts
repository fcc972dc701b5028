import { useEffect } from 'react';
import { useFolderHost } from '../state/folder-host';

/**
 * In a host that does not open dropped folders (a browser tab), a file dropped
 * anywhere would make the browser navigate away from the inspector to that file;
 * this keeps the page where it is. The desktop app needs the drop to go through.
 */
export function useFileDropGuard(): void {
  const host = useFolderHost();
  useEffect(() => {
    if (host.opensDroppedFolders) return;
    const stop = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, [host]);
}
