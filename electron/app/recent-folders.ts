import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomically } from './atomic-json-file';

const recentFoldersSchema = z.object({ folders: z.array(z.string().min(1).max(4096)).max(100) });

/** The folders opened most recently, newest first, remembered across launches in the app's data folder. */
export class RecentFolders {
  constructor(
    private readonly file: string,
    private readonly limit = 10,
  ) {}

  /** The remembered folders, newest first. */
  list(): readonly string[] {
    return (readJsonFile(this.file, recentFoldersSchema)?.folders ?? []).slice(0, this.limit);
  }

  /** Puts a folder first (once) and returns the new list. */
  add(folder: string): readonly string[] {
    const folders = [folder, ...this.list().filter((known) => known !== folder)].slice(0, this.limit);
    this.save(folders);
    return folders;
  }

  /** Forgets every folder. */
  clear(): void {
    this.save([]);
  }

  private save(folders: readonly string[]): void {
    writeJsonFileAtomically(this.file, { folders });
  }
}
