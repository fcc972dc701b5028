import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** index-child's line: times from the start of the worker, to its end and to each phase. */
export interface ChildResult {
  readonly ms: number;
  readonly queryableMs: number;
  readonly searchableMs: number;
  /** False when the worker announced no search phase (no `searchable` or `enriched`): search is then timed at its end. */
  readonly searchAnnounced: boolean;
  readonly cpuMs: number;
  readonly events: number;
  readonly bytes: number;
  readonly maxRssMb: number;
  readonly maxFds: number;
}

/** Indexes a folder in a process of its own (index-child), so that its peak RSS and descriptors are the indexing's alone. */
export function indexInChild(folder: string, dbPath: string): ChildResult {
  const result = spawnSync(process.execPath, [join(__dirname, 'index-child.js'), folder, dbPath], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`indexing failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}
