import type { IndexEnrichment } from '../index/index-enrichment';

/** How far the enrichment is: events given full text and derived rows, then executions checked, then the full-text index merged. */
export interface EnrichmentProgress {
  readonly stage: 'events' | 'checks' | 'merge';
  /** Events (stage `events`), executions (stage `checks`) or merge steps (stage `merge`) done in this run. */
  readonly done: number;
  /** How many there are in all in this stage (events counted by id, so an estimate when some were taken back). */
  readonly total: number;
  /** When everything should be done, from the rate so far; null until there is a rate. */
  readonly etaMs: number | null;
}

/** Events per enrichment transaction: small enough that a change to the folder waits little. */
const EVENTS_PER_STEP = 2_000;
/** Executions checked per transaction. */
const EXECUTIONS_PER_STEP = 500;
const PROGRESS_INTERVAL_MS = 250;
/** Steps between restarts of the write-ahead log (about 100,000 events): readers keep it from restarting by itself. */
const STEPS_PER_CHECKPOINT = 50;
/** How often, and how far apart, the final truncation of the log is tried while readers hold it. */
const CHECKPOINT_ATTEMPTS = 30;
const CHECKPOINT_RETRY_MS = 500;

/**
 * Runs the enrichment (index-enrichment.ts) step by step, each step queued on
 * the session's single-writer queue, so the scans that follow changes to the
 * folder go between steps rather than after the whole. Stops between steps
 * when asked (a cancel, a close) and picks up from the committed marks later.
 */
export class EnrichmentRunner {
  private current: Promise<boolean> | null = null;

  constructor(
    private readonly enrichment: IndexEnrichment,
    private readonly serialize: <T>(work: () => Promise<T>) => Promise<T>,
    private readonly shouldStop: () => boolean,
    private readonly onProgress: (progress: EnrichmentProgress) => void,
    private readonly onFinished: () => void,
    /** Once a run, when search first covers every stored event with its index merged (before the checks). */
    private readonly onSearchable: () => void = () => undefined,
  ) {}

  /** True while a run is under way. */
  get running(): boolean {
    return this.current !== null;
  }

  /** True when the index holds events whose enrichment is not done. */
  pending(): boolean {
    return this.enrichment.pending();
  }

  /** Runs until nothing is left (true) or it was asked to stop (false); one run at a time. */
  run(): Promise<boolean> {
    this.current ??= this.loop().finally(() => (this.current = null));
    return this.current;
  }

  /**
   * Truncates the write-ahead log once the enrichment is done, retrying while a
   * reader holds it (a long query of the window can outlast the busy timeout):
   * until it is, every read looks through the whole log.
   */
  private async settleLog(): Promise<void> {
    for (let attempt = 0; attempt < CHECKPOINT_ATTEMPTS && !this.shouldStop(); attempt++) {
      if (await this.serialize(() => Promise.resolve(this.enrichment.checkpoint('TRUNCATE')))) return;
      await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_RETRY_MS));
    }
  }

  private async loop(): Promise<boolean> {
    const started = performance.now();
    const first = this.enrichment.marks();
    const totalEvents = Math.max(0, first.lastEventId - first.enrichedThrough);
    let events = 0;
    let executions = 0;
    let merges = 0;
    let lastReport = 0;
    let steps = 0;
    let searchable = false;
    for (;;) {
      if (this.shouldStop()) return false;
      const step = await this.serialize(() => Promise.resolve(this.enrichment.step(EVENTS_PER_STEP, EXECUTIONS_PER_STEP)));
      events += step.events;
      executions += step.executions;
      if (step.merging) merges++;
      if (step.searchable && !searchable) {
        searchable = true;
        this.onSearchable();
      }
      const now = performance.now();
      if (step.finished || now - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = now;
        const marks = this.enrichment.marks();
        const left = Math.max(0, marks.lastEventId - marks.enrichedThrough);
        const rate = events / Math.max(1, now - started);
        const stage = left > 0 || step.events > 0 ? 'events' : step.merging ? 'merge' : 'checks';
        this.onProgress(
          stage === 'events'
            ? { stage, done: events, total: Math.max(totalEvents, events + left), etaMs: events > 0 ? Math.round(left / rate) : null }
            : { stage, done: stage === 'merge' ? merges : executions, total: stage === 'merge' ? merges : executions, etaMs: step.finished ? 0 : null },
        );
      }
      if (step.finished) {
        await this.settleLog();
        this.onFinished();
        return true;
      }
      if (++steps % STEPS_PER_CHECKPOINT === 0) await this.serialize(() => Promise.resolve(this.enrichment.checkpoint('RESTART')));
      // Lets the worker's messages (cancel, stop, a reviewer's on-demand request) in between steps.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
