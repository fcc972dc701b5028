import { isInsideFolder } from '../index/index-location';
import { realPathOf } from './evidence-boundary';

/** A folder open in a window and the data folder its index is written in. */
export interface FolderInUse {
  readonly folder: string;
  readonly dataDir: string;
}

/** Why a data folder cannot serve the folder being opened; every case would write into evidence. */
export type DataFolderConflict =
  /** The data folder is the folder being opened, or inside it (e.g. opening `~` or `~/.config`). */
  | { readonly kind: 'inside-opening'; readonly dataDir: string; readonly folder: string }
  /** The data folder is inside another folder already open in a window. */
  | { readonly kind: 'inside-open'; readonly dataDir: string; readonly folder: string }
  /** The folder being opened is inside the data folder, so its own index would be written into it. */
  | { readonly kind: 'holds-opening'; readonly dataDir: string; readonly folder: string }
  /** Another open folder's index is written inside the folder being opened: another data folder for this one does not help. */
  | { readonly kind: 'other-index-inside'; readonly dataDir: string; readonly folder: string; readonly owner: string };

/**
 * What stands in the way of using `dataDir` for the folder `opening` (a real
 * path) while `open` folders are shown; null when nothing does. Data folders are
 * compared by their real path (that of their nearest existing ancestor when they
 * do not exist yet), so a symbolic link to the evidence counts as the evidence.
 */
export function dataFolderConflict(opening: string, dataDir: string, open: readonly FolderInUse[]): DataFolderConflict | null {
  const realDataDir = realPathOf(dataDir);
  const inside = (folder: string, path: string): boolean => isInsideFolder(folder, path) || isInsideFolder(folder, realPathOf(path));
  if (inside(opening, dataDir)) return { kind: 'inside-opening', dataDir, folder: opening };
  const holder = open.find((known) => known.folder !== opening && inside(known.folder, dataDir));
  if (holder) return { kind: 'inside-open', dataDir, folder: holder.folder };
  if (isInsideFolder(realDataDir, opening)) return { kind: 'holds-opening', dataDir, folder: opening };
  const other = open.find((known) => known.folder !== opening && inside(opening, known.dataDir));
  if (other) return { kind: 'other-index-inside', dataDir: other.dataDir, folder: opening, owner: other.folder };
  return null;
}

/** How the user is asked; AppDialogs answers, over the window in front. */
export interface DataFolderPrompt {
  /** Explains a conflict; true when the user wants to choose another data folder. */
  readonly explain: (conflict: DataFolderConflict) => Promise<boolean>;
  /** The folder picker for a data folder, starting at `suggested`; null when cancelled. */
  readonly choose: (suggested: string) => Promise<string | null>;
}

/** The user declined to open a folder (after being told why); nothing more to report. */
export class OpenDeclined extends Error {
  constructor(folder: string) {
    super(`not opened: ${folder}`);
    this.name = 'OpenDeclined';
  }
}

/**
 * The data folder of each opened folder: the default one (the CLI's, or
 * EXECUTION_INSPECTOR_DATA_DIR) unless it would lie inside evidence, in which
 * case the user chooses another for that folder. The choice is kept in memory
 * for the rest of the run and never written down: any place it could be stored
 * by default is the data folder that was just found inside the evidence. The
 * environment variable is the lasting way to move the data folder.
 */
export class DataFolders {
  private readonly chosen = new Map<string, string>();

  constructor(
    private readonly defaultDir: string,
    private readonly prompt: DataFolderPrompt,
  ) {}

  /** The data folder a folder uses (or would use): the one chosen for it this run, else the default. */
  dataDirOf(folder: string): string {
    return this.chosen.get(folder) ?? this.defaultDir;
  }

  /**
   * A data folder for `folder` that writes nothing into it nor into any open
   * folder, asking the user while there is a conflict. Throws OpenDeclined when
   * the user cancels, or when only closing another window would help.
   */
  async resolve(folder: string, open: readonly FolderInUse[]): Promise<string> {
    let candidate = this.dataDirOf(folder);
    for (;;) {
      const conflict = dataFolderConflict(folder, candidate, open);
      if (conflict === null) {
        if (candidate !== this.defaultDir) this.chosen.set(folder, candidate);
        return candidate;
      }
      const wantsAnother = await this.prompt.explain(conflict);
      if (!wantsAnother || conflict.kind === 'other-index-inside') throw new OpenDeclined(folder);
      const picked = await this.prompt.choose([...this.chosen.values()].at(-1) ?? candidate);
      if (picked === null) throw new OpenDeclined(folder);
      candidate = picked;
    }
  }
}
