import { CONTINUATION_START, nextContinuation, type ContinuationState } from '../../shared/formats/line-continuation';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { LineOutcome } from './line-to-event';
import { asContinuation, textLineToEvent } from './text-line-to-event';

/**
 * Reads a text log's lines in order, joining continuation lines (tracebacks,
 * indented lines) to the entry they belong to: each stays its own indexed line,
 * byte for byte, but takes its head's time and level. The state lives for one
 * read of the file; a continuation appended in a later read starts its own entry.
 */
export class TextEntries {
  private state: ContinuationState = CONTINUATION_START;
  private head: NormalizedEvent | null = null;

  /** The outcome of the next line of the file. */
  next(text: string): LineOutcome {
    const { outcome, prefixed } = textLineToEvent(text);
    const step = nextContinuation(this.state, text, prefixed);
    this.state = step.state;
    if (step.joins && this.head !== null) return asContinuation(outcome, this.head);
    if (outcome.type === 'event') this.head = outcome.event;
    else if (outcome.type !== 'blank') this.head = null;
    return outcome;
  }
}
