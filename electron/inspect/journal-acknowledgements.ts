import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { JournalTargets } from '../index/queries/journal-targets';
import type { JournalEntry } from './journal-chain';
import { quoteLine } from './journal-target-line';
import type { Acknowledgement, LegacyAcknowledgement, LegacyAcknowledgements } from './legacy-acknowledgements';
import type { JournalEntryInput, ReviewJournal } from './review-journal';

/** What a reviewer confirms about a manual rollback scaffold. */
export interface AcknowledgementInput {
  readonly executionId: string;
  readonly reviewer: string;
  readonly note: string | null;
  readonly scaffoldHash: string;
}

/** The journal entry of a new acknowledgement; its time is the entry's. */
export function acknowledgementEntry(input: AcknowledgementInput, targets: JournalTargets): JournalEntryInput {
  return entryOf(input, randomUUID(), null, null, targets);
}

/**
 * Rollback acknowledgements, newest first: those in the journal's verified
 * entries, and those of the older file not yet moved into it, so none is lost
 * while the journal cannot take them (it does not verify) or before it has.
 */
export function journalAcknowledgements(entries: readonly JournalEntry[], legacy: LegacyAcknowledgements): Acknowledgement[] {
  const found = entries.flatMap((entry) => {
    const ack = acknowledgementOf(entry);
    return ack === null ? [] : [ack];
  });
  for (const { acknowledgement } of pendingLegacy(entries, legacy)) found.push(acknowledgement);
  // Later entries first, then a stable sort by time, so same-millisecond entries keep their order reversed.
  return found.reverse().sort((a, b) => (a.acknowledgedAt < b.acknowledgedAt ? 1 : a.acknowledgedAt > b.acknowledgedAt ? -1 : 0));
}

/** The acknowledgement an entry records, as the API shows it; null for entries of other kinds. */
export function acknowledgementOf(entry: JournalEntry): Acknowledgement | null {
  if (entry.acknowledgement === null || entry.target.executionId === null) return null;
  return {
    id: entry.acknowledgement.id,
    executionId: entry.target.executionId,
    reviewer: entry.reviewer,
    note: entry.text === '' ? null : entry.text,
    scaffoldHash: entry.acknowledgement.scaffoldHash,
    acknowledgedAt: entry.acknowledgement.acknowledgedAt ?? entry.at,
  };
}

/**
 * Moves the older file's acknowledgements that the journal lacks into it, in
 * their order, each with its own time and the line it came from. Does nothing
 * while the journal does not verify (they are listed from the older file
 * meanwhile). The older file is left as it is. Returns how many were moved.
 */
export function migrateLegacyAcknowledgements(journal: ReviewJournal, targets: JournalTargets): number {
  const legacy = journal.legacyAcknowledgements();
  if (legacy.items.length === 0 || journal.read().verdict.state !== 'intact') return 0;
  const from = `acknowledgements/${basename(legacy.file)}`;
  return journal.appendWith((entries) => pendingLegacy(entries, legacy).map(({ acknowledgement: ack, line }) => entryOf(ack, ack.id, ack.acknowledgedAt, `${from} line ${line}`, targets))).length;
}

/** The older file's acknowledgements not yet in the journal's verified entries. */
export function pendingLegacy(entries: readonly JournalEntry[], legacy: LegacyAcknowledgements): LegacyAcknowledgement[] {
  const present = new Set(entries.flatMap((entry) => (entry.acknowledgement === null ? [] : [entry.acknowledgement.id])));
  return legacy.items.filter((item) => !present.has(item.acknowledgement.id));
}

function entryOf(input: AcknowledgementInput, id: string, acknowledgedAt: string | null, migratedFrom: string | null, targets: JournalTargets): JournalEntryInput {
  const first = targets.executionFirstEvent(input.executionId);
  return {
    reviewer: input.reviewer,
    kind: 'acknowledgement',
    target: { executionId: input.executionId, stepIndex: null, eventId: null },
    line: first === null ? null : quoteLine('execution-first-event', first),
    refers: null,
    text: input.note ?? '',
    acknowledgement: { id, scaffoldHash: input.scaffoldHash, acknowledgedAt, migratedFrom },
  };
}
