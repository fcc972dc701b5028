import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SECURITY_STATES } from '../../../shared/model/inspection';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { RECORD_PATHS } from '../../fixtures/write-records';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { openInspection } from './open-inspection';

type Json = Record<string, unknown>;

function jsonLines(path: string): Json[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        const value = JSON.parse(line) as unknown;
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? [value as Json] : [];
      } catch {
        return [];
      }
    });
}

describe('getExecution and the record views on the demo LIVE migration (record:exec-drop-7)', () => {
  const folder = tempFolder('assemble-demo');
  writeDemoFolder(folder);
  const opened = openInspection(folder);
  const id = 'record:exec-drop-7';
  const observer = (): Json[] => jsonLines(join(folder, RECORD_PATHS.observer('exec-drop-7')));
  const plan = (): Json => JSON.parse(readFileSync(join(folder, RECORD_PATHS.plan('plan-customers-v2')), 'utf8')) as Json;

  it('assembles the steps from the observer stream: status of the last event, times, the failure message', async () => {
    const detail = await (await opened).call('getExecution', { id });
    const stepLines = observer().filter((line) => line['kind'] === 'step_event');
    const indexes = [...new Set(stepLines.map((line) => line['step_index'] as number))].sort((a, b) => a - b);
    assert.deepEqual(detail.steps.map((step) => step.index), indexes);
    for (const step of detail.steps) {
      const lines = stepLines.filter((line) => line['step_index'] === step.index);
      const last = lines.at(-1) as Json;
      assert.equal(step.status, last['event_type'], `step ${step.index} status`);
      assert.equal(step.name, lines[0]?.['step_name']);
      assert.deepEqual(step.events.map((event) => event.eventType), lines.map((line) => line['event_type']));
      assert.ok(step.events.every((event) => event.via === 'stream'), 'stream events are preferred over the document');
      const started = Date.parse(String(lines.find((line) => line['event_type'] === 'STARTED')?.['timestamp']));
      const ended = Date.parse(String(last['timestamp']));
      assert.equal(step.startedMs, started);
      assert.equal(step.endedMs, ended);
      assert.equal(step.durationMs, ended - started);
      const failed = lines.find((line) => line['event_type'] === 'FAILED');
      assert.equal(step.errorMessage, failed === undefined ? null : failed['error_message']);
    }
    assert.ok(detail.steps.some((step) => step.status === 'FAILED' && step.errorMessage !== null));
    assert.equal(detail.execution.id, id);
    assert.equal(detail.execution.liveMode, 'LIVE');
    assert.equal(detail.eventsTruncated, false);
    assert.equal(detail.events.length, detail.execution.eventCount);
    assert.ok(detail.events.every((event, i) => i === 0 || (event.ts ?? 0) >= (detail.events[i - 1]?.ts ?? 0)), 'events in time order');
    assert.deepEqual(detail.checkpoints, []);
    assert.deepEqual(detail.cycles, []);
  });

  it('shows the stream snapshots as written and a security state that got worse', async () => {
    const inspection = await opened;
    const detail = await inspection.call('getExecution', { id });
    const lines = observer();
    const pre = lines.find((line) => line['kind'] === 'execution_started')?.['security_snapshot'] as Json;
    const post = lines.find((line) => line['kind'] === 'execution_finished')?.['security_snapshot'] as Json;
    assert.deepEqual(detail.snapshots, { pre, post });
    const diff = await inspection.call('getSecurityDiff', { id });
    assert.equal(diff.stateChange.from, pre['security_state']);
    assert.equal(diff.stateChange.to, post['security_state']);
    const rank = (state: unknown): number => (SECURITY_STATES as readonly unknown[]).indexOf(state);
    assert.ok(rank(post['security_state']) > rank(pre['security_state']));
    assert.equal(diff.stateChange.direction, 'worse');
    const capabilities = diff.fields.find((field) => field.field === 'active_capabilities');
    assert.equal(capabilities?.change, 'changed');
  });

  it('reports the irreversible DROP TABLE, the undeclared grant and the step that never ran', async () => {
    const inspection = await opened;
    const report = await inspection.call('getSideEffectReport', { id });
    const detail = await inspection.call('getExecution', { id });
    assert.deepEqual(detail.sideEffects, report);
    const observedLines = observer().filter((line) => line['kind'] === 'side_effect');
    assert.equal(report.observed.length, observedLines.length);
    const irreversible = observedLines.filter((line) => line['reversible'] === false);
    assert.deepEqual(report.irreversible.map((effect) => effect.description), irreversible.map((line) => line['description']));
    assert.ok(report.irreversible.some((effect) => effect.description.startsWith('DROP TABLE')));
    // The plan and the document declare the same effects; each is counted once.
    const declared = plan()['declared_side_effects'] as Json[];
    assert.equal(report.declared.length, declared.length);
    const declaredKeys = new Set(declared.map((d) => `${String(d['step_index'])}|${String(d['category'])}|${String(d['description'])}`));
    const undeclared = observedLines.filter((line) => !declaredKeys.has(`${String(line['step_index'])}|${String(line['category'])}|${String(line['description'])}`));
    assert.deepEqual(report.undeclared.map((effect) => effect.description), undeclared.map((line) => line['description']));
    const ran = new Set(observer().filter((line) => line['kind'] === 'step_event').map((line) => line['step_index']));
    assert.deepEqual(
      report.unobserved.map((effect) => effect.stepIndex),
      declared.filter((d) => !ran.has(d['step_index'])).map((d) => d['step_index']),
    );
  });

  it('derives the rollback scaffold by the formats.md rules from the plan hints and the observed effects', async () => {
    const inspection = await opened;
    const view = await inspection.call('getRollbackScaffold', { id });
    const { scaffold } = view;
    const hints = plan()['rollback_hints'] as Json[];
    const hinted = new Set(hints.map((hint) => hint['step_index']));
    const lines = observer();
    const effects = lines.filter((line) => line['kind'] === 'side_effect');
    const completed = [...new Set(lines.filter((line) => line['kind'] === 'step_event' && line['event_type'] === 'COMPLETED').map((line) => line['step_index']))];
    const unhinted = completed.filter((step) => !hinted.has(step) && effects.some((e) => e['step_index'] === step && e['reversible'] !== false));
    const verdict = await inspection.call('verifyExecution', { id });
    const possible = hints.length > 0 && verdict.chain === 'intact' && unhinted.length === 0;
    assert.equal(scaffold.isRollbackPossible, possible);
    assert.equal(scaffold.reason === null, possible);
    assert.deepEqual(scaffold.irreversibleSteps, [...new Set(effects.filter((e) => e['reversible'] === false).map((e) => e['step_index']))].sort());
    assert.deepEqual(
      scaffold.hints.map((hint) => ({ step_index: hint.stepIndex, description: hint.description, actions: hint.actions, risks: hint.risks })),
      hints,
      'hints verbatim and in plan order',
    );
    const byLatestStep = [...hints].sort((a, b) => (b['step_index'] as number) - (a['step_index'] as number));
    assert.deepEqual(scaffold.manualSteps.map((step) => step.action), byLatestStep.flatMap((hint) => hint['actions'] as string[]));
    const codes = new Set(scaffold.warnings.map((warning) => warning.code));
    for (const code of ['irreversible_step', 'undeclared_side_effect', 'unobserved_side_effect', 'security_worse', 'live_run'] as const) {
      assert.ok(codes.has(code), `warning ${code}`);
    }
    assert.ok(!codes.has('chain_broken'));
    assert.equal(scaffold.executionId, id);
    assert.match(view.scaffoldHash, /^[0-9a-f]{64}$/);
    const again = await inspection.call('getRollbackScaffold', { id });
    assert.equal(again.scaffoldHash, view.scaffoldHash, 'the hash is stable while the folder is');
  });

  it('takes the hints of a plan written by another execution (the dry run shares the LIVE run plan)', async () => {
    const inspection = await opened;
    const { scaffold } = await inspection.call('getRollbackScaffold', { id: 'record:exec-drop-6' });
    assert.equal(scaffold.liveMode, 'DRY_RUN');
    assert.deepEqual(scaffold.hints.map((hint) => hint.description), (plan()['rollback_hints'] as Json[]).map((hint) => hint['description']));
    assert.ok(!scaffold.warnings.some((warning) => warning.code === 'live_run'));
  });

  it('fills the checkpoints of a Benson PAC and the cycles of an improvement run', async () => {
    const inspection = await opened;
    const pac = await inspection.call('getExecution', { id: 'benson:PAC-DAN-P53-01' });
    assert.ok(pac.checkpoints.length > 0);
    assert.ok(pac.checkpoints.some((checkpoint) => checkpoint.checkpointId === 'CP-03' && checkpoint.status === 'FAIL'));
    assert.deepEqual(pac.steps, []);
    assert.equal(pac.chain, null);
    assert.equal(pac.sideEffects, null);
    assert.deepEqual(pac.snapshots, { pre: null, post: null });

    const runId = 'cycle:2026-03-02T09-20-00Z/migrate-customers-schema';
    const run = await inspection.call('getExecution', { id: runId });
    const lines = jsonLines(join(folder, 'logs', 'telemetry', '2026-03-02T09-20-00Z', 'migrate-customers-schema.jsonl'));
    const cycles = [...new Set(lines.map((line) => line['cycle'] as number))].sort((a, b) => a - b);
    assert.deepEqual(run.cycles.map((cycle) => cycle.cycle), cycles);
    for (const cycle of run.cycles) {
      const ofCycle = lines.filter((line) => line['cycle'] === cycle.cycle);
      assert.equal(cycle.eventCount, ofCycle.length);
      const decisions = ofCycle.filter((line) => line['event'] === 'review.decision');
      assert.equal(cycle.decision, (decisions.at(-1)?.['payload'] as Json | undefined)?.['decision'] ?? null);
    }
    assert.equal(run.cycles.at(-1)?.decision, 'abort');
  });

  it('answers not_found for an execution the index does not have', async () => {
    const inspection = await opened;
    assert.equal((await inspection.fail('getExecution', { id: 'record:exec-drop-99' })).code, 'not_found');
    assert.equal((await inspection.fail('getTelemetrySummary', { id: 'benson:PAC-NOPE' })).code, 'not_found');
  });
});

describe('getTelemetrySummary', () => {
  it('equals a recount from the raw lines of every Benson PAC in a fixture folder', async () => {
    const folder = tempFolder('summary');
    const manifest = writeFixtureFolder(folder, { seed: 11 });
    const inspection = await openInspection(folder);
    // Recount as the spec says: CHECKPOINTs carry no pac_id and join the dispatch open in their file.
    const recount = new Map<string, { types: string[]; timestamps: (string | null)[] }>();
    for (const file of manifest.files.filter((f) => f.family === 'benson')) {
      let open: string | null = null;
      for (const line of jsonLines(join(folder, file.path))) {
        const data = (line['data'] ?? {}) as Json;
        const pac = typeof data['pac_id'] === 'string' ? data['pac_id'] : null;
        const type = String(line['event_type']);
        const key = pac ?? open;
        if (pac !== null && type === 'PAC_DISPATCH_START') open = pac;
        else if (pac !== null && type === 'PAC_DISPATCH_END' && open === pac) open = null;
        if (key === null) continue;
        const entry = recount.get(key) ?? { types: [], timestamps: [] };
        entry.types.push(type);
        entry.timestamps.push(typeof line['timestamp'] === 'string' ? line['timestamp'] : null);
        recount.set(key, entry);
      }
    }
    assert.deepEqual([...recount.keys()].sort(), [...manifest.expected.executionKeys.benson]);
    for (const [pac, entry] of recount) {
      const summary = await inspection.call('getTelemetrySummary', { id: `benson:${pac}` });
      assert.deepEqual(
        summary,
        { total_events: entry.types.length, event_types: [...new Set(entry.types)], first_event: entry.timestamps[0] ?? null, last_event: entry.timestamps.at(-1) ?? null },
        pac,
      );
    }
    const [record] = query<{ key: string }>(inspection.dbPath, "SELECT key FROM executions WHERE family = 'record' LIMIT 1");
    assert.equal((await inspection.fail('getTelemetrySummary', { id: `record:${record?.key}` })).code, 'not_applicable');
  });
});

describe('"broken at step event N" and the steps of a record', () => {
  const folder = tempFolder('broken-steps');
  const manifest = writeFixtureFolder(folder, { seed: 7 });
  const opened = openInspection(folder);

  it('numbers each step event as the chain verdict does, so the break names exactly one shown step event', async () => {
    const inspection = await opened;
    const broken = manifest.expected.records.filter((record) => record.chain === 'broken');
    assert.ok(broken.length >= 2, 'the generator breaks a stream and a document chain');
    for (const record of broken) {
      const verification = await inspection.call('verifyExecution', { id: record.executionId });
      assert.equal(verification.brokenAt, record.brokenAt, record.executionId);
      assert.ok(verification.brokenIn !== null, record.executionId);
      const detail = await inspection.call('getExecution', { id: record.executionId });
      const events = detail.steps.flatMap((step) => step.events);
      // Each shown source's step events are numbered 0..n-1 in emission order, once each.
      const positions = events.filter((event) => event.via === verification.brokenIn).map((event) => event.position).sort((a, b) => a - b);
      assert.deepEqual(positions, positions.map((_, index) => index), record.executionId);
      const named = events.filter((event) => event.via === verification.brokenIn && event.position === verification.brokenAt);
      assert.equal(named.length, 1, `${record.executionId}: the break names one step event`);
      // It is the line the chain problem points at.
      const problem = detail.problems.find((p) => p.code === 'record.chain_broken');
      assert.equal(problem?.eventId, named[0]?.eventId, record.executionId);
    }
  });
});
