import { useEffect, useRef } from 'react';
import { isTypingTarget, shortcutAction, type ShortcutAction, type ShortcutScope } from '../format/shortcuts';

/**
 * Calls `handler` with the action of each single-key shortcut pressed on the
 * page (`scope`: the view's own keys besides the everywhere ones); a handler
 * that returns true has acted, and the key does nothing else. No shortcut acts
 * while the user types in a field, while a dialog is open (it has the
 * keyboard), or on a key a focused control already handled (a listbox's j/k).
 */
export function useShortcut(handler: (action: ShortcutAction) => boolean, scope: ShortcutScope | null = null): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      const active = document.activeElement;
      if (active instanceof HTMLElement && isTypingTarget(active)) return;
      if (document.querySelector('dialog[open]') !== null) return;
      const action = shortcutAction(event, scope);
      if (action !== null && latest.current(action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [scope]);
}
