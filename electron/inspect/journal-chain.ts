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
 * changing, inserting or removing any line breaks every later link.
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

/** The exact line an entry is written as (without its newline): JSON in the schema's key order. */
export function entryLine(entry: JournalEntry): string {
  const { v, seq, prev, at, reviewer, kind, target, line, refers, text, acknowledgement } = entry;
  return JSON.stringify({
    v, seq, prev, at, reviewer, kind,
    target: { executionId: target.executionId, stepIndex: target.stepIndex, eventId: target.eventId },
    line, refers, text, acknowledgement,
  });
}

const LIMITS =
  'The chain shows that no entry before the last was changed, inserted or removed since it was written; it cannot show that entries were cut from the end, ' +
  'and whoever can write the file could rewrite the whole chain: it makes hand edits evident, it is not a signature.';

/**
 * Recomputes the chain over the journal's bytes and reports the first line
 * that does not verify. A last line without its newline is `truncated` (a
 * write cut short, by a crash or by hand), told apart from a broken chain and
 * never dropped silently. Entries before the first bad line are returned.
 */
export function verifyJournal(bytes: Uint8Array): VerifiedJournal {
  const entries: JournalEntry[] = [];
  const noteKinds = new Map<number, JournalEntry['kind']>();
  let prev = GENESIS_PREV;
  let start = 0;
  let lineNumber = 0;
  const broken = (reason: NonNullable<JournalVerdict['brokenAt']>['reason'], seq: number | null, message: string): VerifiedJournal => ({
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
    if (entry.seq !== expected) return broken('sequence_gap', entry.seq, `entry number ${entry.seq} where ${expected} was due`);
    if (entry.prev !== prev) return broken('prev_mismatch', entry.seq, `entry ${entry.seq} names ${entry.prev.slice(0, 12)}… as the previous line, whose hash is ${prev.slice(0, 12)}…`);
    if (entry.refers !== null) {
      const kind = noteKinds.get(entry.refers);
      if (kind !== 'note' && kind !== 'bookmark') return broken('bad_reference', entry.seq, `entry ${entry.seq} corrects or deletes entry ${entry.refers}, which is no earlier note or bookmark`);
    }
    noteKinds.set(entry.seq, entry.kind);
    entries.push(entry);
    prev = lineHash(lineBytes);
  }
  return {
    verdict: {
      state: 'intact',
      entries: entries.length,
      brokenAt: null,
      head: prev,
      statement: entries.length === 0 ? 'The journal has no entries yet.' : `The journal's ${entries.length} entr${entries.length === 1 ? 'y chains' : 'ies chain'} by SHA-256 from the first. ${LIMITS}`,
    },
    entries,
  };
}

/** The `seq` a damaged line seems to carry, to name the entry in a verdict; null when none can be read. */
function seqOf(line: Uint8Array): number | null {
  const match = /^\{"v":\d+,"seq":(\d{1,15}),/.exec(Buffer.from(line.subarray(0, 64)).toString('latin1'));
  return match === null ? null : Number(match[1]);
}
