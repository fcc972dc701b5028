import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writeDemoFolder } from '../fixtures/demo-folder';
import { listFiles } from './naive-recount';

// dist/test/fixtures-check/ -> the committed build/demo of the repository.
const committed = join(__dirname, '..', '..', '..', 'build', 'demo');

describe('bundled demo folder', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'demo-folder-'));
  const manifest = writeDemoFolder(fresh);
  after(() => rmSync(fresh, { recursive: true, force: true }));

  it('is committed exactly as writeDemoFolder writes it (run write-demo after changing the generator)', () => {
    const files = listFiles(fresh);
    assert.deepEqual(listFiles(committed), files);
    for (const file of files) assert.ok(readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))), `build/demo/${file} drifted from the generator`);
  });

  it('stays commit-sized', () => {
    const bytes = listFiles(fresh).reduce((sum, file) => sum + statSync(join(fresh, file)).size, 0);
    assert.ok(bytes < 200 * 1024, `${bytes} bytes`);
  });

  it('tells the incident with all five families, and no contract problem but what the real producers always cause', () => {
    // workflow-executor logs `started` before each adapter call; hearth writes naive times (once per file).
    assert.deepEqual([...new Set(manifest.expected.problems.map((problem) => problem.code))].sort(), ['exec.started_event', 'time.no_zone']);
    assert.deepEqual(manifest.expected.problems.filter((problem) => problem.code === 'time.no_zone').map((problem) => problem.file), ['records/executions/exec-cleanup-9.json']);
    for (const family of ['exec-event', 'benson', 'cycle', 'stream', 'record'] as const) assert.ok(manifest.expected.executions[family] > 0, family);
    const drop = manifest.expected.records.find((record) => record.executionId === 'record:exec-drop-7');
    assert.deepEqual(drop && { chain: drop.chain, status: drop.status, hasPlan: drop.hasPlan }, { chain: 'intact', status: 'COMPLETED_PARTIAL', hasPlan: true });
    assert.ok(manifest.expected.executionKeys.benson.includes('PAC-DAN-P53-01'));
    assert.ok(manifest.expected.executionKeys.stream.includes('m-42'));
    assert.ok(manifest.expected.executionKeys['exec-event'].includes('untraced/crm'));
    assert.ok(manifest.files.some((file) => file.path.endsWith('.gz')));
    assert.ok(manifest.files.some((file) => file.path === 'logs/app/agent-runner.log' && file.family === 'generic'), 'the plain-text log is read as text');
    assert.ok(manifest.files.some((file) => file.path.endsWith('.png') && file.family === 'skipped'));
    assert.ok(manifest.expected.executionKeys.record.includes('exec-cleanup-9'), "hearth's saved record beside the spec's");
    assert.ok(manifest.expected.executionKeys['exec-event'].includes('wf-102'), "workflow-executor's logging lines");
    assert.ok(manifest.expected.executionKeys.benson.includes('PAC-ATLAS-P54-02'), "ChainBridge's stdout on the dispatch path");
  });

  it('records the dropped table as an irreversible data mutation and a worse security state', () => {
    const document = JSON.parse(readFileSync(join(fresh, 'records', 'executions', 'exec-drop-7.json'), 'utf8')) as Record<string, unknown>;
    const observed = (document['side_effects_report'] as { observed: { category: string; description: string; reversible: boolean }[] }).observed;
    assert.ok(observed.some((effect) => effect.category === 'DATA_MUTATION' && effect.description === 'DROP TABLE customers' && !effect.reversible));
    assert.equal((document['security_snapshot_pre'] as Record<string, unknown>)['security_state'], 'NORMAL');
    assert.equal((document['security_snapshot_post'] as Record<string, unknown>)['security_state'], 'DEGRADED');
    assert.equal(document['live_mode_state'], 'LIVE');
  });
});
