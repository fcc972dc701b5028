import { createHash } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { isInsideFolder } from '../index/index-location';
import { realPathForWriting } from '../index/index-placement';
import { readLegacyAcknowledgements, type LegacyAcknowledgements } from './legacy-acknowledgements';
import { entryHash, entryLine, JOURNAL_VERSION, lineHash, verifyJournal, type JournalEntry, type JournalHead, type UnhashedEntry, type VerifiedJournal } from './journal-chain';
import { writePrivateDataFile } from './private-data-file';

/** What a caller writes; the journal adds the version, sequence number, link, time and hash. */
export type JournalEntryInput = Omit<JournalEntry, 'v' | 'seq' | 'prev' | 'at' | 'hash'>;

const headSchema = z.object({ seq: z.number().int().min(0), hash: z.string() });

/** Appending was refused because the journal does not verify: adding to it would hide where it broke. */
export class JournalNotWritable extends Error {}

/** How long another writer may hold the lock before it counts as dead (a crashed app or CLI). */
const STALE_LOCK_MS = 10_000;
/** How long an append waits for another writer. */
const LOCK_WAIT_MS = 5_000;

/**
 * The review journal of one evidence folder: notes, bookmarks, their
 * corrections and deletions, and rollback acknowledgements, one JSON line each,
 * each naming the SHA-256 of the line before it (`journal-chain.ts`). Kept in
 * the app's data folder (`journal/`, keyed like the index by the folder's real
 * path), 0600 in a 0700 folder since it quotes evidence; never in the evidence
 * folder. Append-only: nothing is rewritten, a change is a new entry.
 */
export class ReviewJournal {
  /** The JSON-lines file of this folder's journal. */
  readonly file: string;
  /** Beside it: the last entry's number and line hash, rewritten after each append, so entries cut from the end are seen. */
  readonly headFile: string;

  constructor(
    private readonly dataDir: string,
    private readonly folder: string,
    private readonly now: () => Date,
  ) {
    const key = createHash('sha256').update(folder).digest('hex').slice(0, 32);
    this.file = join(dataDir, 'journal', `${key}.jsonl`);
    this.headFile = join(dataDir, 'journal', `${key}.head.json`);
  }

  /** The last entry recorded beside the journal; null when none is (no entry yet, or a journal older than the record). */
  head(): JournalHead | null {
    try {
      const parsed = headSchema.safeParse(JSON.parse(readFileSync(this.headFile, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** The journal's bytes exactly as on disk (empty when there is no journal yet), for export. */
  bytes(): Buffer {
    try {
      return readFileSync(this.file);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    }
  }

  /** Acknowledgements an older version kept in its own file, which the journal takes over (that file is only read). */
  legacyAcknowledgements(): LegacyAcknowledgements {
    return readLegacyAcknowledgements(this.dataDir, this.folder);
  }

  /** Reads and verifies the whole journal. */
  read(): VerifiedJournal {
    return verifyJournal(this.bytes(), this.head());
  }

  /**
   * Appends entries in order, each linked to the one before, and returns them.
   * Refused (JournalNotWritable) when the journal does not verify. Holds a lock
   * file beside the journal so the app and the CLI never link two entries to the
   * same predecessor; each line goes down in one write, flushed with fsync
   * before the call returns.
   */
  append(inputs: readonly JournalEntryInput[]): JournalEntry[] {
    return this.appendWith(() => inputs);
  }

  /** As `append`, with the entries built from the journal's entries as read under the lock (so two writers cannot both add the same one). */
  appendWith(build: (entries: readonly JournalEntry[]) => readonly JournalEntryInput[]): JournalEntry[] {
    const file = realPathForWriting(this.file);
    if (isInsideFolder(this.folder, file)) throw new Error('refusing to write the review journal inside the evidence folder; the folder is never written');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    chmodSync(dirname(file), 0o700);
    return withLock(`${file}.lock`, () => {
      const { verdict, entries } = this.read();
      if (verdict.state !== 'intact') throw new JournalNotWritable(`the review journal does not verify, so nothing is added to it: ${verdict.statement}`);
      const inputs = build(entries);
      if (inputs.length === 0) return [];
      let prev = verdict.head;
      let seq = entries.length;
      const at = isoWithZone(this.now());
      const written: JournalEntry[] = [];
      const lines: string[] = [];
      for (const input of inputs) {
        seq += 1;
        const unhashed: UnhashedEntry = { v: JOURNAL_VERSION, seq, prev, at, ...input };
        const line = entryLine(unhashed);
        prev = lineHash(line);
        written.push({ ...unhashed, hash: entryHash(unhashed) });
        lines.push(`${line}\n`);
      }
      const fd = openSync(file, 'a', 0o600);
      try {
        writeSync(fd, lines.join(''));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(file, 0o600);
      // After the lines are on disk: a crash in between leaves the head behind, which still verifies.
      writePrivateDataFile(this.headFile, this.folder, `${JSON.stringify({ seq, hash: prev })}\n`, 'the review journal');
      return written;
    });
  }
}

/** An ISO 8601 time with its zone designator (UTC, `Z`): what every entry's `at` is. */
function isoWithZone(date: Date): string {
  return date.toISOString();
}

/** Runs `work` holding an exclusive lock file; a lock older than STALE_LOCK_MS is taken over. */
function withLock<T>(lock: string, work: () => T): T {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let fd: number;
  for (;;) {
    try {
      fd = openSync(lock, 'wx', 0o600);
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      if (lockAge(lock) > STALE_LOCK_MS) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the review journal is locked by another writer (${lock}); try again`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    writeSync(fd, String(process.pid));
    return work();
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}
