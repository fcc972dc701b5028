import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { recognizeTextLine, yearlessToNaiveMs, type TextLineInfo } from '../../../shared/formats/text-line';
import { treeToValue } from '../../../shared/model/json-tree';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { parsePythonLiteral } from '../../../shared/model/python-literal';
import { loadTextLogExpectations, readTextLog } from '../../fixtures/text-logs/text-log-expectations';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { cpuMsOf } from '../../support/cpu-time';

function sampleLines(name: string): string[] {
  return readFileSync(join(PRODUCER_SAMPLES, 'logs', name), 'utf8').split('\n').filter((line) => line !== '');
}

/** Parses a recognized payload with the parser its kind names. */
function payloadValue(line: string, info: TextLineInfo): unknown {
  assert.ok(info.payload, `a payload in ${line}`);
  const result = info.payload.kind === 'json' ? parseLosslessJson(line.slice(info.payload.offset)) : parsePythonLiteral(line, { start: info.payload.offset });
  assert.ok(result.ok, `payload of ${line} parses`);
  return treeToValue(result.tree);
}

describe('recognizeTextLine on the real producer logs', () => {
  it("reads workflow-executor's level, naive asctime and Python dict payload on every line", () => {
    const lines = sampleLines('executor.log');
    assert.equal(lines.length, 11);
    for (const line of lines) {
      const info = recognizeTextLine(line);
      assert.equal(info.level, 'info');
      assert.equal(info.levelText, 'INFO');
      assert.ok(info.timestamp);
      assert.equal(info.timestamp.text, line.slice(7, 30));
      assert.equal(info.timestamp.offset, 7);
      assert.equal(info.timestamp.time.kind, 'naive');
      assert.ok(info.message.startsWith('EXECUTION_EVENT | {'));
      assert.equal(info.payload?.kind, 'python');
      assert.equal(info.payload?.offset, line.indexOf('{'));
      const value = payloadValue(line, info) as Record<string, unknown>;
      assert.equal(typeof value['trace_id'], 'string');
    }
    const first = recognizeTextLine(lines[0] as string);
    assert.deepEqual(first.timestamp?.time, { kind: 'naive', ms: Date.UTC(2026, 11, 3, 7, 55, 34, 153) });
  });

  it("finds ChainBridge's [TELEMETRY] JSON on every stdout line, identical to the log_file's event", () => {
    const lines = sampleLines('benson_stdout.log');
    const fileEvents = sampleLines('benson_telemetry.jsonl').map((line) => JSON.parse(line) as unknown);
    assert.equal(lines.length, 34);
    lines.forEach((line, index) => {
      const info = recognizeTextLine(line);
      assert.equal(info.timestamp, null);
      assert.equal(info.level, null);
      assert.equal(info.message, line);
      assert.deepEqual(info.payload, { offset: '[TELEMETRY] '.length, kind: 'json' });
      assert.deepEqual(payloadValue(line, info), fileEvents[index]);
    });
  });
});

describe('recognizeTextLine on Python logging output written by Python', () => {
  const expectations = loadTextLogExpectations();
  for (const [file, expected] of Object.entries(expectations.files)) {
    it(`reads level, time, logger and message of every record in ${file} (${expected.format})`, () => {
      const lines = readTextLog(file);
      for (const record of expected.records) {
        const line = lines[record.line - 1] as string;
        const info = recognizeTextLine(line);
        assert.equal(info.level, record.level, line);
        assert.equal(info.message, record.message, line);
        if (file === 'basic.log') {
          assert.equal(info.timestamp, null);
          assert.equal(info.logger, record.logger);
        } else {
          assert.ok(info.timestamp, line);
          assert.deepEqual(info.timestamp.time, expected.naive ? { kind: 'naive', ms: record.ms } : { kind: 'zoned', ms: record.ms, offsetMinutes: 0 });
        }
        if (file !== 'basic.log') assert.equal(info.logger, file === 'executor.log' ? null : record.logger, line);
      }
    });

    it(`finds the Python and JSON payloads in ${file}`, () => {
      const lines = readTextLog(file);
      const [python, json] = [expected.records[0], expected.records[5]].map((record) => {
        assert.ok(record);
        const line = lines[record.line - 1] as string;
        return { line, info: recognizeTextLine(line) };
      });
      assert.ok(python && json);
      assert.equal(python.info.payload?.kind, 'python');
      assert.deepEqual(payloadValue(python.line, python.info), { trace_id: 'tr-1', status: 'started', ok: true, n: null });
      assert.equal(json.info.payload?.kind, 'json');
      assert.deepEqual(payloadValue(json.line, json.info), { event_type: 'CHECKPOINT', data: { x: 1 } });
    });
  }
});

describe('recognizeTextLine prefixes', () => {
  it('reads ISO-8601 times with Z, offsets and fractions, bare or bracketed', () => {
    const cases: readonly [string, unknown, string][] = [
      ['2026-12-03T07:55:34.153692Z INFO started', { kind: 'zoned', ms: Date.UTC(2026, 11, 3, 7, 55, 34, 153), offsetMinutes: 0 }, 'started'],
      ['2026-12-03T13:25:34+05:30 WARN slow', { kind: 'zoned', ms: Date.UTC(2026, 11, 3, 7, 55, 34), offsetMinutes: 330 }, 'slow'],
      ['[2026-12-03 07:55:34.5 -0800] [error] boom', { kind: 'zoned', ms: Date.UTC(2026, 11, 3, 15, 55, 34, 500), offsetMinutes: -480 }, 'boom'],
      ['2026-12-03 07:55 UTC: minute precision', { kind: 'zoned', ms: Date.UTC(2026, 11, 3, 7, 55), offsetMinutes: 0 }, 'minute precision'],
      ['2026-12-03T07:55:34.153692 naive hearth time', { kind: 'naive', ms: Date.UTC(2026, 11, 3, 7, 55, 34, 153) }, 'naive hearth time'],
    ];
    for (const [line, time, message] of cases) {
      const info = recognizeTextLine(line);
      assert.deepEqual(info.timestamp?.time, time, line);
      assert.equal(info.message, message, line);
    }
    assert.equal(recognizeTextLine('[2026-12-03 07:55:34.5 -0800] x').timestamp?.text, '2026-12-03 07:55:34.5 -0800');
  });

  it('reads syslog times without a year, and the year once known', () => {
    const info = recognizeTextLine('Dec  3 07:55:34 host sshd[812]: Accepted publickey for deploy');
    assert.deepEqual(info.timestamp, { text: 'Dec  3 07:55:34', offset: 0, time: { kind: 'yearless', month: 12, day: 3, msOfDay: (7 * 3600 + 55 * 60 + 34) * 1000 } });
    assert.equal(info.message, 'host sshd[812]: Accepted publickey for deploy');
    assert.equal(info.level, null);
    assert.equal(info.timestamp?.time.kind === 'yearless' ? yearlessToNaiveMs(info.timestamp.time, 2026) : null, Date.UTC(2026, 11, 3, 7, 55, 34));
    assert.equal(recognizeTextLine('Nov 30 23:59:59.250 kernel: x').timestamp?.time.kind, 'yearless');
    assert.deepEqual(recognizeTextLine('Dec 03 01:02:03 host app: {"event": 1}').payload, { offset: 26, kind: 'json' });
  });

  it('normalizes every level spelling', () => {
    const cases: readonly [string, string][] = [
      ['[WARN] x', 'warning'],
      ['[warning] x', 'warning'],
      ['[Err] x', 'error'],
      ['FATAL: x', 'critical'],
      ['CRIT x', 'critical'],
      ['[TRACE] x', 'trace'],
      ['NOTICE x', 'notice'],
      ['2026-12-03 07:55:34,153 SEVERE x', 'error'],
      ['[INFO    ] padded', 'info'],
    ];
    for (const [line, level] of cases) assert.equal(recognizeTextLine(line).level, level, line);
  });

  it("reads Python's LEVEL:name: format, with and without a name", () => {
    assert.deepEqual(pick(recognizeTextLine('INFO:telemetry:EXECUTION_EVENT | {\'a\': 1}')), { level: 'info', logger: 'telemetry', message: "EXECUTION_EVENT | {'a': 1}" });
    assert.deepEqual(pick(recognizeTextLine('ERROR:root:Failed: reason')), { level: 'error', logger: 'root', message: 'Failed: reason' });
    assert.deepEqual(pick(recognizeTextLine('INFO:     127.0.0.1:5000 - "GET / HTTP/1.1" 200')), { level: 'info', logger: null, message: '127.0.0.1:5000 - "GET / HTTP/1.1" 200' });
  });

  it('takes a dotted or underscored lower-case name before ": " after the level as the logger, not a plain word', () => {
    assert.deepEqual(pick(recognizeTextLine('2026-12-03T07:55:34Z [ERROR] app.db: connection refused')), { level: 'error', logger: 'app.db', message: 'connection refused' });
    assert.deepEqual(pick(recognizeTextLine('[WARNING] __main__: retrying')), { level: 'warning', logger: '__main__', message: 'retrying' });
    assert.deepEqual(pick(recognizeTextLine('[ERROR] connection: refused')), { level: 'error', logger: null, message: 'connection: refused' });
    assert.deepEqual(pick(recognizeTextLine('[ERROR] Db.pool: exhausted')), { level: 'error', logger: null, message: 'Db.pool: exhausted' });
  });

  it('leaves lines without a recognizable prefix whole', () => {
    for (const line of ['plain output', '  indented', 'Error: capitalized is prose', 'INFORMATIONAL text', '2026-13-03 07:55:34 not a date', '2026-02-30T00:00:00Z impossible day', 'Dec 32 07:55:34 bad day', '']) {
      const info = recognizeTextLine(line);
      assert.deepEqual(pick(info), { level: null, logger: null, message: line }, line);
      assert.equal(info.timestamp, null, line);
    }
  });

  it('takes a payload only after at most three tag-like words, running to the end of the line', () => {
    assert.deepEqual(recognizeTextLine('{"event_type": "X"}').payload, { offset: 0, kind: 'json' });
    assert.deepEqual(recognizeTextLine('event: {"a": [1, 2]}  ').payload, { offset: 7, kind: 'json' });
    assert.deepEqual(recognizeTextLine('[TELEMETRY] {"it\'s": True}').payload, { offset: 12, kind: 'python' });
    assert.deepEqual(recognizeTextLine('x {"a": (1, 2)}').payload, { offset: 2, kind: 'python' });
    assert.deepEqual(recognizeTextLine('x {"a": null, "Trueish": "None"}').payload, { offset: 2, kind: 'json' });
    assert.deepEqual(recognizeTextLine('a - b | c - {"x": 1}').payload, { offset: 12, kind: 'json' });
    assert.deepEqual(recognizeTextLine('key=value payload= {"x": 1}').payload, { offset: 19, kind: 'json' });
    for (const line of ['we got a bad value {"a": 1}', 'a b c d - {"x": 1}', 'tag {"a": 1} trailing', 'empty {}', 'format {x}', 'say "hi" {"a": 1}', 'a {b} {"c": 1}']) {
      assert.equal(recognizeTextLine(line).payload, null, line);
    }
  });

  it('never throws on arbitrary lines and keeps offsets inside the line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (line) => {
        const info = recognizeTextLine(line);
        assert.ok(info.messageOffset >= 0 && info.messageOffset <= line.length);
        assert.equal(info.message, line.slice(info.messageOffset));
        if (info.payload !== null) assert.equal(line.charAt(info.payload.offset), '{');
      }),
      { numRuns: 5000 },
    );
  });

  it('recognizes long lines in linear time', () => {
    const line = `[INFO] 2026-12-03 07:55:34,153 | ${'word '.repeat(200_000)}{"a": ${'['.repeat(1000)}}`;
    const ms = cpuMsOf(() => {
      recognizeTextLine(line);
      recognizeTextLine(`${'{'.repeat(500_000)}}`);
      recognizeTextLine(`x ${'"'.repeat(500_000)}}`);
    });
    assert.ok(ms < 2000);
  });
});

function pick(info: TextLineInfo): { level: string | null; logger: string | null; message: string } {
  return { level: info.level, logger: info.logger, message: info.message };
}

