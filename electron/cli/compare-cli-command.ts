import { writeFileSync } from 'node:fs';
import { API } from '../../shared/api/contract';
import type { Comparison } from '../../shared/model/comparison';
import { FolderInspector } from '../api/folder-inspector';
import { singleFolderHost } from '../api/host-handlers';
import { defaultDataDir } from '../index/index-location';
import type { CliCommand } from './cli-command';
import { parseCommandArgs } from './parse-command-args';
import { outputPath } from './report-cli-command';
import { resolveFolderTarget } from './resolve-folder';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';
import { UsageError } from './usage-error';

const FORMATS = ['md', 'html', 'json'] as const;

/** The exit code when the two runs diverge, so a script can gate on "did this run do what the good one did". */
export const DIVERGED_EXIT_CODE = 1;

/**
 * `compare <a> <b> --folder F [--json] [--report md|html|json [--out FILE]]`, or
 * `compare <b> --baseline --folder F` against the baseline of b's scope: indexes
 * the folder once and compares the two executions. Exit code 0 when they did the
 * same, 1 when they diverge, 2 on bad usage or an unknown execution.
 */
export const compareCliCommand: CliCommand = {
  name: 'compare',
  usage: `compare <a> <b> | <b> --baseline  --folder F [--db FILE] [--json] [--report md|html|json [--out FILE]] ${TIME_ZONE_USAGE}  compare two executions (exit 1 when they diverge)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseCommandArgs(args, {
      folder: { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
      baseline: { type: 'boolean' },
      report: { type: 'string' },
      out: { type: 'string' },
      ...TIME_ZONE_OPTIONS,
    });
    const againstBaseline = values.baseline === true;
    if (againstBaseline ? positionals.length !== 1 : positionals.length !== 2) {
      throw new UsageError(againstBaseline ? 'compare --baseline takes one execution' : 'compare takes two executions (<family>:<key>), or one with --baseline');
    }
    const format = values.report;
    if (format !== undefined && !(FORMATS as readonly unknown[]).includes(format)) throw new UsageError(`--report must be one of ${FORMATS.join(', ')}`);
    if (values.out !== undefined && format === undefined) throw new UsageError('--out needs --report');
    if (format !== undefined && values.json === true) throw new UsageError('--json and --report cannot be combined');
    const target = resolveFolderTarget(values.folder as string | undefined, values.db as string | undefined);
    const outPath = typeof values.out === 'string' ? outputPath(target.folder, values.out) : null;
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const host = singleFolderHost('compare answers for the one folder it is given');
    const inspector = await FolderInspector.open({ folder: target.folder, dbPath: target.dbPath, dataDir: defaultDataDir(), watch: false, host });
    try {
      await inspector.initialScan();
      const call = async <T>(method: Parameters<typeof inspector.service.call>[0], request: unknown, parse: (value: unknown) => T): Promise<T> => {
        const result = await inspector.service.call(method, request);
        if (result.ok) return parse(result.value);
        if (result.error.code === 'invalid_request' || result.error.code === 'not_found' || result.error.code === 'not_applicable') throw new UsageError(result.error.message);
        throw new Error(result.error.message);
      };
      const [first, second] = positionals as [string, string | undefined];
      let a = first;
      let b = second ?? first;
      if (againstBaseline) {
        const verdicts = await call('getBaselineVerdicts', { ids: [first] }, (value) => API.getBaselineVerdicts.response.parse(value));
        const baselineId = verdicts.items[0]?.baselineId ?? null;
        if (baselineId === null) throw new UsageError(`no baseline is marked for the group of ${first}; mark one with setBaseline (or in the app)`);
        a = baselineId;
        b = first;
      }
      const comparison = await call('compareExecutions', { a, b }, (value) => API.compareExecutions.response.parse(value));
      if (format !== undefined) {
        const report = await call('exportComparisonReport', { a, b, format }, (value) => API.exportComparisonReport.response.parse(value));
        if (outPath === null) out.write(report.content);
        else {
          writeFileSync(outPath, report.content, 'utf8');
          err.write(`execution-inspector: wrote ${outPath}\n`);
        }
      } else {
        out.write(values.json === true ? `${JSON.stringify(comparison)}\n` : `${formatComparison(comparison)}\n`);
      }
      return comparison.firstDivergence === null ? 0 : DIVERGED_EXIT_CODE;
    } finally {
      await inspector.close();
    }
  },
};

/** The readable summary printed without --json: the verdict, the counts, the first divergence and its evidence lines. */
export function formatComparison(c: Comparison): string {
  const lines = [
    `Compared ${c.a.id} (A) with ${c.b.id} (B), steps aligned by ${c.alignedBy}`,
    `  ${c.steps.length} steps: ${c.counts.aligned} aligned (${c.counts.different} different), ${c.counts.onlyInA} only in A, ${c.counts.onlyInB} only in B`,
  ];
  if (c.truncated) lines.push('  a run had more events than a comparison reads: only its first events were compared');
  const point = c.firstDivergence;
  if (point === null) {
    lines.push('Result: the runs did the same');
    return lines.join('\n');
  }
  lines.push(`Result: they diverge at ${point.label}: ${point.reasons.join('; ')}`);
  for (const [run, evidence] of [['A', c.evidence.a], ['B', c.evidence.b]] as const) {
    for (const line of evidence) lines.push(`  ${run} ${line.path}:${line.line}  ${line.raw.length > 160 ? `${line.raw.slice(0, 160)}…` : line.raw}`);
  }
  return lines.join('\n');
}
