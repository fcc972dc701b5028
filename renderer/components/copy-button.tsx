import { useEffect, useState } from 'react';

/**
 * Copies text to the clipboard and says whether it worked. The text goes to
 * the clipboard as it is; nothing is run or opened.
 */
export function CopyButton({ text, children, description }: { readonly text: string; readonly children: string; readonly description?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 2000);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = (): void => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard === undefined) {
      setStatus('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };
  return (
    <span className="copy">
      <button type="button" className="button-small" onClick={copy} title={description}>
        {children}
      </button>
      <span className="copy-status" role="status">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}
