import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readAnyValue, readAttributes } from '../../../../electron/families/otlp/otlp-attributes';

function value(anyValue: unknown): { readonly value: unknown; readonly faults: string[] } {
  const faults: string[] = [];
  return { value: readAnyValue(anyValue, 'v', faults), faults };
}

describe('readAnyValue', () => {
  it('reads every AnyValue kind of common.proto into plain JSON', () => {
    assert.deepEqual(value({ stringValue: 's' }), { value: 's', faults: [] });
    assert.deepEqual(value({ boolValue: false }), { value: false, faults: [] });
    assert.deepEqual(value({ intValue: '42' }), { value: 42, faults: [] });
    assert.deepEqual(value({ intValue: 42 }), { value: 42, faults: [] });
    // Past 2^53 the digits stay exact as text.
    assert.deepEqual(value({ intValue: '9223372036854775807' }), { value: '9223372036854775807', faults: [] });
    assert.deepEqual(value({ doubleValue: 1.5 }), { value: 1.5, faults: [] });
    assert.deepEqual(value({ doubleValue: 'NaN' }), { value: 'NaN', faults: [] });
    assert.deepEqual(value({ bytesValue: 'aGk=' }), { value: 'aGk=', faults: [] });
    assert.deepEqual(value({ arrayValue: { values: [{ intValue: '1' }, { stringValue: 'a' }] } }), { value: [1, 'a'], faults: [] });
    assert.deepEqual(value({ arrayValue: {} }), { value: [], faults: [] });
    const kv = value({ kvlistValue: { values: [{ key: 'a', value: { boolValue: true } }, { key: '__proto__', value: { stringValue: 'x' } }] } });
    assert.deepEqual(kv.faults, []);
    assert.equal((kv.value as Record<string, unknown>)['a'], true);
    assert.equal(Object.getOwnPropertyDescriptor(kv.value, '__proto__')?.value, 'x');
    assert.deepEqual(value({}), { value: null, faults: [] });
    assert.deepEqual(value(undefined), { value: null, faults: [] });
  });

  it('keeps a malformed value as written and names its fault', () => {
    const cases: [unknown, RegExp][] = [
      [{ stringValue: 12 }, /v\.stringValue is a number, not a string/],
      [{ intValue: '1.5' }, /v\.intValue is a string, not an integer/],
      [{ intValue: 1.5 }, /not an integer/],
      [{ boolValue: 'true' }, /not a boolean/],
      [{ doubleValue: 'x' }, /not a number/],
      [{ bytesValue: '***' }, /not base64/],
      [{ stringValue: 'a', boolValue: true }, /2 values \(stringValue, boolValue\)/],
      [{ stringvalue: 'a' }, /unknown field "stringvalue"/],
      ['plain', /is a string, not an AnyValue object/],
      [{ arrayValue: { values: 'x' } }, /not an object with a values array/],
      [{ arrayValue: { values: [{ intValue: 'x' }] } }, /v\.arrayValue\.values\[0\]\.intValue/],
    ];
    for (const [anyValue, fault] of cases) {
      const read = value(anyValue);
      assert.equal(read.faults.length, 1, JSON.stringify(anyValue));
      assert.match(read.faults[0] ?? '', fault);
      assert.notEqual(read.value, null, 'the value as written is kept');
    }
  });
});

describe('readAttributes', () => {
  it('reads a KeyValue list, keeps entries with a bad key under a placeholder, and names entries that are no object', () => {
    const read = readAttributes([{ key: 'a', value: { intValue: '1' } }, { key: 3, value: { stringValue: 'b' } }, 'junk'], 'attrs');
    assert.deepEqual(read.attributes, [{ key: 'a', value: 1 }, { key: '(attrs[1])', value: 'b' }]);
    assert.deepEqual(read.faults, ['attrs[1].key is a number, not a string', 'attrs[2] is a string, not a {key, value} object']);
    assert.deepEqual(readAttributes(undefined, 'x'), { attributes: [], faults: [] });
    assert.deepEqual(readAttributes({}, 'x').faults, ['x is an object, not an array']);
  });
});
