import { resolve } from 'node:path';

/**
 * The bundled demo folder in the repository layout (build/demo), opened when no
 * folder is named. Here rather than in cli/ because the app falls back to it too,
 * and the app never imports the CLI.
 */
export function demoFolder(): string {
  return resolve(__dirname, '..', '..', '..', 'build', 'demo');
}
