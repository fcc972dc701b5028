import { spawn } from 'node:child_process';
import { CLI } from './run-cli';

/**
 * Starts the CLI's `index` in a child process and SIGKILLs it after `delayMs`, or
 * as soon as `when` (polled every few milliseconds) holds, or lets it finish
 * first; `env` is added to the child's environment. `stderr` is what the CLI
 * said (a rebuilt index's reason).
 */
export function indexAndKill(
  folder: string,
  dbPath: string,
  when: number | (() => boolean),
  env: NodeJS.ProcessEnv = {},
): Promise<{ outcome: 'killed' | 'finished'; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'index', folder, '--db', dbPath, '--json'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const kill = (): boolean => child.kill('SIGKILL');
    const timer = typeof when === 'number' ? setTimeout(kill, when) : setInterval(() => void (when() && kill()), 5);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve({ outcome: 'killed', stderr });
      else if (code === 0) resolve({ outcome: 'finished', stderr });
      else reject(new Error(`index exited with ${code}: ${stderr}`));
    });
  });
}
