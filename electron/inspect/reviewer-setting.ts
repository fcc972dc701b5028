import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateDataFile } from './private-data-file';

/** A reviewer's name as entries record it: trimmed, 1 to 200 characters. */
export const reviewerNameSchema = z.string().trim().min(1).max(200);

/**
 * The name new journal entries are signed with when a request names none: one
 * setting of the data folder (`reviewer.json`), shared by every folder opened
 * with it, since it is the person at this machine. Set when the first note is
 * written; never in an evidence folder.
 */
export class ReviewerSetting {
  /** The settings file. */
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly evidenceFolder: string,
  ) {
    this.file = join(dataDir, 'reviewer.json');
  }

  /** The name set, or null when none is (or the file is not ours). */
  read(): string | null {
    try {
      const parsed = z.object({ reviewer: reviewerNameSchema }).safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.reviewer : null;
    } catch {
      return null;
    }
  }

  /** Saves a name and returns it as saved (trimmed). */
  set(name: string): string {
    const reviewer = reviewerNameSchema.parse(name);
    writePrivateDataFile(this.file, this.evidenceFolder, `${JSON.stringify({ reviewer })}\n`, 'the reviewer name');
    return reviewer;
  }
}
