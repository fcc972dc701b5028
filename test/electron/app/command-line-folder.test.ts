import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { folderFromArgv } from '../../../electron/app/command-line-folder';

describe('folder named on the command line', () => {
  it('skips the executable (and the app path when unpackaged) and Chromium switches; the last plain argument wins', () => {
    assert.equal(folderFromArgv(['/usr/bin/execution-inspector-app', '/evidence/run-7'], '/home/me', true), '/evidence/run-7');
    assert.equal(folderFromArgv(['/usr/bin/execution-inspector-app', '--enable-logging', 'logs', '--no-sandbox=x'], '/home/me', true), '/home/me/logs');
    assert.equal(folderFromArgv(['electron', '.', '../evidence'], '/work/repo', false), '/work/evidence');
  });

  it('is null when no folder is named', () => {
    assert.equal(folderFromArgv(['electron', '.'], '/work', false), null);
    assert.equal(folderFromArgv(['/usr/bin/execution-inspector-app'], '/work', true), null);
    assert.equal(folderFromArgv(['/usr/bin/execution-inspector-app', '--original-process-start-time=1', ''], '/work', true), null);
  });
});
