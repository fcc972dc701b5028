import { resolve } from 'node:path';

/**
 * The folder named on a command line (`execution-inspector-app <folder>`),
 * resolved against the directory it was typed in; null when none is named.
 * Electron puts the executable first and, unpackaged, the app path second;
 * Chromium may add --switches anywhere, so options are skipped and the last
 * plain argument wins.
 */
export function folderFromArgv(argv: readonly string[], workingDirectory: string, isPackaged: boolean): string | null {
  const plain = argv.slice(isPackaged ? 1 : 2).filter((arg) => arg !== '' && !arg.startsWith('-'));
  const last = plain.at(-1);
  return last === undefined ? null : resolve(workingDirectory, last);
}
