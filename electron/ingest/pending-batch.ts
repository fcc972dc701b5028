import type { ProblemCode } from '../../shared/model/problem-code';
import type { PendingEvent, PendingProblem, SourceHead, SourceProgress } from '../index/ingest-batch';
import type { PackedBlock } from '../index/raw-blocks';
import type { IndexWriter } from '../index/index-writer';
import type { ScanProgress } from './scan-progress';

/**
 * What the reader has found and not yet committed: events, problems, and where
 * each source's reader stands. A batch is committed as one transaction, so a
 * source's offset never runs ahead of the events before it, nor behind.
 */
export class PendingBatch {
  private events: PendingEvent[] = [];
  private packedBlocks: PackedBlock[] = [];
  private problems: PendingProblem[] = [];
  private progress = new Map<number, SourceProgress>();
  private heads = new Map<number, SourceHead>();

  constructor(
    private readonly writer: IndexWriter,
    private readonly batchEvents: number,
    private readonly scan: ScanProgress,
    private readonly onCommit?: (eventsAdded: number) => void,
  ) {}

  /** An event to store, counted with its problems (the normalizer's and the reader's). */
  addEvent(event: PendingEvent): void {
    this.events.push(event);
    this.scan.counts.events++;
    this.scan.counts.problems += (event.facts ?? event.event)?.problems.length ?? 0;
    this.scan.counts.problems += event.extraProblems.length;
  }

  /**
   * Raw blocks a parse worker packed, for the events added after them; returns
   * the index their `packed.block` counts from in this batch.
   */
  addPackedBlocks(sourceId: number, blocks: readonly Uint8Array[]): number {
    const first = this.packedBlocks.length;
    for (const data of blocks) this.packedBlocks.push({ sourceId, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
    return first;
  }

  /** A problem tied to no stored event. */
  addProblem(problem: PendingProblem): void {
    this.problems.push({ ...problem, eventsBefore: this.events.length });
    this.scan.counts.problems++;
  }

  /** A problem of one line that became no event. */
  lineProblem(sourceId: number, line: number, code: ProblemCode, message: string): void {
    this.addProblem({ sourceId, line, code, message });
  }

  /** A problem of a whole file (or of the folder, when sourceId is null). */
  fileProblem(sourceId: number | null, code: ProblemCode, message: string): void {
    this.addProblem({ sourceId, line: null, code, message });
  }

  /** Where a source's reader stands once this batch is committed; the latest one per source counts. */
  setProgress(progress: SourceProgress): void {
    this.progress.set(progress.sourceId, progress);
  }

  /**
   * A source's head, stored with this batch: a write of its own was a commit of
   * its own per file (about 0.1 ms, 1 s per 10,000 files).
   */
  setHead(head: SourceHead): void {
    this.heads.set(head.sourceId, head);
  }

  /** Commits when a batch's worth of events is waiting; called after the progress of the last line is set. */
  flushIfFull(): void {
    if (this.events.length >= this.batchEvents) this.flush();
  }

  /** Commits whatever is waiting, as one transaction. */
  flush(): void {
    if (this.events.length === 0 && this.problems.length === 0 && this.progress.size === 0 && this.heads.size === 0) return;
    const added = this.writer.commit({
      events: this.events, packedBlocks: this.packedBlocks, problems: this.problems, progress: [...this.progress.values()], heads: [...this.heads.values()],
    });
    this.events = [];
    this.packedBlocks = [];
    this.problems = [];
    this.progress = new Map();
    this.heads = new Map();
    this.onCommit?.(added);
  }
}
