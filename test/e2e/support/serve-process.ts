import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { apiResultSchema } from '../../../shared/api/api-result';
import { API, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';

const root = join(__dirname, '..', '..', '..', '..');

/** `execution-inspector serve` running as a child process, as a user starts it. */
export interface ServeProcess {
  /** The URL it printed, token included. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** The app data folder (index, acknowledgements), never inside the evidence folder. */
  readonly dataDir: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Calls one API method over HTTP, as the browser bridge does, and parses the answer against the contract. */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  /** Calls `method` and returns the failure, for tests that expect one. */
  callRaw(method: ApiMethod, request: unknown): Promise<unknown>;
  /** Stops the server (SIGTERM) and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts `node dist/electron/cli/main.js serve <folder> --port 0` with its own
 * data folder, and resolves once it printed its URL.
 */
export async function startServe(folder: string, options: { readonly timeoutMs?: number } = {}): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ei-e2e-data-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(root, 'dist', 'electron', 'cli', 'main.js'), 'serve', folder, '--port', '0'], {
    cwd: root,
    env: { ...process.env, EXECUTION_INSPECTOR_DATA_DIR: dataDir },
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL within ${options.timeoutMs ?? 30_000} ms; stderr: ${stderr}`)), options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^Serving .+ at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL; stderr: ${stderr}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const callRaw = async (method: ApiMethod, request: unknown): Promise<unknown> => {
    const answer = await fetch(`${parsed.origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await answer.json()) as unknown;
  };
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    stderr: () => stderr,
    callRaw,
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      const result = apiResultSchema(API[method].response as z.ZodType).parse(await callRaw(method, request));
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value as ApiResponse<M>;
    },
    async stop(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `summary` until the first scan is done (phase watching or done). */
/** Polls the summary until the enrichment after the scan is done too: full-text search covers every event. */
export async function waitForSearchable(serve: ServeProcess, timeoutMs: number): Promise<ApiResponse<'summary'>> {
  const deadline = Date.now() + timeoutMs;
  await waitForIndexed(serve, timeoutMs);
  for (;;) {
    const summary = await serve.call('summary', {});
    if (summary.progress.enrichment === null) return summary;
    if (Date.now() > deadline) throw new Error(`search not ready within ${timeoutMs} ms: ${JSON.stringify(summary.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function waitForIndexed(serve: ServeProcess, timeoutMs: number): Promise<ApiResponse<'summary'>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const summary = await serve.call('summary', {});
    if (summary.progress.phase === 'watching' || summary.progress.phase === 'done') return summary;
    if (summary.progress.phase === 'failed') throw new Error(`indexing failed: ${summary.progress.message ?? ''}`);
    if (Date.now() > deadline) throw new Error(`not indexed within ${timeoutMs} ms: ${JSON.stringify(summary.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
