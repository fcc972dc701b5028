import { createHash } from 'node:crypto';
import { verifyJournal } from '../../inspect/journal-chain';
import { pendingLegacy } from '../../inspect/journal-acknowledgements';
import { foldNotes, matchNote, type Note } from '../../inspect/journal-notes';
import { resolveTarget } from '../../inspect/journal-target-line';
import { ApiFailure } from '../api-failure';
import type { JournalAccess } from '../journal-access';
import type { ApiHandlers } from '../inspector-service';

type JournalMethods = 'getJournal' | 'listNotes' | 'addNote' | 'editNote' | 'deleteNote' | 'setReviewer' | 'exportJournal';

/**
 * The review journal's methods: its verdict, notes and bookmarks, their
 * corrections and deletions (appended, never rewritten), the reviewer name,
 * and the export. Everything is written in the app's data folder.
 */
export function journalHandlers(access: JournalAccess): Pick<ApiHandlers, JournalMethods> {
  const noteAfter = (seq: number): Note => {
    const found = foldNotes(access.read().entries).find((note) => note.seq === seq);
    if (found === undefined) throw new Error(`entry ${seq} was appended but is not in the journal`);
    return matchNote(found, access.targets());
  };
  const liveNote = (seq: number): Note => {
    const found = foldNotes(access.read().entries).find((note) => note.seq === seq);
    if (found === undefined) throw new ApiFailure('not_found', `no note or bookmark with entry number ${seq} in the journal`);
    if (found.deleted !== null) throw new ApiFailure('not_applicable', `note ${seq} was deleted (entry ${found.deleted.seq}); it can no longer be changed`);
    return matchNote(found, access.targets());
  };

  return {
    getJournal: () => {
      const { verdict, entries } = access.read();
      const legacy = access.journal.legacyAcknowledgements();
      return {
        file: access.journal.file,
        verdict,
        reviewer: access.reviewer.read(),
        legacyAcknowledgements:
          legacy.items.length === 0 && legacy.unreadableLines.length === 0
            ? null
            : { file: legacy.file, pending: pendingLegacy(entries, legacy).length, unreadableLines: [...legacy.unreadableLines] },
      };
    },

    listNotes: (request) => {
      const { verdict, entries } = access.read();
      const targets = access.targets();
      let notes = foldNotes(entries);
      if (request.executionId !== undefined) notes = notes.filter((note) => note.target.executionId === request.executionId);
      const items = notes.map((note) => matchNote(note, targets)).filter((note) => request.eventId === undefined || note.eventIdNow === request.eventId);
      return { items, verdict };
    },

    addNote: (request) => {
      const reviewer = access.reviewerFor(request.reviewer);
      const resolved = resolveTarget(access.targets(), request);
      if ('missing' in resolved) throw new ApiFailure('not_found', resolved.missing);
      const [entry] = access.append([{ reviewer, kind: request.kind, target: resolved.target, line: resolved.line, refers: null, text: request.text, acknowledgement: null }]);
      return noteAfter((entry as { seq: number }).seq);
    },

    editNote: (request) => {
      const reviewer = access.reviewerFor(request.reviewer);
      const note = liveNote(request.seq);
      access.append([{ reviewer, kind: 'correction', target: note.target, line: note.line, refers: note.seq, text: request.text, acknowledgement: null }]);
      return noteAfter(note.seq);
    },

    deleteNote: (request) => {
      const reviewer = access.reviewerFor(request.reviewer);
      const note = liveNote(request.seq);
      access.append([{ reviewer, kind: 'deletion', target: note.target, line: note.line, refers: note.seq, text: request.reason ?? '', acknowledgement: null }]);
      return noteAfter(note.seq);
    },

    setReviewer: (request) => ({ reviewer: access.reviewer.set(request.reviewer) }),

    exportJournal: () => {
      access.read();
      const bytes = access.journal.bytes();
      const text = bytes.toString('utf8');
      const content = {
        format: 'execution-inspector-review-journal',
        version: 1,
        file: access.journal.file,
        verdict: verifyJournal(bytes).verdict,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        // The lines exactly as written: each entry's `prev` is the SHA-256 of the line before it.
        journal: text,
        // Bytes that are not UTF-8 (a hand edit) do not survive as text: then they are here exactly.
        ...(Buffer.from(text, 'utf8').equals(bytes) ? {} : { journalBase64: bytes.toString('base64') }),
      };
      return { filename: 'review-journal.json', mediaType: 'application/json', content: `${JSON.stringify(content, null, 2)}\n` };
    },
  };
}
