import { PreparedTextsLookup, type PreparedTexts } from '../index/full-text-preparation';
import type { EnrichmentStep, IndexEnrichment } from '../index/index-enrichment';

/** How far the enrichment is: events given full text, then the full-text index merged, then events given derived rows, then executions checked. */
export interface EnrichmentProgress {
  readonly stage: 'events' | 'merge' | 'rows' | 'checks';
  /** Events (stages `events` and `rows`, the latter counted by id), merge steps (stage `merge`) or executions (stage `checks`) done in this run. */
  readonly done: number;
  /** How many there are in all in this stage (events counted by id, so an estimate when some were taken back). */
  readonly total: number;
  /** When the stage should be done (stages `events` and `rows`), from its rate so far; null until there is a rate. */
  readonly etaMs: number | null;
}

/** Events per enrichment transaction: small enough that a change to the folder waits little. */
const EVENTS_PER_STEP = 2_000;
/** Executions checked per transaction. */
const EXECUTIONS_PER_STEP = 500;
const PROGRESS_INTERVAL_MS = 250;
/**
 * Steps of full text asked for ahead of the one being written: with two, a
 * stretch of events that takes the preparer longer (records, OTLP spans)
 * overlaps with one that takes the writer longer instead of stalling it.
 */
const STEPS_ASKED_AHEAD = 2;
/** Events left to give full text below which a run derives their texts on the writer's thread: fewer are not worth a worker's start. */
export const TEXTS_AHEAD_MIN_EVENTS = 10_000;

/** Derives the search texts of the full-text pass's next steps on another thread (full-text-worker.ts). */
export interface TextsPreparer {
  /** False once it has failed: the writer then derives every text itself. */
  readonly usable: boolean;
  /** The step after `afterId`, or after the step it prepared before when null. */
  prepare(afterId: number | null, limit: number): Promise<PreparedTexts>;
  /** Frees its thread; a later `prepare` starts another. */
  release(): Promise<void>;
}

/** A preparer, and how many events must be left without full text for a run to use it. */
export interface TextsPreparing {
  readonly preparer: TextsPreparer;
  readonly minEvents: number;
}
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
 * With a preparer, the search texts of each step of full text are derived on
 * the other core while the step before is written; its worker ends with that pass.
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
    private readonly preparing: TextsPreparing | null = null,
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
    const totalEvents = Math.max(0, first.lastEventId - first.textThrough);
    let events = 0;
    let derived = 0;
    let derivingSince: number | null = null;
    let executions = 0;
    let merges = 0;
    let lastReport = 0;
    let steps = 0;
    let searchable = false;
    // Until a step gives no event full text: the rest follows without the worker.
    let preparing = this.preparing !== null && totalEvents >= this.preparing.minEvents ? this.preparing : null;
    // Steps of full text asked for and not yet written, in order: the next ones are derived while one is written.
    const asked: Promise<PreparedTextsLookup | null>[] = [];
    try {
      for (;;) {
        if (this.shouldStop()) return false;
        this.askAhead(preparing, asked);
        const prepared = (await asked.shift()) ?? null;
        this.askAhead(preparing, asked);
        const step = await this.serialize(() => Promise.resolve(this.enrichment.step(EVENTS_PER_STEP, EXECUTIONS_PER_STEP, prepared)));
        // Out of step with the writer (a scan took events back in between): what was asked is dropped and asked again from the mark.
        if (step.unprepared > 0) asked.length = 0;
        if (step.events === 0 && preparing !== null) {
          // The worker's memory is better freed for the derived rows and checks. A scan's new events later are asked of a new one.
          asked.length = 0;
          await preparing.preparer.release();
          preparing = null;
        }
        events += step.events;
        derived += step.derived;
        if (step.derived > 0) derivingSince ??= performance.now();
        executions += step.executions;
        if (step.merging) merges++;
        if (step.searchable && !searchable) {
          searchable = true;
          this.onSearchable();
        }
        const now = performance.now();
        if (step.finished || now - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = now;
          this.report(step, { started, now, events, totalEvents, derived, derivingSince, merges, executions });
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
    } finally {
      await preparing?.preparer.release();
    }
  }

  /** Reports the stage a step was in, with its counts so far and, for events, when it should end. */
  private report(
    step: EnrichmentStep,
    run: { started: number; now: number; events: number; totalEvents: number; derived: number; derivingSince: number | null; merges: number; executions: number },
  ): void {
    const marks = this.enrichment.marks();
    const textLeft = Math.max(0, marks.lastEventId - marks.textThrough);
    const rowsLeft = Math.max(0, marks.textThrough - marks.enrichedThrough);
    if (textLeft > 0 || step.events > 0) {
      const rate = run.events / Math.max(1, run.now - run.started);
      this.onProgress({ stage: 'events', done: run.events, total: Math.max(run.totalEvents, run.events + textLeft), etaMs: run.events > 0 ? Math.round(textLeft / rate) : null });
    } else if (step.merging) {
      this.onProgress({ stage: 'merge', done: run.merges, total: run.merges, etaMs: step.finished ? 0 : null });
    } else if (rowsLeft > 0 || step.derived > 0) {
      const rate = run.derived / Math.max(1, run.now - (run.derivingSince ?? run.now));
      this.onProgress({ stage: 'rows', done: run.derived, total: run.derived + rowsLeft, etaMs: run.derived > 0 ? Math.round(rowsLeft / rate) : null });
    } else {
      this.onProgress({ stage: 'checks', done: run.executions, total: run.executions, etaMs: step.finished ? 0 : null });
    }
  }

  /**
   * Asks for the steps of full text to come, up to STEPS_ASKED_AHEAD: the
   * first after the full-text mark, each next one after the one before it. A
   * failed or empty step resolves null: the writer then derives its texts itself.
   */
  private askAhead(preparing: TextsPreparing | null, asked: Promise<PreparedTextsLookup | null>[]): void {
    while (preparing !== null && preparing.preparer.usable && asked.length < STEPS_ASKED_AHEAD) {
      const afterId = asked.length === 0 ? this.enrichment.marks().textThrough : null;
      asked.push(
        preparing.preparer
          .prepare(afterId, EVENTS_PER_STEP)
          .then((texts) => (texts.lengths.length === 0 ? null : new PreparedTextsLookup(texts)))
          .catch(() => null),
      );
    }
  }
}
