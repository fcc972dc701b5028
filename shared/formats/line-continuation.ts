import { assertNever } from '../model/family';

/**
 * Where a text file stands between lines, for deciding whether the next line
 * continues the current entry. `traceback` follows Python's traceback printout:
 * `frames` after the `Traceback (most recent call last):` header, `exception`
 * after the final `ValueError: …` line, `gap` after a blank line that may lead
 * to a chained traceback (`During handling of the above exception…`).
 */
export interface ContinuationState {
  /** False before the first line: nothing to join yet. */
  readonly started: boolean;
  /** Whether the entry the next line would join began with a recognizable prefix (a log record, not bare output). */
  readonly headPrefixed: boolean;
  readonly traceback: 'none' | 'frames' | 'exception' | 'gap' | 'chained';
}

/** The state at the start of a file. */
export const CONTINUATION_START: ContinuationState = { started: false, headPrefixed: false, traceback: 'none' };

/** Whether a line joins the entry before it, and the state for the next line. */
export interface ContinuationStep {
  readonly joins: boolean;
  readonly state: ContinuationState;
}

const TRACEBACK_HEADER = 'Traceback (most recent call last):';
const CHAIN_MARKERS: readonly string[] = ['During handling of the above exception, another exception occurred:', 'The above exception was the direct cause of the following exception:'];

/**
 * Decides whether `line` joins the entry before it (producers.md "Text logs":
 * tracebacks and indented lines join the line before), given whether it has a
 * recognizable prefix (recognizeTextLine found a timestamp or level):
 *
 * - a prefixed line always starts an entry, and so does the first line of a file;
 * - an indented line (space or tab, then text) joins: traceback frames, code
 *   lines, `^^^` markers, Java's `\tat …`, wrapped messages;
 * - `Traceback (most recent call last):` joins when the entry began with a log
 *   prefix (`logger.exception` writes it right after its message) or when it
 *   continues a chained traceback; after bare output it starts its own entry;
 * - after a traceback's frames, the first unindented line is the exception
 *   (`ValueError: …`) and joins; so do Java's `Caused by: …` lines;
 * - after the exception a blank line, a chain marker (`During handling of the
 *   above exception…`), another blank line and the next traceback join, so a
 *   chained traceback stays one entry; any other line ends it.
 * Other blank lines never join.
 */
export function nextContinuation(state: ContinuationState, line: string, prefixed: boolean): ContinuationStep {
  if (!state.started || prefixed) return start(line, prefixed);
  const blank = line.trim() === '';
  const indented = !blank && (line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09);
  if (indented) return join(state, state.traceback);
  if (line.startsWith(TRACEBACK_HEADER)) {
    return state.headPrefixed || state.traceback === 'chained' ? join(state, 'frames') : start(line, false);
  }
  switch (state.traceback) {
    case 'frames':
      return blank ? start(line, false) : join(state, 'exception');
    case 'exception':
      return blank ? join(state, 'gap') : line.startsWith('Caused by: ') ? join(state, 'exception') : start(line, false);
    case 'gap':
      return CHAIN_MARKERS.some((marker) => line.startsWith(marker)) ? join(state, 'chained') : start(line, false);
    case 'chained':
      return blank ? join(state, 'chained') : start(line, false);
    case 'none':
      return line.startsWith('Caused by: ') ? join(state, 'none') : start(line, false);
    default:
      return assertNever(state.traceback, 'traceback state');
  }
}

function start(line: string, prefixed: boolean): ContinuationStep {
  return { joins: false, state: { started: true, headPrefixed: prefixed, traceback: line.startsWith(TRACEBACK_HEADER) ? 'frames' : 'none' } };
}

function join(state: ContinuationState, traceback: ContinuationState['traceback']): ContinuationStep {
  return { joins: true, state: { started: true, headPrefixed: state.headPrefixed, traceback } };
}
