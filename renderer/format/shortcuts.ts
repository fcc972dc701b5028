import { assertNever } from '../../shared/model/family';
import type { Route } from './route';

/** What a single-key shortcut does; each view acts on the ones that apply to it. */
export type ShortcutAction =
  | 'show-shortcuts'
  | 'time-range'
  | 'next-row'
  | 'previous-row'
  | 'next-problem'
  | 'previous-problem';

/** Where a shortcut works, as the sheet groups them. */
export type ShortcutScope = 'everywhere' | 'lists' | 'executions' | 'execution' | 'compare' | 'events' | 'problems';

/** One line of the shortcut sheet. */
export interface Shortcut {
  /** The keys as written on the sheet (each one does it). */
  readonly keys: readonly string[];
  readonly description: string;
  readonly scope: ShortcutScope;
  /** The action a key press becomes; null for keys a control handles itself (listed so the sheet is complete). */
  readonly action: ShortcutAction | null;
}

/**
 * Every keyboard shortcut of the app: what the `?` sheet lists and what
 * shortcutAction reads, from one table so the two never disagree.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], description: 'Show this list of shortcuts', scope: 'everywhere', action: 'show-shortcuts' },
  { keys: ['t'], description: 'Change the time range', scope: 'everywhere', action: 'time-range' },
  { keys: ['Esc'], description: 'Close a dialog; focus goes back where it was', scope: 'everywhere', action: null },
  { keys: ['Tab', 'Shift+Tab'], description: 'Move between controls', scope: 'everywhere', action: null },
  { keys: ['/'], description: 'Focus the search box (Executions, Events)', scope: 'lists', action: null },
  { keys: ['↓', 'j'], description: 'Next row of a focused list', scope: 'lists', action: null },
  { keys: ['↑', 'k'], description: 'Previous row of a focused list', scope: 'lists', action: null },
  { keys: ['Page Down', 'Page Up', 'Home', 'End'], description: 'Move a page, or to the first or last row, of a focused list', scope: 'lists', action: null },
  { keys: ['Enter'], description: 'Open the row', scope: 'lists', action: null },
  { keys: ['c'], description: 'Pick the row as run A to compare; c on another row compares the two', scope: 'executions', action: null },
  { keys: ['Esc'], description: 'Forget the run picked to compare', scope: 'executions', action: null },
  { keys: ['+', '-'], description: 'Zoom the waterfall in or out (it has the focus)', scope: 'execution', action: null },
  { keys: ['←', '→'], description: 'Pan the waterfall (Shift: a smaller step)', scope: 'execution', action: null },
  { keys: ['0'], description: 'Show the whole waterfall', scope: 'execution', action: null },
  { keys: ['n', 'p'], description: 'Next or previous difference in the aligned steps (they have the focus)', scope: 'compare', action: null },
  { keys: ['j'], description: 'Open the next event', scope: 'events', action: 'next-row' },
  { keys: ['k'], description: 'Open the previous event', scope: 'events', action: 'previous-row' },
  { keys: ['n'], description: 'Go to the next problem (from the open event)', scope: 'events', action: 'next-problem' },
  { keys: ['p'], description: 'Go to the previous problem (from the open event)', scope: 'events', action: 'previous-problem' },
  { keys: ['j', 'n'], description: 'Next problem', scope: 'problems', action: 'next-problem' },
  { keys: ['k', 'p'], description: 'Previous problem', scope: 'problems', action: 'previous-problem' },
];

/** The sheet's groups, in order, with their headings. */
export const SHORTCUT_SCOPES: readonly { readonly scope: ShortcutScope; readonly title: string }[] = [
  { scope: 'everywhere', title: 'Everywhere' },
  { scope: 'lists', title: 'Lists' },
  { scope: 'executions', title: 'Executions' },
  { scope: 'execution', title: 'An execution' },
  { scope: 'compare', title: 'Compare' },
  { scope: 'events', title: 'Events' },
  { scope: 'problems', title: 'Problems and a problem’s line' },
];

/** What shortcutAction needs of a key press. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/**
 * The action a key press asks for in a scope, or null. Keys with Ctrl, Cmd or
 * Alt are the browser's and the system's, never ours. `j`/`k` step through rows
 * in the Events view and through problems in the Problems views, where a row is a problem.
 */
export function shortcutAction(press: KeyPress, scope: ShortcutScope | null): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  for (const shortcut of SHORTCUTS) {
    if (shortcut.action === null || !shortcut.keys.includes(press.key)) continue;
    if (shortcut.scope === 'everywhere' || shortcut.scope === scope) return shortcut.action;
  }
  return null;
}

/** What isTypingTarget needs of the focused element. */
export interface FocusedElement {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
}

const NOT_TYPED = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether the focused element takes typed text, where a letter must type itself, never act. */
export function isTypingTarget(element: FocusedElement | null): boolean {
  if (element === null) return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TYPED.has((element.type ?? 'text').toLowerCase());
}

/** The group of shortcuts that belongs to a route's view (the sheet marks it), and the keys that view answers. */
export function shortcutScopeOf(route: Route): ShortcutScope {
  switch (route.view) {
    case 'events':
      return 'events';
    case 'problems':
    case 'problem':
      return 'problems';
    case 'executions':
    case 'execution':
    case 'compare':
      return route.view;
    case 'overview':
    case 'start':
    case 'notes':
    case 'not-found':
      return 'everywhere';
    default:
      return assertNever(route, 'route');
  }
}
