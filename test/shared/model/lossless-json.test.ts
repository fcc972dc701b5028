import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_TREE_DEPTH, treeToValue, type JsonTree } from '../../../shared/model/json-tree';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { loadPythonVectors } from '../../fixtures/python-json/python-vectors';
import { cpuMsOf } from '../../support/cpu-time';

const vectors = loadPythonVectors();

function tree(text: string): JsonTree {
  const result = parseLosslessJson(text);
  if (!result.ok) assert.fail(`${text} did not parse: ${result.reason} at ${result.offset}`);
  return result.tree;
}

function failure(text: string): { offset: number; reason: string } {
  const result = parseLosslessJson(text);
  assert.equal(result.ok, false, `${text} is refused`);
  return result as { offset: number; reason: string };
}

describe('parseLosslessJson', () => {
  it('keeps every number lexeme as written, 1.0, 2.5e-07, -0.0 and 2^53 + 1 included', () => {
    const parsed = tree('[1.0, 2.5e-07, 1e+16, -0.0, 9007199254740993, 0, -12, 3E2]');
    assert.equal(parsed.kind, 'array');
    assert.deepEqual(
      parsed.items.map((item) => (item.kind === 'number' ? [item.text, item.integer] : null)),
      [['1.0', false], ['2.5e-07', false], ['1e+16', false], ['-0.0', false], ['9007199254740993', true], ['0', true], ['-12', true], ['3E2', false]],
    );
  });

  it("accepts Python's bare NaN, Infinity and -Infinity", () => {
    assert.deepEqual(tree('[NaN, Infinity, -Infinity]'), {
      kind: 'array',
      items: [
        { kind: 'number', text: 'NaN', integer: false },
        { kind: 'number', text: 'Infinity', integer: false },
        { kind: 'number', text: '-Infinity', integer: false },
      ],
    });
  });

  it('keeps object members in document order, repeated keys included', () => {
    assert.deepEqual(tree('{"b": 1, "a": 2, "b": 3}'), {
      kind: 'object',
      members: [
        { key: 'b', value: { kind: 'number', text: '1', integer: true } },
        { key: 'a', value: { kind: 'number', text: '2', integer: true } },
        { key: 'b', value: { kind: 'number', text: '3', integer: true } },
      ],
    });
  });

  it('decodes escapes, surrogate pairs and lone surrogates as json.loads does', () => {
    assert.deepEqual(tree('"a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800z"'), { kind: 'string', value: 'a"\\/\b\f\n\r\té😀\ud800z' });
    assert.deepEqual(tree('"raw é 😀"'), { kind: 'string', value: 'raw é 😀' });
  });

  it('reads every Python-written vector to the value JSON.parse reads', () => {
    for (const vector of vectors.dumps) {
      const plain = JSON.parse(vector.input.replace(/-?Infinity|NaN/g, 'null')) as unknown;
      const lossless = treeToValue(tree(vector.input));
      if (!/-?Infinity|NaN/.test(vector.input)) assert.deepEqual(lossless, plain, vector.name);
    }
  });

  const refused: readonly [string, string, number][] = [
    ['', 'unexpected end of input, expected a value', 0],
    ['{"a": 1,}', 'expected a double-quoted property name', 8],
    ["{'a': 1}", 'expected a double-quoted property name', 1],
    ['[1 2]', "expected ',' or ']' after an array item", 3],
    ['{"a" 1}', "expected ':' after the property name", 5],
    ['01', 'extra data after the JSON value', 1],
    ['1.', "expected a digit after '.'", 2],
    ['1e', 'expected a digit in the exponent', 2],
    ['-', 'expected a digit', 1],
    ['"abc', 'unterminated string', 0],
    ['"a\\x"', 'invalid escape \\x', 2],
    ['"\\u12"', '\\u must be followed by four hex digits', 1],
    ['"tab\there"', 'raw control character in a string (must be escaped)', 4],
    ['nan', 'expected a value', 0],
    ['{"a": 1} x', 'extra data after the JSON value', 9],
    ['[1, 2', "expected ',' or ']' after an array item", 5],
  ];
  for (const [text, reason, offset] of refused) {
    it(`refuses ${JSON.stringify(text)} with its reason and offset`, () => {
      assert.deepEqual(failure(text), { ok: false, offset, reason });
    });
  }

  it('parses from a start offset to the end, with offsets relative to the whole text', () => {
    const line = '[TELEMETRY] {"a": 1.0}';
    assert.deepEqual(parseLosslessJson(line, { start: 12 }), { ok: true, tree: tree('{"a": 1.0}') });
    assert.deepEqual(parseLosslessJson('[TELEMETRY] {"a": }', { start: 12 }), { ok: false, offset: 18, reason: 'expected a value' });
  });

  it('refuses nesting beyond the bound instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    assert.deepEqual(failure(deep), { ok: false, offset: MAX_TREE_DEPTH, reason: `nested deeper than ${MAX_TREE_DEPTH}` });
    assert.ok(parseLosslessJson(`${'['.repeat(MAX_TREE_DEPTH)}${']'.repeat(MAX_TREE_DEPTH)}`).ok);
    assert.equal(parseLosslessJson('[[[1]]]', { maxDepth: 2 }).ok, false);
  });

  it('agrees with JSON.parse on arbitrary JSON and never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = parseLosslessJson(text);
        assert.ok(result.ok);
        assert.deepEqual(treeToValue(result.tree), JSON.parse(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseLosslessJson(text);
        let jsonParses = true;
        try {
          JSON.parse(text);
        } catch {
          jsonParses = false;
        }
        if (jsonParses) assert.ok(result.ok, `JSON.parse accepts ${JSON.stringify(text)}`);
        if (!result.ok) assert.ok(result.offset >= 0 && result.offset <= text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses a long document in linear time', () => {
    const text = JSON.stringify(Array.from({ length: 200_000 }, (_, index) => ({ id: index, name: `n${index}`, v: index / 7 })));
    assert.ok(cpuMsOf(() => assert.ok(parseLosslessJson(text).ok)) < 3000);
  });
});
