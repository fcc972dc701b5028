import { z } from 'zod';
import { baselineSchema, type Baseline, type BaselineScope } from '../../shared/model/comparison';
import { scopeKey } from './compare/baseline-scope';
import { dataFolderFile, readDataFolderJson, writeDataFolderJson } from './data-folder-json';

/** The file's shape; the folder's path is kept so a person reading the data folder knows which folder it is. */
const storedSchema = z.object({ folder: z.string(), baselines: z.array(z.unknown()) });

/**
 * The known-good executions a reviewer marked for one evidence folder, at most
 * one per scope (a plan, an action type, …), in the app's own data folder
 * (`baselines/`, keyed like the index by the folder's real path), never in the
 * evidence folder. One small JSON file replaced whole through a rename, 0600 in
 * a 0700 folder. Read again on every use, so a baseline the CLI marks shows in
 * the open app.
 */
export class BaselineStore {
  /** This folder's baselines file. */
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly folder: string,
    private readonly now: () => Date,
  ) {
    this.file = dataFolderFile(dataDir, 'baselines', folder);
  }

  /** Every baseline, in the order marked; entries that are not baselines (a hand-edited file) are skipped. */
  list(): readonly Baseline[] {
    const parsed = storedSchema.safeParse(readDataFolderJson(this.file));
    if (!parsed.success || parsed.data.folder !== this.folder) return [];
    const baselines: Baseline[] = [];
    for (const entry of parsed.data.baselines) {
      const baseline = baselineSchema.safeParse(entry);
      if (baseline.success) baselines.push(baseline.data);
    }
    return baselines;
  }

  /** The baseline of a scope, or null. */
  of(scope: BaselineScope): Baseline | null {
    const key = scopeKey(scope);
    return this.list().find((baseline) => scopeKey(baseline.scope) === key) ?? null;
  }

  /** Marks an execution as the known-good run of its scope, replacing the scope's previous baseline. */
  mark(scope: BaselineScope, executionId: string, note: string | null): Baseline {
    const baseline: Baseline = { scope, executionId, markedAt: this.now().toISOString(), note };
    const key = scopeKey(scope);
    this.write([...this.list().filter((existing) => scopeKey(existing.scope) !== key), baseline]);
    return baseline;
  }

  /** Removes a scope's baseline; returns the one removed, or null when there was none. */
  clear(scope: BaselineScope): Baseline | null {
    const key = scopeKey(scope);
    const current = this.list();
    const removed = current.find((baseline) => scopeKey(baseline.scope) === key) ?? null;
    if (removed !== null) this.write(current.filter((baseline) => baseline !== removed));
    return removed;
  }

  private write(baselines: readonly Baseline[]): void {
    writeDataFolderJson(this.folder, this.file, { folder: this.folder, baselines }, 'baselines');
  }
}
