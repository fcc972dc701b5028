import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonInt, jsonObject, jsonString, JSON_NULL, type JsonTree } from '../../../shared/model/json-tree';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { compareCodePoints, pythonJsonDumps, pythonJsonString } from '../../../shared/model/python-json-dumps';
import { loadPythonVectors } from '../../fixtures/python-json/python-vectors';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';

const vectors = loadPythonVectors();

function tree(text: string): JsonTree {
  const result = parseLosslessJson(text);
  if (!result.ok) assert.fail(`${text} did not parse: ${result.reason} at ${result.offset}`);
  return result.tree;
}

describe('pythonJsonDumps on known answers from Python', () => {
  it('has the vectors write-vectors.py wrote', () => {
    assert.ok(vectors.dumps.length >= 18);
  });

  for (const vector of vectors.dumps) {
    it(`reproduces json.dumps and json.dumps(sort_keys=True) for "${vector.name}"`, () => {
      const parsed = tree(vector.input);
      assert.equal(pythonJsonDumps(parsed), vector.dumps);
      const sorted = pythonJsonDumps(parsed, { sortKeys: true });
      assert.equal(sorted, vector.sort_keys);
      assert.equal(createHash('sha256').update(sorted, 'utf8').digest('hex'), vector.sha256);
    });

    it(`writes "${vector.name}" back exactly as json.dumps(indent=2) wrote it`, () => {
      assert.equal(pythonJsonDumps(tree(vector.input), { indent: 2 }), vector.input);
    });
  }
});

describe('pythonJsonDumps on the real producer files', () => {
  function samples(folder: string, extension: string): string[] {
    const dir = join(PRODUCER_SAMPLES, folder);
    return readdirSync(dir)
      .filter((name) => name.endsWith(extension))
      .map((name) => join(dir, name));
  }

  it("rewrites hearth's records and ChainBridge's BER document byte for byte (json.dump indent=2)", () => {
    const files = [...samples('executions', '.json'), join(PRODUCER_SAMPLES, 'ber_telemetry.json')];
    assert.equal(files.length, 4);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.equal(pythonJsonDumps(tree(text), { indent: 2 }), text, file);
    }
  });

  it("rewrites every line of ChainBridge's log_file and stdout, and Buddy's compact streams, byte for byte", () => {
    const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
    const benson = lines(join(PRODUCER_SAMPLES, 'logs', 'benson_telemetry.jsonl'));
    const stdout = lines(join(PRODUCER_SAMPLES, 'logs', 'benson_stdout.log')).map((line) => line.slice('[TELEMETRY] '.length));
    const streams = samples(join('outputs', 'execution_streams'), '.jsonl').flatMap(lines);
    assert.ok(benson.length > 30 && stdout.length > 30 && streams.length > 5);
    for (const line of [...benson, ...stdout]) assert.equal(pythonJsonDumps(tree(line)), line);
    for (const line of streams) assert.equal(pythonJsonDumps(tree(line), { separators: [',', ':'] }), line);
  });
});

describe('pythonJsonDumps details', () => {
  it("uses Python's separators, not JSON.stringify's", () => {
    assert.equal(pythonJsonDumps(tree('{"a":[1,2],"b":{}}')), '{"a": [1, 2], "b": {}}');
  });

  it('counts a repeated key once: last value, first position (a Python dict)', () => {
    const parsed = tree('{"b": 1, "a": 2, "b": 3}');
    assert.equal(pythonJsonDumps(parsed), '{"b": 3, "a": 2}');
    assert.equal(pythonJsonDumps(parsed, { sortKeys: true }), '{"a": 2, "b": 3}');
  });

  it('serializes a projection built in code, an int node among parsed values', () => {
    const document = tree('{"execution_id": "e-\\u00e9", "extra": 1.0}');
    const first = document.kind === 'object' ? document.members[0] : undefined;
    assert.ok(first);
    const projection = jsonObject([{ key: 'step_count', value: jsonInt(3) }, first, { key: 'timestamp_end', value: JSON_NULL }]);
    assert.equal(pythonJsonDumps(projection, { sortKeys: true }), '{"execution_id": "e-\\u00e9", "step_count": 3, "timestamp_end": null}');
  });

  it('writes DEL and C1 controls escaped, printable ASCII and / raw', () => {
    assert.equal(pythonJsonString('\x7f\x80 ~/'), '"\\u007f\\u0080 ~/"');
    assert.equal(pythonJsonString(''), '""');
  });

  it('agrees with JSON.stringify on plain ASCII data apart from separators', () => {
    fc.assert(
      fc.property(fc.json({ noUnicodeString: true, depthSize: 'small' }), (text) => {
        const parsed = tree(text);
        const compact = JSON.stringify(JSON.parse(text));
        const normalized = pythonJsonDumps(parsed);
        // Re-reading the Python text gives the same value (floats as Python writes them parse to the same double).
        assert.deepEqual(JSON.parse(normalized), JSON.parse(compact));
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareCodePoints', () => {
  it('puts an astral character after U+E000..U+FFFF, as Python sorts str', () => {
    assert.ok('\u{1F600}' < '\ue000', 'JS code-unit order is the other way');
    assert.ok(compareCodePoints('\u{1F600}', '\ue000') > 0);
    assert.ok(compareCodePoints('\ue000', '\u{1F600}') < 0);
    assert.ok(compareCodePoints('a\u{1F600}', 'a\uffff') > 0);
  });

  it('orders lone surrogates by their own value', () => {
    assert.ok(compareCodePoints('\ud800z', '\u{10000}') < 0);
    assert.ok(compareCodePoints('\ud800', '\u{10000}') < 0);
    assert.ok(compareCodePoints('\udc00', '\ue000') < 0);
  });

  it('sorts like comparing arrays of code points, on arbitrary strings', () => {
    const codePoints = (text: string) => Array.from(text, (char) => char.codePointAt(0) as number);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const left = codePoints(a);
        const right = codePoints(b);
        let expected = 0;
        for (let index = 0; index < Math.min(left.length, right.length) && expected === 0; index++) expected = (left[index] as number) - (right[index] as number);
        if (expected === 0) expected = left.length - right.length;
        assert.equal(Math.sign(compareCodePoints(a, b)), Math.sign(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not reorder keys that differ only in ASCII', () => {
    assert.equal(pythonJsonDumps(jsonObject([{ key: 'b', value: jsonString('') }, { key: 'B', value: jsonString('') }]), { sortKeys: true }), '{"B": "", "b": ""}');
  });
});
