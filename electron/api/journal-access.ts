import type Database from 'better-sqlite3';
import { JournalTargets } from '../index/queries/journal-targets';
import { migrateLegacyAcknowledgements } from '../inspect/journal-acknowledgements';
import { journalEntriesFor, type JournalExcerpt } from '../inspect/journal-notes';
import type { JournalEntry, VerifiedJournal } from '../inspect/journal-chain';
import { JournalNotWritable, ReviewJournal, type JournalEntryInput } from '../inspect/review-journal';
import { ReviewerSetting } from '../inspect/reviewer-setting';
import { ApiFailure } from './api-failure';
import type { HandlerContext } from './handler-context';

/**
 * The opened folder's review journal as the handlers use it: one per folder,
 * shared by the inspection and journal handlers. On first use it moves an
 * older version's acknowledgements file into the journal; a journal that does
 * not verify refuses new entries as a typed failure.
 */
export class JournalAccess {
  /** The journal file of this folder. */
  readonly journal: ReviewJournal;
  /** The reviewer name setting of the data folder. */
  readonly reviewer: ReviewerSetting;
  private migrated = false;
  private bound: { readonly db: Database.Database; readonly targets: JournalTargets } | null = null;

  constructor(private readonly context: HandlerContext) {
    this.journal = new ReviewJournal(context.dataDir, context.folder, context.now);
    this.reviewer = new ReviewerSetting(context.dataDir, context.folder);
  }

  /** Target lookups over the index connection now (statements prepared once per connection). */
  targets(): JournalTargets {
    const db = this.context.db();
    if (this.bound === null || this.bound.db !== db) this.bound = { db, targets: new JournalTargets(db) };
    return this.bound.targets;
  }

  /** The journal read and verified, after the older acknowledgements were moved in (once per opening). */
  read(): VerifiedJournal {
    this.migrate();
    return this.journal.read();
  }

  /**
   * What the journal says about some executions (notes, acknowledgements and
   * its verdict), for reports and the comparison report.
   */
  entriesFor(executionIds: readonly string[]): JournalExcerpt {
    this.migrate();
    return journalEntriesFor(this.journal, this.targets(), executionIds);
  }

  /** Appends entries; a journal that does not verify answers `not_applicable` with its verdict. */
  append(inputs: readonly JournalEntryInput[]): JournalEntry[] {
    this.migrate();
    try {
      return this.journal.append(inputs);
    } catch (error) {
      if (error instanceof JournalNotWritable) throw new ApiFailure('not_applicable', error.message);
      throw error;
    }
  }

  /** The reviewer a request names, else the one set; refused when there is neither. */
  reviewerFor(requested: string | undefined): string {
    const name = requested ?? this.reviewer.read();
    if (name === null) throw new ApiFailure('invalid_request', 'no reviewer name: set one with setReviewer (or name one in the request) before writing to the journal');
    return name;
  }

  private migrate(): void {
    if (this.migrated) return;
    this.migrated = true;
    migrateLegacyAcknowledgements(this.journal, this.targets());
  }
}
