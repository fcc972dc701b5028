import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_TREE_DEPTH, treeMember, treeToValue, type JsonTree } from '../../../shared/model/json-tree';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { parsePythonLiteral } from '../../../shared/model/python-literal';
import { pythonJsonDumps } from '../../../shared/model/python-json-dumps';
import { loadPythonVectors } from '../../fixtures/python-json/python-vectors';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { cpuMsOf } from '../../support/cpu-time';

const vectors = loadPythonVectors();

function literal(text: string): JsonTree {
  const result = parsePythonLiteral(text);
  if (!result.ok) assert.fail(`${text} did not parse: ${result.reason} at ${result.offset}`);
  return result.tree;
}

function refusal(text: string): { readonly offset: number; readonly reason: string } {
  const result = parsePythonLiteral(text);
  assert.equal(result.ok, false, `${text} is refused`);
  return result as { offset: number; reason: string };
}

function plain(text: string): unknown {
  return treeToValue(literal(text));
}

describe('parsePythonLiteral on known answers from Python', () => {
  for (const vector of vectors.literals) {
    it(`reads repr() of "${vector.name}" to the value json.dumps writes`, () => {
      const tree = literal(vector.repr);
      assert.equal(pythonJsonDumps(tree), vector.dumps);
      assert.equal(pythonJsonDumps(tree, { sortKeys: true }), vector.sort_keys);
    });
  }
});

describe('parsePythonLiteral on the real workflow-executor log', () => {
  const lines = readFileSync(join(PRODUCER_SAMPLES, 'logs', 'executor.log'), 'utf8').split('\n').filter((line) => line !== '');

  it('reads the dict after "EXECUTION_EVENT | " on every line, in place', () => {
    assert.equal(lines.length, 11);
    const traces: unknown[] = [];
    for (const line of lines) {
      const start = line.indexOf('{');
      const result = parsePythonLiteral(line, { start });
      assert.ok(result.ok, line);
      // The same payload as JSON text parses to the same value: the shapes agree.
      const asJson = parseLosslessJson(pythonJsonDumps(result.tree));
      assert.ok(asJson.ok);
      assert.deepEqual(asJson.tree, result.tree);
      traces.push(treeToValue(treeMember(result.tree, 'trace_id') ?? { kind: 'null' }));
    }
    assert.deepEqual(traces, ['unknown', 'tr-002', 'tr-003', 'tr-004', 'tr-004', 'tr-005', 'tr-005', 'tr-006', 'tr-006', 'tr-007', 'tr-007']);
    const first = parsePythonLiteral(lines[0] as string, { start: (lines[0] as string).indexOf('{') });
    assert.ok(first.ok);
    assert.deepEqual(treeToValue(first.tree), {
      trace_id: 'unknown',
      action_type: 'email',
      adapter: 'none',
      status: 'failed',
      product: 'crm',
      timestamp: '2026-12-03T07:55:34.153692Z',
      error_code: 'missing_trace_id',
    });
  });
});

describe('parsePythonLiteral details', () => {
  it('reads both quote styles and every Python escape', () => {
    assert.equal(plain(`'it\\'s' `), "it's");
    assert.equal(plain(`"say \\"hi\\""`), 'say "hi"');
    assert.equal(plain(`'\\a\\b\\f\\n\\r\\t\\v\\\\\\0\\101\\x41\\u00e9\\U0001F600\\ud800'`), '\x07\b\f\n\r\t\v\\\0AAé😀\ud800');
    assert.equal(plain(`'keep \\q and \\d'`), 'keep \\q and \\d');
    assert.equal(plain(`r'raw \\n \\' x'`), "raw \\n \\' x");
    assert.equal(plain(`u'unicode' "joined"`), 'unicodejoined');
  });

  it('keeps integers of any size exact and writes floats as Python repr', () => {
    const tree = literal('[123456789012345678901234567890, -0, 0x1F, 0o17, 0b101, 1_000, 1.0, 1., .5, 1e16, 1E-5, -0.0, inf, -inf, nan, -  2]');
    assert.equal(pythonJsonDumps(tree), '[123456789012345678901234567890, 0, 31, 15, 5, 1000, 1.0, 1.0, 0.5, 1e+16, 1e-05, -0.0, Infinity, -Infinity, NaN, -2]');
  });

  it('reads tuples, sets and parentheses as Python does', () => {
    assert.deepEqual(plain('((1,), (), (2), {3, 4}, [5,], {"k": 6,})'), [[1], [], 2, [3, 4], [5], { k: 6 }]);
  });

  it('turns non-str keys into the strings json.dumps writes', () => {
    assert.deepEqual(plain("{1: 'a', -2.50: 'b', None: 'c', True: 'd', False: 'e', inf: 'f'}"), { '1': 'a', '-2.5': 'b', null: 'c', true: 'd', false: 'e', Infinity: 'f' });
  });

  const refused: readonly [string, string, number][] = [
    ['', 'unexpected end of input, expected a value', 0],
    ["{'a': 1", "expected ',' or '}'", 7],
    ["{'a' 1}", "expected ',' or '}'", 5],
    ["{'a': 1, 'b'}", "expected ':' after a dict key", 12],
    ["{'a': 'unterminated}", 'unterminated string', 6],
    ["{'a': b'bytes'}", 'a bytes literal has no JSON value', 6],
    ["{'t': datetime.datetime(2026, 1, 1)}", 'datetime.… is not a literal (the repr of an object)', 6],
    ["{'o': <object at 0x1>}", 'an object repr <…> is not a literal', 6],
    ["{'x': null}", 'the name null is not a literal', 6],
    ["{'x': 1j}", 'a complex number has no JSON value', 6],
    ["{'x': 01}", 'a decimal integer cannot have leading zeros', 6],
    ["{'x': 1__0}", 'malformed number', 7],
    ["{'x': '\\N{DASH}'}", '\\N{…} escapes are not supported (repr never writes them)', 7],
    ["{'x': '\\x4'}", '\\x must be followed by 2 hex digits', 7],
    ["{'x': '\\U00110000'}", '\\U00110000 is beyond Unicode', 7],
    ["{(1, 2): 'tuple key'}", 'a dict key that is a tuple has no JSON form', 1],
    ["{'a': 1} trailing", 'unexpected text after the literal', 9],
    ["{'x': f'{y}'}", 'an f-string is not a literal', 6],
    ["{'x': -True}", 'expected a number after the sign', 7],
    ["{'x': '''t'''}", 'triple-quoted strings are not supported (repr never writes them)', 6],
  ];
  for (const [text, reason, offset] of refused) {
    it(`refuses ${text} with its reason and offset`, () => {
      assert.deepEqual(refusal(text), { ok: false, offset, reason });
    });
  }

  it('bounds depth and size', () => {
    assert.deepEqual(refusal('['.repeat(100_000)), { ok: false, offset: MAX_TREE_DEPTH, reason: `nested deeper than ${MAX_TREE_DEPTH}` });
    assert.deepEqual(parsePythonLiteral("{'a': 'bcdef'}", { maxLength: 8 }), { ok: false, offset: 8, reason: 'literal longer than 8 characters' });
    assert.deepEqual(parsePythonLiteral("xx{'a': 1}", { start: 2, maxLength: 8 }), { ok: true, tree: literal("{'a': 1}") });
    assert.equal(refusal(`[${'9'.repeat(5000)}]`).reason, 'an integer of more than 4300 digits');
  });

  it('reads what a Python-like repr of arbitrary JSON values writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = pythonRepr(value);
        const result = parsePythonLiteral(text);
        assert.ok(result.ok, text);
        assert.deepEqual(treeToValue(result.tree), value);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and always ends on arbitrary or mangled input', () => {
    const event = "{'trace_id': 'tr-004', 'n': [1, 2.5, None, True], 'x': {'y': (1,)}, 's': 'a\\'b\\x41'}";
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(event.length), fc.nat(event.length), (junk, cutAt, insertAt) => {
        for (const text of [junk, event.slice(0, cutAt), event.slice(0, insertAt) + junk + event.slice(insertAt)]) {
          const result = parsePythonLiteral(text);
          if (!result.ok) assert.ok(result.offset >= 0 && result.offset <= text.length && result.reason.length > 0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parses a long literal in linear time', () => {
    const text = `[${Array.from({ length: 100_000 }, (_, index) => `{'i': ${index}, 's': 'v\\x41${index}', 'f': ${index}.5}`).join(', ')}]`;
    assert.ok(cpuMsOf(() => assert.ok(parsePythonLiteral(text, { maxLength: text.length }).ok)) < 3000);
  });
});

/** A repr-like writer for JSON values: the test's own model of what Python prints, with both quote styles. */
function pythonRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0.0' : String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    let out = quote;
    for (const char of value) {
      const code = char.codePointAt(0) as number;
      if (char === '\\' || char === quote) out += `\\${char}`;
      else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
      else out += char;
    }
    return out + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`)
    .join(', ')}}`;
}
