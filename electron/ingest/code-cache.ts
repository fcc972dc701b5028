import nodeModule from 'node:module';
import { join } from 'node:path';
import { isInsideFolder } from '../index/index-location';
import { realPathForWriting } from '../index/index-placement';

/**
 * Where V8 keeps the workers' compiled code between runs: `code-cache` in the
 * app's data folder, beside the indexes. Undefined (compiled every time) when
 * that would be inside the evidence folder, links followed: a data folder
 * moved there (EXECUTION_INSPECTOR_DATA_DIR) with the index placed elsewhere
 * (`--db`) must still leave the folder unwritten.
 */
export function codeCacheDirFor(dataDir: string, evidenceFolder: string): string | undefined {
  const dir = join(dataDir, 'code-cache');
  try {
    return isInsideFolder(evidenceFolder, dir) || isInsideFolder(evidenceFolder, realPathForWriting(dir)) ? undefined : dir;
  } catch {
    // A link to nothing on the way: not a place to write.
    return undefined;
  }
}

/** The directory this thread's code cache was turned on with; handed on to the workers it starts. */
let enabledDir: string | undefined;

/**
 * Turns on Node's compile cache for this thread's later `require`s. Each worker
 * thread has its own loader, so each worker calls this first, before its other
 * imports. A reopen with nothing to read spends most of its time compiling the
 * family registry and zod; with the cache that is read back instead. The cache
 * is only ever an optimization: where Node lacks it (Node 20 runs the CLI
 * directly) or the folder cannot be used, the code is compiled as before.
 */
export function enableCodeCache(dir: string | undefined): void {
  if (dir === undefined || typeof nodeModule.enableCompileCache !== 'function') return;
  const result = nodeModule.enableCompileCache(dir);
  const { ENABLED, ALREADY_ENABLED } = nodeModule.constants.compileCacheStatus;
  if (result.status === ENABLED || result.status === ALREADY_ENABLED) enabledDir = dir;
}

/** The cache directory to pass on in a worker's data, when this thread has one. */
export function codeCacheDirOfThisThread(): string | undefined {
  return enabledDir;
}

/** What a worker's data carries for its code cache (see `worker-code-cache.ts`). */
export interface CodeCacheWorkerData {
  readonly codeCacheDir?: string;
}
