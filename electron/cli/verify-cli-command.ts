import type Database from 'better-sqlite3';
import { API } from '../../shared/api/contract';
import { formatExecutionId } from '../../shared/model/execution-id';
import { FolderInspector } from '../api/folder-inspector';
import { defaultDataDir } from '../index/index-location';
import { openIndexReadOnly } from '../index/open-index';
import { readVerificationFacts } from '../index/queries/verification-facts';
import type { CliCommand } from './cli-command';
import { parseCommandArgs } from './parse-command-args';
import { resolveFolderTarget } from './resolve-folder';
import { UsageError } from './usage-error';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';

/**
 * One record execution's verdict as `verify --json` prints it; brokenAt and
 * reason only when the chain is broken. `absent`: no step hashes are present
 * (hearth's documents), which is not a failure. The rule, coverage and
 * statement say what a match vouches for.
 */
export interface VerifyEntry {
  readonly format: 'record';
  readonly key: string;
  readonly chain: 'intact' | 'broken' | 'absent';
  readonly brokenAt?: number;
  readonly reason?: string;
  readonly executionHash: 'match' | 'mismatch' | 'absent';
  readonly executionHashRule: 'jcs' | 'python-json' | null;
  readonly covers: readonly string[];
  readonly notCovered: readonly string[];
  readonly statement: string;
}

/**
 * The review journal's verdict as `verify --json` prints it: `intact`, `broken`
 * (an entry changed, inserted or removed: line, entry and reason given) or
 * `truncated` (the last line cut short, as by a crash while writing).
 */
export interface VerifyJournalEntry {
  readonly file: string;
  readonly state: 'intact' | 'broken' | 'truncated';
  readonly entries: number;
  readonly brokenAtLine?: number;
  readonly brokenAtEntry?: number | null;
  readonly reason?: string;
  readonly statement: string;
}

/** What `verify --json` prints: every record execution's verdict, the review journal's, and the folder's problem counts per code. */
export interface VerifyReport {
  readonly executions: readonly VerifyEntry[];
  readonly journal: VerifyJournalEntry;
  readonly problems: Readonly<Record<string, number>>;
}

/**
 * `verify <folder> [--db FILE] [--json]`: indexes the folder once, verifies the
 * hash chain and execution_hash of every record execution and the chain of the
 * folder's review journal (in the data folder) through the API, and exits 1
 * when any chain is broken (a journal cut short included) or any
 * execution_hash mismatches, so it can gate a script. Problems of other kinds
 * are counted but do not fail it.
 */
export const verifyCliCommand: CliCommand = {
  name: 'verify',
  usage: `verify <folder> [--db FILE] [--json] ${TIME_ZONE_USAGE}  verify every record hash chain, execution_hash and the review journal (exit 1 when one fails)`,
  async run(args, { out }) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' }, ...TIME_ZONE_OPTIONS });
    if (positionals.length !== 1) throw new UsageError('verify takes one folder');
    const target = resolveFolderTarget(positionals[0], values.db as string | undefined);
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const inspector = await FolderInspector.open({ folder: target.folder, dbPath: target.dbPath, dataDir: defaultDataDir(), watch: false });
    let report: VerifyReport;
    try {
      await inspector.initialScan();
      const { keys, problems } = readFolderFacts(target.dbPath);
      const executions: VerifyEntry[] = [];
      for (const key of keys) {
        const result = await inspector.service.call('verifyExecution', { id: formatExecutionId('record', key) });
        if (!result.ok) throw new Error(`verifying record ${key} failed: ${result.error.message}`);
        const verdict = API.verifyExecution.response.parse(result.value);
        executions.push({
          format: 'record',
          key,
          chain: verdict.chain,
          ...(verdict.chain === 'broken' ? { brokenAt: verdict.brokenAt ?? undefined, reason: verdict.reason ?? undefined } : {}),
          executionHash: verdict.executionHash,
          executionHashRule: verdict.executionHashRule,
          covers: verdict.executionHashCovers,
          notCovered: verdict.executionHashNotCovered,
          statement: verdict.statement,
        });
      }
      const journal = await inspector.service.call('getJournal', {});
      if (!journal.ok) throw new Error(`verifying the review journal failed: ${journal.error.message}`);
      const { file, verdict } = API.getJournal.response.parse(journal.value);
      report = {
        executions,
        journal: {
          file,
          state: verdict.state,
          entries: verdict.entries,
          ...(verdict.brokenAt === null ? {} : { brokenAtLine: verdict.brokenAt.line, brokenAtEntry: verdict.brokenAt.seq, reason: verdict.brokenAt.reason }),
          statement: verdict.statement,
        },
        problems,
      };
    } finally {
      await inspector.close();
    }
    out.write(values.json === true ? `${JSON.stringify(report)}\n` : `${formatVerifyReport(target.folder, report)}\n`);
    return report.executions.some(fails) || report.journal.state !== 'intact' ? 1 : 0;
  },
};

/** True when an entry fails verification: a broken chain or an execution_hash that does not match. */
function fails(entry: VerifyEntry): boolean {
  return entry.chain === 'broken' || entry.executionHash === 'mismatch';
}

/** Record execution keys and problem counts per code, straight from the index the scan just finished. */
function readFolderFacts(dbPath: string): { keys: string[]; problems: Record<string, number> } {
  const db: Database.Database = openIndexReadOnly(dbPath);
  try {
    const { recordKeys, problems } = readVerificationFacts(db);
    return { keys: recordKeys, problems };
  } finally {
    db.close();
  }
}

/** The readable table printed without --json. */
export function formatVerifyReport(folder: string, report: VerifyReport): string {
  const rows = report.executions.map((e) => [e.key, e.chain === 'absent' ? 'not present' : e.chain, e.brokenAt === undefined ? '' : String(e.brokenAt), e.reason ?? '', e.executionHash, e.executionHashRule ?? '']);
  const head = ['EXECUTION', 'CHAIN', 'BROKEN AT', 'REASON', 'EXECUTION_HASH', 'RULE'];
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}`;
  const failing = report.executions.filter(fails).length;
  const problemTotal = Object.values(report.problems).reduce((a, b) => a + b, 0);
  const problemList = Object.entries(report.problems).map(([code, n]) => `${code} ${n}`).join(', ');
  return [
    `Verified ${report.executions.length} record execution${report.executions.length === 1 ? '' : 's'} in ${folder}`,
    ...(rows.length > 0 ? [line(head), ...rows.map(line)] : []),
    ...report.executions.map((e) => `  ${e.key}: ${e.statement}`),
    `Review journal: ${journalLine(report.journal)}`,
    `  ${report.journal.statement}`,
    `Problems: ${problemTotal}${problemTotal > 0 ? ` (${problemList})` : ''}`,
    failing === 0 && report.journal.state === 'intact'
      ? 'Result: no chain is broken and no execution_hash mismatches'
      : `Result: ${[...(failing === 0 ? [] : [`${failing} execution${failing === 1 ? '' : 's'} failed verification`]), ...(report.journal.state === 'intact' ? [] : [`the review journal is ${report.journal.state}`])].join('; ')}`,
  ].join('\n');
}

function journalLine(journal: VerifyJournalEntry): string {
  const where = journal.brokenAtLine === undefined ? '' : ` at line ${journal.brokenAtLine}${journal.brokenAtEntry === null || journal.brokenAtEntry === undefined ? '' : ` (entry ${journal.brokenAtEntry})`}, ${journal.reason ?? ''}`;
  return `${journal.state}${where}; ${journal.entries} entr${journal.entries === 1 ? 'y' : 'ies'} verified (${journal.file})`;
}
