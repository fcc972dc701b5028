import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomically } from './atomic-json-file';

const recentFoldersSchema = z.object({ folders: z.array(z.string().min(1).max(4096)).max(100) });

/** How the recent list is kept: how many folders, and whether its file may be written right now. */
export interface RecentFoldersOptions {
  readonly limit?: number;
  /** False while the file would land inside an opened folder: the list is then not remembered. */
  readonly mayWrite?: () => boolean;
}

/** The folders opened most recently, newest first, remembered across launches in the app's data folder. */
export class RecentFolders {
  private readonly limit: number;
  private readonly mayWrite: () => boolean;

  constructor(
    private readonly file: string,
    options: RecentFoldersOptions = {},
  ) {
    this.limit = options.limit ?? 10;
    this.mayWrite = options.mayWrite ?? ((): boolean => true);
  }

  /** The remembered folders, newest first. */
  list(): readonly string[] {
    return (readJsonFile(this.file, recentFoldersSchema)?.folders ?? []).slice(0, this.limit);
  }

  /** Puts a folder first (once) and returns the new list (unchanged while the file may not be written). */
  add(folder: string): readonly string[] {
    const folders = [folder, ...this.list().filter((known) => known !== folder)].slice(0, this.limit);
    this.save(folders);
    return this.list();
  }

  /** Forgets every folder. */
  clear(): void {
    this.save([]);
  }

  private save(folders: readonly string[]): void {
    if (!this.mayWrite()) return;
    writeJsonFileAtomically(this.file, { folders });
  }
}
