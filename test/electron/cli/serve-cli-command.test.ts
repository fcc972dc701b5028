import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { apiResultSchema } from '../../../shared/api/api-result';
import { API } from '../../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/bridge/security-headers';
import { CLI, runCli } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';
import { execLine } from '../bridge/serve-harness';

const SERVING = /^Serving (.+) at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{22,})\n$/;

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly line: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns `serve` and resolves with its first stdout line. */
async function serve(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env: { ...process.env, EXECUTION_INSPECTOR_DATA_DIR: tempFolder('serve-cli-data') } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line from serve within 10 s; stderr: ${stderr}`)), 10_000);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const end = stdout.indexOf('\n');
      if (end !== -1) {
        clearTimeout(timer);
        resolve(stdout.slice(0, end + 1));
      }
    });
    void exited.then(({ code }) => reject(new Error(`serve exited with ${code} before printing; stderr: ${stderr}`)));
  });
  return { child, line, stdout: () => stdout, stderr: () => stderr, exited };
}

describe('CLI serve', () => {
  it('prints one line with the URL and token, answers the API with it, and exits 0 on SIGTERM', async () => {
    const folder = realpathSync(tempFolder('serve-cli'));
    writeFileSync(join(folder, 'exec.jsonl'), execLine('cli-0'));
    const served = await serve([folder, '--port', '0']);
    try {
      const match = SERVING.exec(served.line);
      assert.ok(match, served.line);
      const [, printedFolder, port, token] = match;
      assert.equal(printedFolder, folder);
      const origin = `http://127.0.0.1:${port}`;
      const answer = await fetch(`${origin}/api/summary`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      const parsed = apiResultSchema(API.summary.response).parse(await answer.json());
      assert.ok(answer.status === 200 || !parsed.ok, `HTTP ${answer.status}`);
      assert.equal((await fetch(`${origin}/api/summary`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, 401);
      const page = await fetch(`${origin}/`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    } finally {
      served.child.kill('SIGTERM');
    }
    assert.deepEqual(await served.exited, { code: 0, signal: null });
    assert.equal(served.stdout(), served.line, 'nothing but the one line on stdout');
  });

  it('exits 0 on SIGINT too', async () => {
    const folder = realpathSync(tempFolder('serve-cli-int'));
    writeFileSync(join(folder, 'exec.jsonl'), execLine('cli-1'));
    const served = await serve([folder, '--port', '0']);
    assert.match(served.line, SERVING);
    served.child.kill('SIGINT');
    assert.deepEqual(await served.exited, { code: 0, signal: null });
  });

  it('exits 2 for a bad port, two folders or a missing folder', () => {
    const dataDir = tempFolder('serve-cli-usage');
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['a', 'b'], ['/nonexistent/evidence']]) {
      const result = runCli(['serve', ...args], { dataDir, timeoutMs: 10_000 });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stdout, '');
    }
  });
});
