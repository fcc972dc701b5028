import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { API } from '../../../shared/api/contract';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

const ID = 'record:exec-fail-2';

/** A folder with the real hearth record, in a subfolder so file zones name a relative path. */
function evidence(): string {
  const folder = realpathSync(tempFolder('tz-cli-evidence'));
  mkdirSync(join(folder, 'executions'));
  copyFileSync(join(PRODUCER_SAMPLES, 'executions', 'exec-fail-2.json'), join(folder, 'executions', 'exec-fail-2.json'));
  return folder;
}

describe('CLI --time-zone and --file-time-zone', () => {
  const dataDir = tempFolder('tz-cli-data');
  const run = (args: readonly string[]): CliRun => runCli(args, { dataDir });
  const startOf = (folder: string, extra: readonly string[] = []): number | null => {
    const result = run(['call', 'getExecution', JSON.stringify({ id: ID }), '--folder', folder, ...extra]);
    assert.equal(result.code, 0, result.stderr);
    return API.getExecution.response.parse(JSON.parse(result.stdout)).execution.startMs;
  };

  it('index, call and report read with the zone set by a flag; it is saved, so the next command keeps it; none clears it', () => {
    const folder = evidence();
    assert.equal(run(['index', folder, '--json', '--time-zone', 'Asia/Kolkata']).code, 0);
    assert.equal(startOf(folder), Date.UTC(2026, 11, 3, 7, 55, 33, 783), 'call, with no flag, uses the saved zone');
    assert.equal(startOf(folder, ['--file-time-zone', 'executions/exec-fail-2.json=America/New_York']), Date.UTC(2026, 11, 3, 18, 25, 33, 783));
    const zones = run(['call', 'getTimeZones', '--folder', folder]);
    assert.deepEqual(JSON.parse(zones.stdout), { folderZone: 'Asia/Kolkata', files: [{ sourceId: 1, path: 'executions/exec-fail-2.json', zone: 'America/New_York' }] });
    const report = run(['report', folder, '--execution', ID, '--format', 'html', '--file-time-zone', './executions/exec-fail-2.json=none']);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /<td>read as Asia\/Kolkata \(set by the reviewer\)<\/td>/);
    assert.equal(startOf(folder, ['--time-zone', 'none']), Date.UTC(2026, 11, 3, 13, 25, 33, 783));
    const verify = run(['verify', folder, '--json', '--time-zone', 'UTC']);
    assert.equal(verify.code, 0, 'a zone changes times, never a hash verdict');
    assert.match(verify.stdout, /"executionHash":"match"/);
    assert.deepEqual(readdirSync(folder), ['executions']);
    assert.deepEqual(readdirSync(join(folder, 'executions')), ['exec-fail-2.json']);
    assert.deepEqual(readFileSync(join(folder, 'executions', 'exec-fail-2.json')), readFileSync(join(PRODUCER_SAMPLES, 'executions', 'exec-fail-2.json')));
  });

  it('refuses an unknown zone, a malformed file flag and a path outside the folder with exit 2, saving nothing', () => {
    const folder = evidence();
    const data = tempFolder('tz-cli-data-bad');
    const bad = (args: readonly string[]): string => {
      const result = runCli(args, { dataDir: data });
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
      return result.stderr;
    };
    assert.match(bad(['index', folder, '--time-zone', 'Mars/Olympus']), /--time-zone: "Mars\/Olympus" is not a known IANA time zone name/);
    assert.match(bad(['verify', folder, '--file-time-zone', 'executions/exec-fail-2.json']), /takes PATH=ZONE/);
    assert.match(bad(['call', 'summary', '--folder', folder, '--file-time-zone', '../outside.json=UTC']), /not a path relative to the folder/);
    assert.match(bad(['serve', folder, '--file-time-zone', `${folder}/x.json=UTC`]), /not a path relative to the folder/);
    assert.deepEqual(readdirSync(data).includes('time-zones'), false);
  });
});
