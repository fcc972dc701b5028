import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';
import { openInspection } from '../inspect/open-inspection';

describe('a folder written by the real producers, read as they wrote it', () => {
  const opened = openInspection(PRODUCER_SAMPLES);

  it('finds every execution with the outcome its producer decided', async () => {
    const inspection = await opened;
    const page = await inspection.call('listExecutions', { limit: 100 });
    const outcomes = Object.fromEntries(page.items.map((row) => [row.id, `${row.status}/${row.outcome}`]));
    assert.deepEqual(outcomes, {
      'record:exec-ok-1': 'COMPLETED/ok',
      'record:exec-fail-2': 'FAILED/failed',
      'record:exec-sec-3': 'INCOMPLETE/failed',
      'benson:PAC-DAN-P60-TELEMETRY-01': 'COMPLETED/ok',
      'benson:PAC-CODY-P61-SCHEMA-01': 'BLOCKED/failed',
      'benson:PAC-SAM-P62-QUALITY-01': 'FAILED/failed',
      'benson:PAC-ATLAS-P63-DISPATCH-01': 'COMPLETED/ok',
      'stream:mission-alpha': 'completed/ok',
      'stream:mission-beta': 'failed/failed',
      'exec-event:unknown@2026-12-03T07:55:34.153692Z': 'failed/failed',
      'exec-event:tr-002': 'failed/failed',
      'exec-event:tr-003': 'failed/failed',
      'exec-event:tr-004': 'failed/failed',
      'exec-event:tr-005': 'failed/failed',
      'exec-event:tr-006': 'success/ok',
      'exec-event:tr-007': 'failed/failed',
    });
  });

  it('raises no false problem: only the started events and the naive time zones are reported', async () => {
    const inspection = await opened;
    const problems = await inspection.call('listProblems', { limit: 500 });
    const codes = [...new Set(problems.items.map((problem) => problem.code))].sort();
    assert.deepEqual(codes, ['exec.started_event', 'time.no_zone']);
    const noZone = problems.items.filter((problem) => problem.code === 'time.no_zone').map((problem) => problem.path).sort();
    assert.deepEqual(noZone, [...new Set(noZone)], 'naive times are flagged once per file');
  });

  it('joins the dispatch path checkpoints to their PAC, and reads the failed record with its step error and timing', async () => {
    const inspection = await opened;
    const atlas = await inspection.call('getExecution', { id: 'benson:PAC-ATLAS-P63-DISPATCH-01' });
    assert.deepEqual([...new Set(atlas.checkpoints.map((checkpoint) => checkpoint.checkpointId))].sort(), ['CP-01', 'CP-02', 'CP-03', 'CP-04']);
    const failed = await inspection.call('getExecution', { id: 'record:exec-fail-2' });
    assert.equal(failed.execution.failureCount, 1);
    assert.deepEqual(failed.steps.map((step) => [step.index, step.status, step.errorMessage]), [
      [0, 'COMPLETED', null],
      [1, 'FAILED', 'Constraint violation on users.email'],
    ]);
    assert.ok(failed.steps.every((step) => (step.durationMs ?? 0) > 0), 'step durations come from started/completed pairs');
    assert.ok((failed.execution.durationMs ?? 0) > 0, 'the execution spans timestamp_start to timestamp_end');
    const security = await inspection.call('getSecurityDiff', { id: 'record:exec-sec-3' });
    assert.equal(security.stateChange.direction, 'worse');
  });

  it('makes the stdout capture and the executor log searchable, payload lines as events of their family', async () => {
    const inspection = await opened;
    const executor = await inspection.call('listEvents', { query: 'missing_recipient', limit: 10 });
    assert.ok(executor.items.some((row) => row.family === 'exec-event' && row.source.path === 'logs/executor.log'));
    const telemetry = await inspection.call('listEvents', { query: 'PAC-ATLAS-P63-DISPATCH-01', limit: 100 });
    assert.ok(telemetry.items.some((row) => row.source.path === 'logs/benson_stdout.log'));
    assert.ok(telemetry.items.some((row) => row.source.path === 'logs/benson_telemetry.jsonl'));
  });
});

describe("ChainBridge's BER telemetry document, checked against the logs", () => {
  async function reportCheck(folder: string) {
    const inspection = await openInspection(folder);
    const found = await inspection.call('listEvents', { kinds: ['BER_TELEMETRY_REPORT'], limit: 5 });
    const id = found.items[0]?.id ?? assert.fail('the report is indexed as one event');
    const detail = await inspection.call('getEvent', { id });
    return detail.bensonReport ?? assert.fail('a report event carries its check');
  }

  it('finds every event of the genuine report in the logs, none extra, and its summary equal to a recount', async () => {
    const check = await reportCheck(PRODUCER_SAMPLES);
    assert.deepEqual([check.events, check.matched, check.missingFromLogs.length, check.extraInLogs.length, check.summary.matches], [34, 34, 0, 0, true]);
  });

  it('names an event the report lists but no log holds, one logged but not listed, and a summary that does not recount', async () => {
    const folder = tempFolder('ber-edited');
    mkdirSync(join(folder, 'logs'));
    copyFileSync(join(PRODUCER_SAMPLES, 'logs', 'benson_telemetry.jsonl'), join(folder, 'logs', 'benson_telemetry.jsonl'));
    const report = JSON.parse(readFileSync(join(PRODUCER_SAMPLES, 'ber_telemetry.json'), 'utf8')) as { summary: { total_events: number }; events: Record<string, unknown>[] };
    const dropped = report.events.splice(5, 1)[0] as Record<string, unknown>;
    report.events.push({ ...(report.events[0] as Record<string, unknown>), timestamp: '2026-12-03T07:55:34.015000+00:00', event_type: 'WRAP_AUTHORIZATION_DENIED' });
    report.summary.total_events = 99;
    writeFileSync(join(folder, 'ber_telemetry.json'), JSON.stringify(report, null, 2));
    const check = await reportCheck(folder);
    assert.deepEqual(check.missingFromLogs.map((event) => event.eventType), ['WRAP_AUTHORIZATION_DENIED']);
    assert.deepEqual(check.extraInLogs.map((event) => [event.eventType, event.timestamp]), [[dropped['event_type'], dropped['timestamp']]]);
    assert.equal(check.summary.matches, false);
    assert.deepEqual(check.summary.totalEvents, { reported: 99, recounted: 34 });
    assert.match(check.statement, /1 missing from them, 1 logged in its time span but not in the report; its summary does not match/);
  });
});
