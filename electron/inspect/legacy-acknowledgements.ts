import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { acknowledgementSchema } from '../../shared/api/views';

/** A reviewer's recorded acknowledgement of a manual rollback scaffold. */
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** An acknowledgement read from the older file, with the line it is on. */
export interface LegacyAcknowledgement {
  readonly acknowledgement: Acknowledgement;
  readonly line: number;
}

/** What the older file holds: its acknowledgements and the lines that are none (torn or edited), by number. */
export interface LegacyAcknowledgements {
  readonly file: string;
  readonly items: readonly LegacyAcknowledgement[];
  readonly unreadableLines: readonly number[];
}

/**
 * Rollback acknowledgements as versions before the review journal kept them:
 * one JSON line each in `acknowledgements/<key>.jsonl` of the data folder. The
 * file is only read, never changed or deleted: its acknowledgements are moved
 * into the journal (see `journal-acknowledgements.ts`) and it stays as it was.
 */
export function readLegacyAcknowledgements(dataDir: string, folder: string): LegacyAcknowledgements {
  const key = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  const file = join(dataDir, 'acknowledgements', `${key}.jsonl`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { file, items: [], unreadableLines: [] };
    throw error;
  }
  const items: LegacyAcknowledgement[] = [];
  const unreadableLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    if (parsed === null) unreadableLines.push(index + 1);
    else items.push({ acknowledgement: parsed, line: index + 1 });
  });
  return { file, items, unreadableLines };
}

function parseLine(line: string): Acknowledgement | null {
  try {
    const result = acknowledgementSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
