import { treeToValue } from '../model/json-tree';
import { parsePythonLiteral } from '../model/python-literal';
import { recognizeTextLine } from './text-line';

/**
 * The object a stored raw line carries: the line itself when it is a JSON object,
 * or the structured payload after a text log's prefix (`[TELEMETRY] {json}`,
 * `… | EXECUTION_EVENT | {'trace_id': …}`), read by JSON or as a Python dict
 * literal. Null when the line carries none. For showing and reading fields only:
 * the raw line stays what the file holds.
 */
export function lineObject(raw: string): Readonly<Record<string, unknown>> | null {
  const whole = jsonObject(raw);
  if (whole !== null || raw.charCodeAt(0) === 0x7b) return whole;
  const payload = recognizeTextLine(raw).payload;
  if (payload === null) return null;
  const json = jsonObject(raw.slice(payload.offset));
  if (json !== null) return json;
  const literal = parsePythonLiteral(raw, { start: payload.offset });
  if (!literal.ok) return null;
  const value = treeToValue(literal.tree, { unsafeIntegers: 'string' });
  return isRecord(value) ? value : null;
}

function jsonObject(text: string): Readonly<Record<string, unknown>> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
