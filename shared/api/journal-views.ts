import { z } from 'zod';

/** What a journal entry records: a note, a bookmark, a correction or deletion of one, or a rollback acknowledgement. */
export const JOURNAL_KINDS = ['note', 'bookmark', 'correction', 'deletion', 'acknowledgement'] as const;

/** The kinds a reviewer writes on a target and may later correct or delete. */
export const NOTE_KINDS = ['note', 'bookmark'] as const;

/**
 * Why a journal does not verify, at its first broken entry. `entry_hash_mismatch`:
 * the entry was changed; `prev_mismatch`, `sequence_gap`: a line before it was
 * removed, inserted or moved; `missing_tail`, `head_mismatch`: the end was cut
 * or rewritten (against the last entry recorded beside the journal);
 * `truncated_tail`: the last line has no newline (a write cut short, as by a crash).
 */
export const JOURNAL_BREAK_REASONS = [
  'bad_json',
  'not_an_entry',
  'sequence_gap',
  'prev_mismatch',
  'entry_hash_mismatch',
  'bad_reference',
  'missing_tail',
  'head_mismatch',
  'truncated_tail',
] as const;

/**
 * What an entry points at. An event is named by its index id when it was
 * written; since the index is a cache (ids change when it is rebuilt), the
 * entry also keeps the line's place and hash, and notes are matched by those.
 */
export const journalTargetSchema = z.object({
  executionId: z.string().nullable(),
  stepIndex: z.number().int().nullable(),
  eventId: z.number().int().nullable(),
});

/**
 * The raw line a note was written against, when it was written: which line it
 * is (the event's own, the first event of the step, or the first event of the
 * execution in the execution page's order), where, its SHA-256 and its text
 * (cut at `TARGET_TEXT_LIMIT` characters; the hash is of the whole line).
 */
export const journalLineSchema = z.object({
  which: z.enum(['event', 'step-first-event', 'execution-first-event']),
  path: z.string(),
  line: z.number().int(),
  sha256: z.string(),
  text: z.string(),
  textTruncated: z.boolean(),
});

/** How a note's target stands in the index now: the same line, another line at its place, or no line there. */
export const targetNowSchema = z.enum(['matches', 'changed', 'missing']);

/** The journal's verdict: the hash chain recomputed over every line. */
export const journalVerdictSchema = z.object({
  /** `intact`: every entry chains (also when there is none); `broken`: an entry was changed, removed or inserted; `truncated`: the last line was cut short. */
  state: z.enum(['intact', 'broken', 'truncated']),
  /** Entries that verify, from the first up to the first broken one. */
  entries: z.number().int(),
  /** The first line that does not verify (1-based), its entry's sequence number when it has one, and why. */
  brokenAt: z
    .object({ line: z.number().int(), seq: z.number().int().nullable(), reason: z.enum(JOURNAL_BREAK_REASONS), message: z.string() })
    .nullable(),
  /** SHA-256 of the last verified line: the chain's head, to quote elsewhere. */
  head: z.string(),
  /** One sentence for reviewers and reports: the verdict and what the chain cannot show. */
  statement: z.string(),
});

/** The review journal of the opened folder: where it is kept, its verdict, and the reviewer name set for new entries. */
export const journalStatusSchema = z.object({
  file: z.string(),
  verdict: journalVerdictSchema,
  reviewer: z.string().nullable(),
  /**
   * The rollback acknowledgements file of an older version, when there is one:
   * its acknowledgements are moved into the journal (the file is left as it is);
   * `pending` are not in it yet (listed all the same), `unreadableLines` hold no acknowledgement.
   */
  legacyAcknowledgements: z.object({ file: z.string(), pending: z.number().int(), unreadableLines: z.array(z.number().int()) }).nullable(),
});

/** A correction in a note's history. */
export const noteRevisionSchema = z.object({ seq: z.number().int(), reviewer: z.string(), at: z.string(), text: z.string() });

/**
 * A note or bookmark as it stands after every later correction and deletion in
 * the journal: its text is the latest, `history` keeps every earlier wording, `deleted` says who removed it.
 */
export const noteSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(NOTE_KINDS),
  reviewer: z.string(),
  at: z.string(),
  text: z.string(),
  target: journalTargetSchema,
  line: journalLineSchema.nullable(),
  /** The id of the target line's event in the index now (null when no event is at that place). */
  eventIdNow: z.number().int().nullable(),
  targetNow: targetNowSchema,
  history: z.array(noteRevisionSchema),
  deleted: z.object({ seq: z.number().int(), reviewer: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
