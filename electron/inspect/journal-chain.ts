import { createHash } from 'node:crypto';
import { z } from 'zod';
import { JOURNAL_KINDS, journalLineSchema, journalTargetSchema, type journalVerdictSchema } from '../../shared/api/journal-views';

/** The `prev` of the first entry: there is no line before it. */
export const GENESIS_PREV = '0'.repeat(64);

/** The journal format's version, written in every entry. */
export const JOURNAL_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One line of the journal. Keys are written in this order; `prev` is the
 * SHA-256 of the previous line's exact bytes (without its newline), so
 * inserting, removing or moving a line breaks the next link; `hash` is the
 * SHA-256 of the entry's own fields (the line as written without `hash`), so
 * a changed entry is found where it is, the last one included.
 */
export const journalEntrySchema = z
  .object({
    v: z.literal(JOURNAL_VERSION),
    seq: z.number().int().min(1),
    prev: sha256Hex,
    /** ISO 8601 with its zone designator. */
    at: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/),
    reviewer: z.string().min(1).max(200),
    kind: z.enum(JOURNAL_KINDS),
    target: journalTargetSchema,
    line: journalLineSchema.nullable(),
    /** The note or bookmark a correction or deletion applies to, by its `seq`; null for other kinds. */
    refers: z.number().int().min(1).nullable(),
    text: z.string(),
    /**
     * A rollback acknowledgement's own fields. `acknowledgedAt` is null when the
     * entry's `at` is that time; an acknowledgement moved from an older version's
     * file keeps its own time there, and `migratedFrom` names that file and line.
     */
    acknowledgement: z
      .object({ id: z.string(), scaffoldHash: z.string(), acknowledgedAt: z.string().nullable(), migratedFrom: z.string().nullable() })
      .strict()
      .nullable(),
    hash: sha256Hex,
  })
  .strict()
  .superRefine((entry, issues) => {
    const needsRefers = entry.kind === 'correction' || entry.kind === 'deletion';
    if (needsRefers !== (entry.refers !== null)) issues.addIssue({ code: 'custom', message: `${entry.kind} ${needsRefers ? 'needs' : 'takes no'} refers` });
    if ((entry.kind === 'acknowledgement') !== (entry.acknowledgement !== null)) issues.addIssue({ code: 'custom', message: 'acknowledgement fields belong to acknowledgements only' });
  });

/** One journal entry as written. */
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** The journal's verdict. */
export type JournalVerdict = z.infer<typeof journalVerdictSchema>;

/** A journal read and checked: its verdict and the entries that verify (all of them when intact). */
export interface VerifiedJournal {
  readonly verdict: JournalVerdict;
  readonly entries: readonly JournalEntry[];
}

/** SHA-256 hex of one line's bytes, the link the next entry's `prev` must name. */
export function lineHash(line: Uint8Array | string): string {
  return createHash('sha256').update(line).digest('hex');
}

/** An entry before its own hash is added. */
export type UnhashedEntry = Omit<JournalEntry, 'hash'>;

/** The SHA-256 an entry's `hash` must be: of its fields written in order without `hash`. */
export function entryHash(entry: UnhashedEntry): string {
  return lineHash(unhashedLine(entry));
}

/** The exact line an entry is written as (without its newline): JSON in the schema's key order, its own hash last. */
export function entryLine(entry: UnhashedEntry): string {
  const fields = unhashedLine(entry);
  return `${fields.slice(0, -1)},"hash":"${lineHash(fields)}"}`;
}

function unhashedLine(entry: UnhashedEntry): string {
  const { v, seq, prev, at, reviewer, kind, target, line, refers, text, acknowledgement } = entry;
  return JSON.stringify({
    v, seq, prev, at, reviewer, kind,
    target: { executionId: target.executionId, stepIndex: target.stepIndex, eventId: target.eventId },
    line: line === null ? null : { which: line.which, path: line.path, line: line.line, sha256: line.sha256, text: line.text, textTruncated: line.textTruncated },
    refers, text,
    acknowledgement: acknowledgement === null ? null : { id: acknowledgement.id, scaffoldHash: acknowledgement.scaffoldHash, acknowledgedAt: acknowledgement.acknowledgedAt, migratedFrom: acknowledgement.migratedFrom },
  });
}

/**
 * The last entry as recorded beside the journal after each append: its
 * sequence number and line hash. It lets a verdict see entries cut from the
 * end, which a chain alone cannot.
 */
export interface JournalHead {
  readonly seq: number;
  readonly hash: string;
}

const LIMITS =
  'Each entry carries the hash of its own fields and of the line before it, and the last entry is recorded beside the journal, ' +
  'so an entry changed, inserted, removed or cut from the end is found; whoever can write both files could still rewrite them whole: ' +
  'the journal makes hand edits evident, it is not a signature.';

type BreakReason = NonNullable<JournalVerdict['brokenAt']>['reason'];

/**
 * Recomputes the chain over the journal's bytes and reports the first line
 * that does not verify. A last line without its newline is `truncated` (a
 * write cut short, by a crash or by hand), told apart from a broken chain and
 * never dropped silently. Entries before the first bad line are returned.
 * `head` is the last entry recorded beside the journal (null when none is).
 */
export function verifyJournal(bytes: Uint8Array, head: JournalHead | null = null): VerifiedJournal {
  const entries: JournalEntry[] = [];
  const hashes: string[] = [];
  const noteKinds = new Map<number, JournalEntry['kind']>();
  let prev = GENESIS_PREV;
  let start = 0;
  let lineNumber = 0;
  const broken = (reason: BreakReason, seq: number | null, message: string): VerifiedJournal => ({
    verdict: {
      state: reason === 'truncated_tail' ? 'truncated' : 'broken',
      entries: entries.length,
      brokenAt: { line: lineNumber, seq, reason, message },
      head: prev,
      statement:
        reason === 'truncated_tail'
          ? `The journal's last line (line ${lineNumber}) was cut short before its newline, as by a crash while it was written; the ${entries.length} entries before it verify. Nothing can be added until the file is looked at. ${LIMITS}`
          : `The journal is broken at line ${lineNumber}: ${message}. The ${entries.length} entries before it verify; from there on, entries cannot be trusted. ${LIMITS}`,
    },
    entries,
  });
  while (start < bytes.length) {
    lineNumber += 1;
    const end = bytes.indexOf(0x0a, start);
    const lineBytes = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (end === -1) return broken('truncated_tail', seqOf(lineBytes), `line ${lineNumber} has no newline: it was cut short`);
    start = end + 1;
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(lineBytes));
    } catch {
      return broken('bad_json', seqOf(lineBytes), lineBytes.length === 0 ? 'an empty line' : 'the line is not JSON');
    }
    const parsed = journalEntrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return broken('not_an_entry', seqOf(lineBytes), `the line is not a journal entry (${issue === undefined ? 'shape' : `${issue.path.join('.') || 'entry'}: ${issue.message}`})`);
    }
    const entry = parsed.data;
    const expected = entries.length + 1;
    if (entry.seq !== expected) return broken('sequence_gap', entry.seq, `entry number ${entry.seq} where ${expected} was due: entries were removed, inserted or renumbered`);
    if (entry.prev !== prev) {
      return broken('prev_mismatch', entry.seq, `entry ${entry.seq} does not follow the line before it (it names ${entry.prev.slice(0, 12)}…, that line hashes to ${prev.slice(0, 12)}…): a line before it was changed, removed, inserted or moved`);
    }
    if (entry.hash !== entryHash(entry)) return broken('entry_hash_mismatch', entry.seq, `entry ${entry.seq} was changed after it was written: its fields no longer hash to the hash it carries`);
    if (entry.refers !== null) {
      const kind = noteKinds.get(entry.refers);
      if (kind !== 'note' && kind !== 'bookmark') return broken('bad_reference', entry.seq, `entry ${entry.seq} corrects or deletes entry ${entry.refers}, which is no earlier note or bookmark`);
    }
    noteKinds.set(entry.seq, entry.kind);
    entries.push(entry);
    prev = lineHash(lineBytes);
    hashes.push(prev);
  }
  if (head !== null && head.seq > entries.length) {
    lineNumber += 1;
    return broken('missing_tail', entries.length + 1, `the journal ends after entry ${entries.length}, but entry ${head.seq} was written: entries were cut from its end`);
  }
  if (head !== null && head.seq >= 1 && hashes[head.seq - 1] !== head.hash) {
    lineNumber = head.seq;
    entries.splice(head.seq - 1);
    prev = hashes[head.seq - 2] ?? GENESIS_PREV;
    return broken('head_mismatch', head.seq, `line ${head.seq} is not the entry ${head.seq} that was written: the journal was rewritten from there`);
  }
  return {
    verdict: {
      state: 'intact',
      entries: entries.length,
      brokenAt: null,
      head: prev,
      statement: entries.length === 0 ? 'The journal has no entries yet.' : `The journal's ${entries.length} entr${entries.length === 1 ? 'y verifies' : 'ies verify'}. ${LIMITS}`,
    },
    entries,
  };
}

/** The `seq` a damaged line seems to carry, to name the entry in a verdict; null when none can be read. */
function seqOf(line: Uint8Array): number | null {
  const match = /^\{"v":\d+,"seq":(\d{1,15})[,}]/.exec(Buffer.from(line.subarray(0, 64)).toString('latin1'));
  return match === null ? null : Number(match[1]);
}
