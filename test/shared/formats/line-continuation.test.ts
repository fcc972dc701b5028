import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTINUATION_START, nextContinuation } from '../../../shared/formats/line-continuation';
import { recognizeTextLine } from '../../../shared/formats/text-line';
import { loadTextLogExpectations, readTextLog } from '../../fixtures/text-logs/text-log-expectations';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';

/** Groups lines into entries the way the ingest will: [first line number, line count] per entry. */
function entries(lines: readonly string[]): [number, number][] {
  const groups: [number, number][] = [];
  let state = CONTINUATION_START;
  lines.forEach((line, index) => {
    const info = recognizeTextLine(line);
    const step = nextContinuation(state, line, info.timestamp !== null || info.level !== null);
    state = step.state;
    const last = groups[groups.length - 1];
    if (step.joins && last !== undefined) last[1] += 1;
    else groups.push([index + 1, 1]);
  });
  return groups;
}

describe('nextContinuation on Python logging output written by Python', () => {
  const expectations = loadTextLogExpectations();
  for (const [file, expected] of Object.entries(expectations.files)) {
    it(`joins each record's traceback and wrapped lines, and nothing else, in ${file}`, () => {
      const lines = readTextLog(file);
      const records = expected.records.map((record): [number, number] => [record.line, record.lines]);
      // After the records: a bare print line, then an uncaught traceback that starts its own entry.
      const tail = records[records.length - 1] as [number, number];
      const printLine = tail[0] + tail[1];
      assert.equal(lines[printLine - 1], 'plain print output');
      assert.equal(lines[printLine], 'Traceback (most recent call last):');
      assert.deepEqual(entries(lines), [...records, [printLine, 1], [printLine + 1, lines.length - printLine]]);
      assert.ok(records.some(([, count]) => count > 10), 'the chained traceback is one entry');
    });
  }
});

describe('nextContinuation on the real producer logs', () => {
  for (const name of ['executor.log', 'benson_stdout.log']) {
    it(`keeps every line of ${name} its own entry`, () => {
      const lines = readFileSync(join(PRODUCER_SAMPLES, 'logs', name), 'utf8').split('\n').filter((line) => line !== '');
      assert.deepEqual(entries(lines), lines.map((_, index) => [index + 1, 1]));
    });
  }
});

describe('nextContinuation rules', () => {
  it('never joins the first line of a file, even an indented one', () => {
    assert.equal(nextContinuation(CONTINUATION_START, '  indented', false).joins, false);
    assert.equal(nextContinuation(CONTINUATION_START, 'Traceback (most recent call last):', false).joins, false);
  });

  it('joins indented lines to anything, and never a prefixed or blank line outside a traceback', () => {
    assert.deepEqual(entries(['plain', '  more', '\tat com.example.Main(Main.java:1)', 'Caused by: java.lang.Error', '', 'next', '2026-12-03 07:55:34,153 INFO x', '    wrapped']), [
      [1, 4],
      [5, 1],
      [6, 1],
      [7, 2],
    ]);
  });

  it('ends a traceback at the next prefixed line, and at the line after the exception', () => {
    const lines = ['ERROR:app:boom', 'Traceback (most recent call last):', '  File "x.py", line 1, in <module>', 'ValueError: bad', 'second message line', 'INFO:app:next'];
    assert.deepEqual(entries(lines), [
      [1, 4],
      [5, 1],
      [6, 1],
    ]);
    assert.deepEqual(entries(['ERROR:app:boom', 'Traceback (most recent call last):', '  File "x.py", line 1', 'INFO:app:next']), [
      [1, 3],
      [4, 1],
    ]);
  });

  it('joins the blank line after an exception (a chained traceback may follow) and ends at the next other line', () => {
    assert.deepEqual(entries(['ERROR:app:boom', 'Traceback (most recent call last):', '  File "x.py"', 'KeyError: 1', '', 'unrelated']), [
      [1, 5],
      [6, 1],
    ]);
  });
});
