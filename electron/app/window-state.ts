import { z } from 'zod';
import type { Rectangle } from 'electron';
import { readJsonFile, writeJsonFileAtomically } from './atomic-json-file';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});

/** Where and how large the last closed window was. */
export type WindowState = z.infer<typeof windowStateSchema>;

/** The state of a window that was never closed before. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/** How far each further window is moved from the remembered place, so a new one never hides the one before. */
export const CASCADE_OFFSET = 28;

/** The window geometry of the last closed window, remembered as JSON in the app's data folder. */
export class WindowStateStore {
  /** `mayWrite` is false while the file would land inside an opened folder: the geometry is then not remembered. */
  constructor(
    private readonly file: string,
    private readonly mayWrite: () => boolean = () => true,
  ) {}

  /** The remembered state, or the default one. */
  load(): WindowState {
    return readJsonFile(this.file, windowStateSchema) ?? DEFAULT_WINDOW_STATE;
  }

  /** Remembers a window's normal (unmaximized) bounds and whether it was maximized. */
  save(bounds: Rectangle, maximized: boolean): void {
    if (!this.mayWrite()) return;
    const state: WindowState = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), maximized };
    writeJsonFileAtomically(this.file, windowStateSchema.parse(state));
  }
}

/**
 * The bounds of a new window: the remembered ones moved by `cascade` steps, with
 * the position dropped (the system places it) when it would not be on any screen,
 * e.g. after a monitor was unplugged.
 */
export function placeWindow(state: WindowState, cascade: number, workAreas: readonly Rectangle[]): { x?: number; y?: number; width: number; height: number } {
  const size = { width: state.width, height: state.height };
  if (state.x === undefined || state.y === undefined) return size;
  const x = state.x + cascade * CASCADE_OFFSET;
  const y = state.y + cascade * CASCADE_OFFSET;
  const visible = workAreas.some((area) => x + 100 <= area.x + area.width && x + state.width - 100 >= area.x && y >= area.y && y + 50 <= area.y + area.height);
  return visible ? { ...size, x, y } : size;
}
