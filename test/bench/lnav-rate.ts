import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON log format for lnav: its name is also the SQL table of its lines. */
export interface LnavFormat {
  readonly name: string;
  readonly definition: Readonly<Record<string, unknown>>;
}

/** What lnav counted and how long it took, from its start to its exit. */
export interface LnavResult {
  readonly version: string;
  readonly lines: number;
  readonly ms: number;
  /** lnav's user + system CPU time: its wall time also holds waits of its own (about 1.5 s with 10 files). */
  readonly cpuMs: number | null;
}

/**
 * The yardstick the issues set the index against: lnav headless (`-n`) loading
 * the files in one format and answering one SQL count of their lines, timed from
 * its start to its exit. The format is installed in a HOME of its own under `work`,
 * so the reviewer's lnav configuration is neither used nor touched. Null when lnav is not installed.
 */
export function lnavCount(files: readonly string[], format: LnavFormat, work: string): LnavResult | null {
  const probe = spawnSync('lnav', ['-V'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const home = join(work, 'lnav-home');
  mkdirSync(home, { recursive: true });
  const formatFile = join(home, `${format.name}.json`);
  writeFileSync(formatFile, JSON.stringify({ $schema: 'https://lnav.org/schemas/format-v1.schema.json', [format.name]: format.definition }, null, 2));
  const env = { ...process.env, HOME: home };
  spawnSync('lnav', ['-i', formatFile], { env, encoding: 'utf8' });
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const counted = spawnSync('lnav', ['-n', '-c', `;SELECT count(*) AS n FROM ${format.name}`, ...files], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (counted.status !== 0) throw new Error(`lnav failed: ${counted.stderr}`);
  return {
    version: probe.stdout.trim().split('\n')[0] ?? 'lnav',
    lines: Number((counted.stdout.match(/\d+/g) ?? ['0']).at(-1)),
    ms,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

/**
 * A format every line of the bench corpus is in: each of its five families has a
 * top-level `timestamp`, which lnav parses per line as it does for any JSON log.
 */
export function benchCorpusLnavFormat(): LnavFormat {
  return {
    name: 'inspector_bench_log',
    definition: {
      title: 'execution telemetry (bench corpus)',
      description: 'Any JSON line with a top-level timestamp: the five families of the bench corpus',
      json: true,
      'file-pattern': '\\.jsonl',
      'timestamp-field': 'timestamp',
      value: { event_type: { kind: 'string' }, status: { kind: 'string' } },
      'line-format': [{ field: '__timestamp__' }, ' ', { field: 'event_type', 'default-value': '' }, ' ', { field: 'status', 'default-value': '' }],
    },
  };
}

/**
 * The CPU time of this process's waited-for children (Linux: /proc/self/stat's
 * cutime + cstime, in ticks of 10 ms), or null where it cannot be read.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}
