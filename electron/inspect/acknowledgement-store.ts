import { createHash, randomUUID } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { acknowledgementSchema } from '../../shared/api/views';
import { isInsideFolder } from '../index/index-location';
import { realPathForWriting } from '../index/index-placement';

/** A reviewer's recorded acknowledgement of a manual rollback scaffold. */
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** What a reviewer confirms; the store adds the id and the time. */
export interface AcknowledgementInput {
  readonly executionId: string;
  readonly reviewer: string;
  readonly note: string | null;
  readonly scaffoldHash: string;
}

/**
 * Rollback acknowledgements of one evidence folder, one JSON line each, in the
 * app's own data folder (keyed like the index, by the folder's real path).
 * Append-only: an acknowledgement is a record of what a reviewer saw and
 * confirmed, so it is never edited. Recording one runs nothing.
 */
export class AcknowledgementStore {
  /** The JSON-lines file of this folder's acknowledgements. */
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly folder: string,
    private readonly now: () => Date,
  ) {
    const key = createHash('sha256').update(folder).digest('hex').slice(0, 32);
    this.file = join(dataDir, 'acknowledgements', `${key}.jsonl`);
  }

  /**
   * Appends one acknowledgement and returns it. Refuses to write anywhere inside the
   * evidence folder, also through a linked data folder. The file quotes evidence,
   * so it is 0600 in a 0700 folder.
   */
  append(input: AcknowledgementInput): Acknowledgement {
    const file = realPathForWriting(this.file);
    if (isInsideFolder(this.folder, file)) throw new Error('refusing to record an acknowledgement inside the evidence folder; the folder is never written');
    const acknowledgement: Acknowledgement = {
      id: randomUUID(),
      executionId: input.executionId,
      reviewer: input.reviewer,
      note: input.note,
      scaffoldHash: input.scaffoldHash,
      acknowledgedAt: this.now().toISOString(),
    };
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    chmodSync(dirname(file), 0o700);
    // One write of one whole line, so concurrent appends (app and CLI) never interleave mid-line.
    appendFileSync(file, `${JSON.stringify(acknowledgement)}\n`, { encoding: 'utf8', mode: 0o600 });
    chmodSync(file, 0o600);
    return acknowledgement;
  }

  /** Recorded acknowledgements, of one execution or all, newest first; lines that are not acknowledgements are skipped. */
  list(executionId?: string): Acknowledgement[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return [];
      throw error;
    }
    const found: Acknowledgement[] = [];
    for (const line of text.split('\n')) {
      const parsed = parseLine(line);
      if (parsed !== null && (executionId === undefined || parsed.executionId === executionId)) found.push(parsed);
    }
    // Later lines first, then a stable sort by time, so same-millisecond entries keep their append order reversed.
    return found.reverse().sort((a, b) => (a.acknowledgedAt < b.acknowledgedAt ? 1 : a.acknowledgedAt > b.acknowledgedAt ? -1 : 0));
  }
}

function parseLine(line: string): Acknowledgement | null {
  if (line.trim() === '') return null;
  try {
    const result = acknowledgementSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : null;
  } catch {
    // A torn or hand-edited line; the rest of the file still counts.
    return null;
  }
}
