import type { z } from 'zod';
import type { noteSchema } from '../../shared/api/journal-views';
import type { JournalTargets } from '../index/queries/journal-targets';
import type { JournalEntry, JournalVerdict } from './journal-chain';
import { journalAcknowledgements } from './journal-acknowledgements';
import type { Acknowledgement } from './legacy-acknowledgements';
import { rawLineHash } from './journal-target-line';
import type { ReviewJournal } from './review-journal';

/** A note or bookmark as it stands now, matched against the index. */
export type Note = z.infer<typeof noteSchema>;

/** A note folded from the journal, before it is matched against the index. */
export type FoldedNote = Omit<Note, 'eventIdNow' | 'targetNow'>;

/**
 * Folds corrections and deletions into the notes and bookmarks they refer to,
 * in journal order: the latest correction's text wins and every earlier
 * wording stays in `history`. Nothing is dropped: a deleted note is returned
 * with who deleted it and why.
 */
export function foldNotes(entries: readonly JournalEntry[]): FoldedNote[] {
  const notes = new Map<number, { note: FoldedNote; history: FoldedNote['history'][number][] }>();
  for (const entry of entries) {
    switch (entry.kind) {
      case 'note':
      case 'bookmark':
        notes.set(entry.seq, {
          note: { seq: entry.seq, kind: entry.kind, reviewer: entry.reviewer, at: entry.at, text: entry.text, target: entry.target, line: entry.line, history: [], deleted: null },
          history: [],
        });
        break;
      case 'correction': {
        const found = notes.get(entry.refers ?? 0);
        if (found === undefined) break;
        found.history.push({ seq: found.note.seq, reviewer: found.note.reviewer, at: found.note.at, text: found.note.text });
        found.note = { ...found.note, text: entry.text, reviewer: entry.reviewer, at: entry.at };
        break;
      }
      case 'deletion': {
        const found = notes.get(entry.refers ?? 0);
        if (found !== undefined) found.note = { ...found.note, deleted: { seq: entry.seq, reviewer: entry.reviewer, at: entry.at, reason: entry.text } };
        break;
      }
      case 'acknowledgement':
        break;
      default:
        entry.kind satisfies never;
    }
  }
  return [...notes.values()].map(({ note, history }) => ({ ...note, history }));
}

/**
 * Matches a folded note against the index now: the event at the line's
 * recorded place, and whether that line still has the hash the note was
 * written against (`changed`: another line is there; `missing`: none is).
 */
export function matchNote(note: FoldedNote, targets: JournalTargets): Note {
  const now = note.line === null ? null : targets.eventAt(note.line.path, note.line.line);
  return {
    ...note,
    eventIdNow: now?.eventId ?? null,
    targetNow: now === null || note.line === null ? 'missing' : rawLineHash(now.raw) === note.line.sha256 ? 'matches' : 'changed',
  };
}

/** What the journal says about some executions: its verdict, their notes (deleted ones flagged) and their rollback acknowledgements. */
export interface JournalExcerpt {
  readonly verdict: JournalVerdict;
  readonly notes: readonly Note[];
  readonly acknowledgements: readonly Acknowledgement[];
}

/**
 * The journal's entries about the given executions, for reports and the
 * comparison report: notes on the executions, their steps and their events,
 * in journal order, matched against the index, and their acknowledgements
 * (newest first). Built from the entries that verify; the verdict says
 * whether that is all of them.
 */
export function journalEntriesFor(journal: ReviewJournal, targets: JournalTargets, executionIds: readonly string[]): JournalExcerpt {
  const wanted = new Set(executionIds);
  const verified = journal.read();
  const notes = foldNotes(verified.entries)
    .filter((note) => note.target.executionId !== null && wanted.has(note.target.executionId))
    .map((note) => matchNote(note, targets));
  const acknowledgements = journalAcknowledgements(verified.entries, journal.legacyAcknowledgements()).filter((ack) => wanted.has(ack.executionId));
  return { verdict: verified.verdict, notes, acknowledgements };
}
