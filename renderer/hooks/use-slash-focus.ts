import { useEffect, type RefObject } from 'react';

/** `/` focuses the search box (unless the user is typing in a field), as in most list UIs. */
export function useSlashFocus(target: RefObject<HTMLInputElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const active = document.activeElement;
      if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return;
      if (active instanceof HTMLElement && active.isContentEditable) return;
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      target.current?.focus();
      target.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [target, enabled]);
}
