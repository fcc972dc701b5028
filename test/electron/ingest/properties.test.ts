import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectFamily } from '../../../electron/families/family-registry';
import { lineToEvent } from '../../../electron/ingest/line-to-event';
import { normalizeObject } from '../../../electron/families/family-registry';
import { LineSplitter, type SplitLine } from '../../../electron/ingest/split-lines';
import { PROBLEM_CODES } from '../../../shared/model/problem-code';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

const RUNS = Number(process.env['INSPECTOR_PROPERTY_RUNS'] ?? 300);

/** Bytes biased towards the characters that matter to a line reader. */
const lineBytes = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom(0x0a, 0x0d, 0x7b, 0x7d, 0x22, 0x00, 0xef, 0xbb, 0xbf, 0xc3, 0xff),
  ),
  { maxLength: 600 },
);

describe('properties of line splitting', () => {
  it('never throws, and lines plus tail account for every byte, whatever the chunking', () => {
    fc.assert(
      fc.property(lineBytes, fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 4, max: 128 }), (bytes, sizes, cap) => {
        const input = Buffer.from(bytes);
        const splitter = new LineSplitter(0, 0, cap);
        const lines: SplitLine[] = [];
        let pos = 0;
        let i = 0;
        while (pos < input.length) {
          const size = sizes[i++ % sizes.length] as number;
          splitter.push(input.subarray(pos, pos + size), (line) => lines.push(line));
          pos += size;
        }
        let expectedStart = 0;
        for (const line of lines) {
          assert.ok(line.offset >= expectedStart && line.offset <= expectedStart + 3, 'a line starts where the previous ended (a BOM may be skipped on line 1)');
          assert.equal(input[line.endOffset - 1], 0x0a, 'every complete line ends at a newline');
          assert.ok(line.offset + line.length <= line.endOffset - 1);
          if (line.text !== null) assert.ok(line.length <= cap);
          expectedStart = line.endOffset;
        }
        assert.equal(splitter.committedOffset, expectedStart);
        const tail = splitter.tail();
        assert.equal((tail ? tail.offset + tail.length : expectedStart) >= input.length - 3, true, 'the tail ends at the end of the input');
        assert.equal(input.subarray(expectedStart).includes(0x0a), false, 'no newline is left in the tail');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties of parsing and normalization', () => {
  it('never throws on any text: every line is blank, a problem, or an event', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 6 })), (text) => {
        const outcome = lineToEvent(text);
        assert.ok(['blank', 'problem', 'event'].includes(outcome.type));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('normalizes any JSON object of any shape without throwing, with known problem codes only', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom('trace_id', 'adapter', 'status', 'product', 'action_type', 'event_type', 'data', 'telemetry_version', 'authority', 'run_id', 'event', 'cycle', 'payload', 'mission_id', 'execution_id', 'kind', 'record_version', 'step_events', 'plan_id', 'rollback_hints', 'timestamp', '__proto__'), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 4 })), (object) => {
        const event = normalizeObject(object as Record<string, unknown>);
        assert.equal(event.family, detectFamily(object as Record<string, unknown>));
        for (const problem of event.problems) assert.ok(problem.code in PROBLEM_CODES, problem.code);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('round-trips a valid exec-event: family, execution key, status and time come back as written', () => {
    const iso = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const token = fc.stringMatching(/^[A-Za-z0-9_.-]{1,24}$/);
    fc.assert(
      fc.property(token, token, token, token, fc.constantFrom('success', 'failed'), iso, (trace, action, adapter, product, status, timestamp) => {
        const line = { trace_id: trace, action_type: action, adapter: adapter === 'none' ? 'smtp' : adapter, status, product, timestamp, ...(status === 'failed' ? { error_code: 'X' } : {}) };
        const outcome = lineToEvent(JSON.stringify(line));
        assert.equal(outcome.type, 'event');
        if (outcome.type !== 'event') return;
        assert.equal(outcome.event.family, 'exec-event');
        assert.equal(outcome.event.executionKey, trace);
        assert.equal(outcome.event.status, status);
        assert.equal(outcome.event.timestampMs, Date.parse(timestamp));
        assert.deepEqual(outcome.event.problems, []);
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips a valid mission stream event and a valid cycle envelope', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_/-]{1,24}$/);
    fc.assert(
      fc.property(token, fc.constantFrom('navigation', 'extraction', 'signal', 'status'), token, fc.integer({ min: 1, max: 1000 }), (id, type, run, cycle) => {
        const stream = lineToEvent(JSON.stringify({ timestamp: '2026-01-09T08:00:00Z', mission_id: id, event_type: type, payload: type === 'status' ? { state: 'running' } : {} }));
        assert.ok(stream.type === 'event' && stream.event.family === 'stream' && stream.event.executionKey === id && stream.event.problems.length === 0);
        const envelope = lineToEvent(JSON.stringify({ schema_version: '0.1', timestamp: '2025-10-06T12:34:56.789Z', source: 'planner', run_id: run, cycle, event: 'plan.generated', payload: { redacted_fields: [] } }));
        assert.ok(envelope.type === 'event' && envelope.event.family === 'cycle' && envelope.event.executionKey === run && envelope.event.problems.length === 0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties of the whole ingest', () => {
  it('indexes arbitrary bytes without failing, accounting every non-blank line as an event or a problem', async () => {
    const samples = fc.sample(fc.array(fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 80 }), lineBytes.map((b) => Buffer.from(b).toString('latin1'))), { maxLength: 40 }), { numRuns: 25 });
    for (const [n, lines] of samples.entries()) {
      const folder = tempFolder(`prop-${n}`);
      const text = lines.map((l) => l.replace(/[\r\n]/g, ' ')).join('\n');
      writeFileSync(join(folder, 'x.jsonl'), `${text}\n`);
      const dbPath = await indexOnce(folder);
      const nonBlank = text.split('\n').filter((l) => !/^[ \t\r]*$/.test(l)).length;
      const events = query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM events')[0]!.n;
      const problemLines = query<{ n: number }>(dbPath, "SELECT count(DISTINCT line) AS n FROM problems WHERE origin = 'line' AND event_id IS NULL")[0]!.n;
      assert.equal(events + problemLines, nonBlank, `sample ${n}`);
    }
  });
});
