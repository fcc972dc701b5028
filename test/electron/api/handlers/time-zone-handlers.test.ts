import { strict as assert } from 'node:assert';
import { copyFileSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FolderInspector } from '../../../../electron/api/folder-inspector';
import { API, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../../shared/api/contract';
import { PRODUCER_SAMPLES } from '../../../support/producer-samples';
import { tempFolder } from '../../../support/temp-folder';

const ID = 'record:exec-fail-2';
const ZONED_LINE = '{"trace_id":"z-1","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-12-03T08:00:00.000Z"}\n';

async function call<M extends ApiMethod>(inspector: FolderInspector, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await inspector.service.call(method, request);
  if (!result.ok) assert.fail(`${method} failed: ${result.error.code} ${result.error.message}`);
  return API[method].response.parse(result.value) as ApiResponse<M>;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function evidence(): string {
  const folder = realpathSync(tempFolder('tz-api-evidence'));
  copyFileSync(join(PRODUCER_SAMPLES, 'executions', 'exec-fail-2.json'), join(folder, 'exec-fail-2.json'));
  writeFileSync(join(folder, 'zoned.jsonl'), ZONED_LINE);
  return folder;
}

describe('getTimeZones and setTimeZone', () => {
  it('set for the folder, re-derive the record live, survive a restart, name files by source id, and never write in the evidence folder', { timeout: 60_000 }, async () => {
    const folder = evidence();
    const before = readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]);
    const dataDir = realpathSync(tempFolder('tz-api-data'));
    const dbPath = join(tempFolder('tz-api-db'), 'index.sqlite');
    const inspector = await FolderInspector.open({ folder, dbPath, dataDir, watch: true });
    try {
      await inspector.initialScan();
      // While a source is read again its execution is briefly absent (taken back, then read): that reads as null here.
      const start = async (): Promise<number | null> => {
        const result = await inspector.service.call('getExecution', { id: ID });
        return result.ok ? API.getExecution.response.parse(result.value).execution.startMs : null;
      };
      assert.equal(await start(), Date.UTC(2026, 11, 3, 13, 25, 33, 783));
      assert.deepEqual(await call(inspector, 'getTimeZones', {}), { folderZone: null, files: [] });

      const set = await call(inspector, 'setTimeZone', { zone: 'Asia/Kolkata' });
      assert.deepEqual(set, { folderZone: 'Asia/Kolkata', files: [], rederiving: true });
      await until('the record is read in Asia/Kolkata', async () => (await start()) === Date.UTC(2026, 11, 3, 7, 55, 33, 783));
      const problems = await call(inspector, 'listProblems', { codes: ['time.no_zone'] });
      assert.equal(problems.items.length, 1);
      assert.match(problems.items[0]?.message ?? '', /read as Asia\/Kolkata \(set by the reviewer\)/);

      const sources = (await call(inspector, 'listSources', {})).items;
      const record = sources.find((source) => source.path === 'exec-fail-2.json');
      assert.deepEqual(record?.naiveTimes, { zone: 'Asia/Kolkata' });
      assert.equal(sources.find((source) => source.path === 'zoned.jsonl')?.naiveTimes, null, 'a file with zoned times only has none');
      const events = await call(inspector, 'listEvents', { families: ['exec-event'] });
      assert.deepEqual(events.items.map((event) => event.ts), [Date.UTC(2026, 11, 3, 8, 0, 0, 0)]);

      const byFile = await call(inspector, 'setTimeZone', { sourceId: record?.id, zone: 'America/New_York' });
      assert.deepEqual(byFile.files, [{ sourceId: record?.id, path: 'exec-fail-2.json', zone: 'America/New_York' }]);
      await until('the file zone wins over the folder zone', async () => (await start()) === Date.UTC(2026, 11, 3, 18, 25, 33, 783));
      const report = await call(inspector, 'exportReport', { id: ID, format: 'md' });
      assert.match(report.content, /\| exec-fail-2\.json \|.*\| read as America\/New\\_York \(set by the reviewer\) \|/, "the report says how the cited file's times were read");
    } finally {
      await inspector.close();
    }

    // A restart: the settings come back from the data folder and the index, read with them, is not read again.
    const again = await FolderInspector.open({ folder, dbPath, dataDir, watch: false });
    try {
      await again.initialScan();
      assert.equal((await call(again, 'getExecution', { id: ID })).execution.startMs, Date.UTC(2026, 11, 3, 18, 25, 33, 783));
      const zones = await call(again, 'getTimeZones', {});
      assert.equal(zones.folderZone, 'Asia/Kolkata');
      assert.deepEqual(zones.files.map((file) => [file.path, file.zone]), [['exec-fail-2.json', 'America/New_York']]);
      const cleared = await call(again, 'setTimeZone', { zone: null });
      assert.equal(cleared.rederiving, false, 'a one-shot index only saves it; the next open reads with it');
      assert.equal(cleared.folderZone, null);
    } finally {
      await again.close();
    }
    assert.deepEqual(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]), before, 'the evidence folder is unchanged');
    assert.deepEqual(readdirSync(join(dataDir, 'time-zones')).length, 1);
  });

  it('refuses unknown zone names, offsets and paths with a typed error, and an unknown source id as not_found', async () => {
    const folder = evidence();
    const dataDir = tempFolder('tz-api-data');
    const inspector = await FolderInspector.open({ folder, dbPath: join(tempFolder('tz-api-db'), 'index.sqlite'), dataDir, watch: false });
    try {
      await inspector.initialScan();
      for (const request of [{ zone: 'Mars/Olympus' }, { zone: '+05:30' }, { zone: '' }, { sourceId: 'exec-fail-2.json', zone: 'UTC' }, { path: 'exec-fail-2.json', zone: 'UTC' }, {}]) {
        const result = await inspector.service.call('setTimeZone', request);
        assert.equal(result.ok ? 'ok' : result.error.code, 'invalid_request', JSON.stringify(request));
      }
      const missing = await inspector.service.call('setTimeZone', { sourceId: 9999, zone: 'UTC' });
      assert.equal(missing.ok ? 'ok' : missing.error.code, 'not_found');
      assert.deepEqual(await call(inspector, 'getTimeZones', {}), { folderZone: null, files: [] }, 'nothing was saved');
      assert.deepEqual(readdirSync(dataDir).includes('time-zones'), false);
    } finally {
      await inspector.close();
    }
  });
});
