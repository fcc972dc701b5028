import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandlers } from '../../electron/api/create-handlers';
import { InspectorService } from '../../electron/api/inspector-service';
import { openIndexReadOnly } from '../../electron/index/open-index';
import { ExecutionFacts } from '../../electron/index/queries/execution-facts';
import { parseExecutionId } from '../../shared/model/execution-id';
import { API } from '../../shared/api/contract';
import { writeDivergentRunsFolder, type DivergentRuns } from '../fixtures/write-divergent-runs';
import { indexOnce } from '../support/index-folder';
import { parseFiles } from './parse-baseline';
import { staticHandlerContext } from '../support/static-handler-context';

// `npm run bench:compare`: two record executions of 30,000 steps each (60,000 step events), compared through the API.
// The folder and its index are kept in the temp folder and reused by later runs (`-- --fresh` writes them again).
const { values } = parseArgs({ options: { steps: { type: 'string', default: '30000' }, runs: { type: 'string', default: '5' }, fresh: { type: 'boolean', default: false } } });
const steps = Number(values.steps);
const runs = Number(values.runs);

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main(): Promise<void> {
  const work = join(tmpdir(), `ei-compare-bench-${steps}`);
  const marker = join(work, 'runs.json');
  const folder = join(work, 'folder');
  const dataDir = join(work, 'data');
  const divergesAt = steps - 10;
  let dbPath = join(work, 'index.sqlite');
  if (values.fresh === true || !existsSync(marker)) {
    rmSync(work, { recursive: true, force: true });
    let t = performance.now();
    const runs = writeDivergentRunsFolder(folder, { seed: 7, recordSteps: steps, recordDivergesAt: divergesAt });
    console.log(`corpus: 3 record runs of ${fmt(steps)} steps in ${fmt(performance.now() - t)} ms`);
    t = performance.now();
    dbPath = await indexOnce(folder, dbPath);
    console.log(`index: ${fmt(performance.now() - t)} ms`);
    writeFileSync(marker, JSON.stringify(runs));
  } else {
    // A kept index is brought up to date first (schema migrations included): nothing to read, so it costs a scan.
    dbPath = await indexOnce(folder, dbPath);
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const records = (JSON.parse(readFileSync(marker, 'utf8')) as DivergentRuns[]).find((run) => run.family === 'record');
  if (records === undefined) throw new Error('no record runs written');
  console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on this machine while measuring`);
  const db = openIndexReadOnly(dbPath);
  // The yardstick, measured in this run: reading and JSON.parse-ing every line of the two runs' files, nothing else.
  const facts = new ExecutionFacts(db);
  const files = [records.good, records.diverging].flatMap((id) => {
    const parsed = parseExecutionId(id);
    const execution = parsed === null ? null : facts.find(parsed.family, parsed.key);
    if (execution === null) throw new Error(`${id} is not in the index`);
    return facts.sourcesOf(execution).map((source) => join(folder, source.path));
  });
  const yardstick = () => [parseFiles(files), parseFiles(files), parseFiles(files)].sort((a, b) => a.ms - b.ms)[1]!;
  const before = yardstick();
  // A new service per measurement: nothing assembled by an earlier call is kept, so each first call is cold.
  const freshService = (): InspectorService => new InspectorService(createHandlers(staticHandlerContext({ db, folder, dataDir })));
  let service = freshService();
  // Wall time, and the CPU time this process spent: on a machine shared with other work the first waits for the CPU, the second does not.
  const timed = async (method: 'compareExecutions' | 'getBaselineVerdicts', request: unknown): Promise<{ ms: number; cpuMs: number; value: unknown }> => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await service.call(method, request);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return { ms, cpuMs: (used.user + used.system) / 1000, value: result.value };
  };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let divergence = '';
  let again = 0;
  for (let run = 0; run < runs; run += 1) {
    service = freshService();
    const { ms, cpuMs, value } = await timed('compareExecutions', { a: records.good, b: records.diverging });
    again = (await timed('compareExecutions', { a: records.good, b: records.diverging })).ms;
    const comparison = API.compareExecutions.response.parse(value);
    if (comparison.firstDivergence?.position !== divergesAt) throw new Error(`expected the divergence at ${divergesAt}, got ${JSON.stringify(comparison.firstDivergence)}`);
    if (comparison.steps.length !== steps) throw new Error(`expected ${steps} aligned steps, got ${comparison.steps.length}`);
    divergence = comparison.firstDivergence.label;
    times.push(ms);
    cpuTimes.push(cpuMs);
  }
  const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const after = yardstick();
  const baselineMs = median([before.ms, after.ms]);
  console.log(
    `baseline: read + JSON.parse of the two runs' ${fmt(files.length)} files (${fmt(before.lines)} lines, ${fmt(before.bytes / 1e6, 1)} MB), median of 3, before / after the comparisons: ${fmt(before.ms)} / ${fmt(after.ms)} ms`,
  );
  console.log(
    `compareExecutions, 2 × ${fmt(steps)} steps, cold: median of ${runs} ${fmt(median(times))} ms wall (${times.map((ms) => fmt(ms)).join(', ')}), ${fmt(median(cpuTimes))} ms CPU (diverge at ${divergence}) — target under 1,000 ms; ${fmt(median(times) / baselineMs, 2)}× the baseline; again with the runs kept: ${fmt(again)} ms`,
  );
  service = freshService();
  await service.call('setBaseline', { id: records.good });
  const cold = await timed('getBaselineVerdicts', { ids: [records.same, records.diverging] });
  const warm = await timed('getBaselineVerdicts', { ids: [records.same, records.diverging] });
  console.log(`getBaselineVerdicts, 2 runs against a ${fmt(steps)}-step baseline: ${fmt(cold.ms)} ms wall, ${fmt(cold.cpuMs)} ms CPU; again (cached) ${fmt(warm.ms, 1)} ms`);
  console.log(`load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} after measuring`);
  db.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
