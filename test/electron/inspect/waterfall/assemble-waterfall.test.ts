import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ExecutionFacts } from '../../../../electron/index/queries/execution-facts';
import { WaterfallFacts } from '../../../../electron/index/queries/waterfall-facts';
import { openIndexReadOnly } from '../../../../electron/index/open-index';
import { WaterfallAssembler } from '../../../../electron/inspect/waterfall/assemble-waterfall';
import { writeDemoFolder } from '../../../fixtures/demo-folder';
import { RECORD_PATHS } from '../../../fixtures/write-records';
import { tempFolder } from '../../../support/temp-folder';
import { openInspection } from '../open-inspection';

type Json = Record<string, unknown>;

function jsonLines(path: string): Json[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Json);
}

describe('getWaterfall on the demo folder', () => {
  const folder = tempFolder('waterfall-demo');
  writeDemoFolder(folder);
  const opened = openInspection(folder);

  it("draws a record's steps from the observer stream: STARTED to outcome, the failure in place with its message", async () => {
    const inspection = await opened;
    const waterfall = await inspection.call('getWaterfall', { id: 'record:exec-drop-7' });
    const lines = jsonLines(join(folder, RECORD_PATHS.observer('exec-drop-7')));
    const stepLines = lines.filter((line) => line['kind'] === 'step_event');
    const [run, ...steps] = waterfall.bars;
    assert.equal(run?.kind, 'execution');
    assert.equal(run?.startMs, Date.parse(String(lines[0]?.['timestamp'])));
    assert.equal(run?.endMs, Date.parse(String(lines.at(-1)?.['timestamp'])));
    assert.equal(run?.failed, true, 'COMPLETED_PARTIAL after a failed step is not ok');
    const indexes = [...new Set(stepLines.map((line) => line['step_index'] as number))];
    assert.deepEqual(steps.map((bar) => bar.key), indexes.map((index) => `step:${index}`));
    for (const bar of steps) {
      const mine = stepLines.filter((line) => `step:${String(line['step_index'])}` === bar.key);
      assert.equal(bar.startMs, Date.parse(String(mine.find((line) => line['event_type'] === 'STARTED')?.['timestamp'])));
      assert.equal(bar.endMs, Date.parse(String(mine.at(-1)?.['timestamp'])));
      assert.equal(bar.failed, mine.at(-1)?.['event_type'] === 'FAILED');
      assert.equal(bar.detail, mine.at(-1)?.['error_message'] ?? null);
      assert.equal(bar.eventIds.length, mine.length);
      assert.equal(bar.depth, 1);
    }
    assert.ok(steps.some((bar) => bar.failed));
    // Its events are the step's own: each one opens as a step event of that step.
    const failed = steps.find((bar) => bar.failed);
    for (const eventId of failed?.eventIds ?? []) {
      const event = await inspection.call('getEvent', { id: eventId });
      assert.equal((event.parsed as Json)['step_index'], Number(failed?.key.slice('step:'.length)));
    }
  });

  it("draws a PAC's dispatch and agent execution as spans, each checkpoint and other event as an instant", async () => {
    const inspection = await opened;
    const id = 'benson:PAC-DAN-P53-01';
    const [waterfall, detail] = await Promise.all([inspection.call('getWaterfall', { id }), inspection.call('getExecution', { id })]);
    const byKind = (kind: string) => detail.events.filter((event) => event.kind === kind);
    const dispatch = waterfall.bars.find((bar) => bar.label === 'PAC dispatch');
    assert.equal(dispatch?.depth, 0);
    assert.equal(dispatch?.startMs, byKind('PAC_DISPATCH_START')[0]?.ts);
    assert.equal(dispatch?.endMs, byKind('PAC_DISPATCH_END')[0]?.ts);
    assert.equal(dispatch?.failed, byKind('PAC_DISPATCH_END')[0]?.failed);
    const agent = waterfall.bars.find((bar) => bar.label === 'Agent execution');
    assert.deepEqual(agent?.eventIds, [byKind('AGENT_EXECUTION_START')[0]?.id, byKind('AGENT_EXECUTION_END')[0]?.id]);
    const checkpoints = waterfall.bars.filter((bar) => bar.kind === 'checkpoint');
    assert.deepEqual(checkpoints.map((bar) => bar.eventIds[0]), detail.checkpoints.map((checkpoint) => checkpoint.eventId));
    for (const bar of checkpoints) {
      const checkpoint = detail.checkpoints.find((row) => row.eventId === bar.eventIds[0]);
      assert.equal(bar.startMs, bar.endMs, 'a checkpoint is an instant');
      assert.equal(bar.status, checkpoint?.status);
      assert.equal(bar.failed, checkpoint?.status === 'FAIL');
    }
    // Every event is on exactly one bar.
    assert.deepEqual(waterfall.bars.flatMap((bar) => bar.eventIds).sort((a, b) => a - b), detail.events.map((event) => event.id).sort((a, b) => a - b));
    const starts = waterfall.bars.map((bar) => bar.startMs ?? 0);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in time order');
  });

  it("draws a cycle run's cycles with their plan steps and commands paired start to completion", async () => {
    const inspection = await opened;
    const id = 'cycle:2026-03-02T09-20-00Z/migrate-customers-schema';
    const [waterfall, detail] = await Promise.all([inspection.call('getWaterfall', { id }), inspection.call('getExecution', { id })]);
    const cycles = waterfall.bars.filter((bar) => bar.kind === 'cycle');
    assert.deepEqual(cycles.map((bar) => [bar.startMs, bar.endMs, bar.status]), detail.cycles.map((cycle) => [cycle.firstMs, cycle.lastMs, cycle.decision]));
    const commands = waterfall.bars.filter((bar) => bar.kind === 'command');
    const started = detail.events.filter((event) => event.kind === 'executor.command_started');
    assert.equal(commands.length, started.length, 'one bar per command started');
    for (const command of commands) {
      const [start, end] = await Promise.all(command.eventIds.map((eventId) => inspection.call('getEvent', { id: eventId })));
      const payload = (start?.parsed as Json)['payload'] as Json;
      assert.equal(command.label, payload['command']);
      if (end === undefined) {
        assert.equal(command.endMs, null, 'a command never completed is left open');
      } else {
        assert.equal(((end.parsed as Json)['payload'] as Json)['command'], payload['command']);
        assert.equal(command.endMs, end.event.ts);
        assert.equal(command.failed, end.event.failed);
      }
    }
    assert.deepEqual(waterfall.bars.flatMap((bar) => bar.eventIds).sort((a, b) => a - b), detail.events.map((event) => event.id).sort((a, b) => a - b));
  });

  it("draws a mission's stream events as instants under the mission, and a missing execution is not_found", async () => {
    const inspection = await opened;
    const [waterfall, detail] = await Promise.all([inspection.call('getWaterfall', { id: 'stream:m-42' }), inspection.call('getExecution', { id: 'stream:m-42' })]);
    assert.equal(waterfall.bars[0]?.kind, 'execution');
    const events = waterfall.bars.slice(1);
    assert.deepEqual(events.map((bar) => [bar.eventIds[0], bar.startMs, bar.label, bar.failed]), detail.events.map((event) => [event.id, event.ts, event.kind, event.failed]));
    const error = await inspection.fail('getWaterfall', { id: 'stream:no-such-mission' });
    assert.equal(error.code, 'not_found');
    assert.equal(waterfall.eventsOmitted, 0);
  });

  it('draws the first events only past its limit, and says how many it left out', async () => {
    const inspection = await opened;
    const db = openIndexReadOnly(inspection.dbPath);
    try {
      const facts = new ExecutionFacts(db);
      const execution = facts.find('stream', 'm-42') ?? assert.fail('the demo has mission m-42');
      const all = await inspection.call('getWaterfall', { id: 'stream:m-42' });
      const limited = new WaterfallAssembler(new WaterfallFacts(db), facts, 5).waterfall(execution);
      assert.equal(limited.eventsOmitted, execution.row.eventCount - 5);
      assert.deepEqual(limited.bars, all.bars.slice(0, 6), 'the run, then its first five events in time order');
    } finally {
      db.close();
    }
  });
});
