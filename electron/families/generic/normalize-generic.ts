import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';
import { parseTimestamp } from '../reading/parse-timestamp';
import { hasField, readField } from '../reading/read-field';

/** The keys a JSON object of no known family most often keeps its time in, in order of preference. */
const TIME_KEYS = ['timestamp', 'ts', 'time'] as const;

const NO_PROBLEMS: readonly LineProblem[] = Object.freeze([]);

/**
 * Normalizes a JSON object of no known family: searchable, in no execution.
 * Generic objects have no contract, so a missing or unparseable time is not a
 * problem; only a time that parses but is not UTC is reported, because it is
 * still placed on the timeline as if it were.
 */
export function normalizeGeneric(obj: Record<string, unknown>): NormalizedEvent {
  let timestampMs: number | null = null;
  let problems = NO_PROBLEMS;
  for (const key of TIME_KEYS) {
    if (!hasField(obj, key)) continue;
    const time = parseTimestamp(readField(obj, key), key);
    timestampMs = time.ms;
    if (time.ms !== null && time.problem !== null) problems = [time.problem];
    break;
  }
  return {
    family: 'generic',
    kind: 'generic',
    executionKey: null,
    timestampMs,
    status: null,
    errorCode: null,
    actor: null,
    failed: false,
    problems,
    facts: { family: 'generic' },
  };
}
