import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonFloat, jsonInt, jsonObject, jsonString, JSON_NULL, pythonFloatRepr, pythonNumberText, treeMember, treeToValue } from '../../../shared/model/json-tree';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { loadPythonVectors } from '../../fixtures/python-json/python-vectors';

const vectors = loadPythonVectors();

function parsed(text: string) {
  const result = parseLosslessJson(text);
  assert.ok(result.ok, `parses ${text}`);
  return result.tree;
}

describe('pythonFloatRepr', () => {
  it(`writes each of the ${vectors.floats.length} floats exactly as Python's repr and json.dumps do`, () => {
    assert.ok(vectors.floats.length > 700);
    for (const vector of vectors.floats) {
      assert.equal(pythonFloatRepr(Number(vector.repr)), vector.json, `repr ${vector.repr}`);
    }
  });

  it('switches to exponent form exactly at 1e16 and below 1e-4, with two exponent digits', () => {
    assert.equal(pythonFloatRepr(1e16), '1e+16');
    assert.equal(pythonFloatRepr(9999999999999998), '9999999999999998.0');
    assert.equal(pythonFloatRepr(0.0001), '0.0001');
    assert.equal(pythonFloatRepr(0.00001), '1e-05');
    assert.equal(pythonFloatRepr(2.5e-7), '2.5e-07');
    assert.equal(pythonFloatRepr(1.5e300), '1.5e+300');
  });

  it('writes zero, negative zero and non-finite values as json.dumps does', () => {
    assert.equal(pythonFloatRepr(0), '0.0');
    assert.equal(pythonFloatRepr(-0), '-0.0');
    assert.equal(pythonFloatRepr(Number.NaN), 'NaN');
    assert.equal(pythonFloatRepr(Infinity), 'Infinity');
    assert.equal(pythonFloatRepr(-Infinity), '-Infinity');
  });
});

describe('pythonNumberText', () => {
  it('keeps an int lexeme of any size and turns -0 into 0, as int("-0") does', () => {
    assert.equal(pythonNumberText({ kind: 'number', text: '123456789012345678901234567890', integer: true }), '123456789012345678901234567890');
    assert.equal(pythonNumberText({ kind: 'number', text: '-0', integer: true }), '0');
  });

  it('writes a float lexeme as Python would after reading it: 1E5, 1.50 and 1e400', () => {
    assert.equal(pythonNumberText({ kind: 'number', text: '1E5', integer: false }), '100000.0');
    assert.equal(pythonNumberText({ kind: 'number', text: '1.50', integer: false }), '1.5');
    assert.equal(pythonNumberText({ kind: 'number', text: '1e400', integer: false }), 'Infinity');
    assert.equal(pythonNumberText({ kind: 'number', text: '-1e400', integer: false }), '-Infinity');
    assert.equal(pythonNumberText({ kind: 'number', text: '-0.0', integer: false }), '-0.0');
  });
});

describe('node builders', () => {
  it('builds an int node from a number or a bigint and refuses a fraction', () => {
    assert.deepEqual(jsonInt(4), { kind: 'number', text: '4', integer: true });
    assert.deepEqual(jsonInt(2n ** 70n), { kind: 'number', text: '1180591620717411303424', integer: true });
    assert.throws(() => jsonInt(1.5), RangeError);
    assert.throws(() => jsonInt(2 ** 60), RangeError);
  });

  it('builds a float node that keeps 1.0 apart from 1', () => {
    assert.deepEqual(jsonFloat(1), { kind: 'number', text: '1.0', integer: false });
  });
});

describe('treeMember', () => {
  it('finds the last of a repeated key, as json.loads keeps it', () => {
    const tree = parsed('{"a": 1, "b": 2, "a": 3}');
    assert.deepEqual(treeMember(tree, 'a'), { kind: 'number', text: '3', integer: true });
    assert.equal(treeMember(tree, 'missing'), undefined);
    assert.equal(treeMember(jsonString('a'), 'a'), undefined);
  });
});

describe('treeToValue', () => {
  it('gives what JSON.parse gives for plain JSON', () => {
    const text = '{"a": [1, 2.5, -0.0, "x\\u00e9", null, true, {"b": {}}], "c": 1e2}';
    assert.deepEqual(treeToValue(parsed(text)), JSON.parse(text));
    assert.ok(Object.is((treeToValue(parsed('[-0.0]')) as number[])[0], -0));
  });

  it('keeps integers beyond 2^53 exact when asked, as strings or bigints', () => {
    const tree = parsed('{"big": 9007199254740993, "small": 7}');
    assert.deepEqual(treeToValue(tree), { big: 9007199254740992, small: 7 });
    assert.deepEqual(treeToValue(tree, { unsafeIntegers: 'string' }), { big: '9007199254740993', small: 7 });
    assert.deepEqual(treeToValue(tree, { unsafeIntegers: 'bigint' }), { big: 9007199254740993n, small: 7 });
  });

  it('reads NaN and Infinity as the JS numbers', () => {
    assert.deepEqual(treeToValue(parsed('[NaN, Infinity, -Infinity]')), [Number.NaN, Infinity, -Infinity]);
  });

  it('makes __proto__ an own property, never the prototype', () => {
    const value = treeToValue(jsonObject([{ key: '__proto__', value: jsonObject([{ key: 'polluted', value: JSON_NULL }]) }])) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
