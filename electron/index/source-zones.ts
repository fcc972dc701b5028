import type Database from 'better-sqlite3';
import type { SourceCarry } from './source-carry';

/** A source whose times without zone were read in a zone other than the one now wanted. */
export interface StaleZoneSource {
  readonly id: number;
  readonly path: string;
}

/**
 * Which producer time zone each source's times without zone were read in (the
 * `time_zone` column; null is UTC). Only a source that had such times (its
 * carry's `noZone`) depends on it: changing the setting re-reads those and no others.
 */
export class SourceZones {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      naive: db.prepare("SELECT id, path, carry, time_zone FROM sources WHERE state = 'active' AND carry IS NOT NULL"),
      record: db.prepare('UPDATE sources SET time_zone = ? WHERE id = ?'),
    };
  }

  /** Sources still on disk whose times without zone were read in another zone than `zoneOf(path)` says now. */
  stale(zoneOf: (path: string) => string | null): StaleZoneSource[] {
    const rows = this.statements.naive.all() as { id: number; path: string; carry: string; time_zone: string | null }[];
    return rows.filter((row) => hadNaiveTimes(row.carry) && row.time_zone !== zoneOf(row.path)).map(({ id, path }) => ({ id, path }));
  }

  /** Remembers the zone a source is (about to be) read in. */
  record(id: number, zone: string | null): void {
    this.statements.record.run(zone, id);
  }
}

/** True when a source's stored carry says its times without zone were flagged (keepFirstNoZone). */
export function hadNaiveTimes(carry: string | null): boolean {
  if (carry === null) return false;
  try {
    return (JSON.parse(carry) as SourceCarry).noZone === true;
  } catch {
    return false;
  }
}

/** A source's times without zone as the API shows them: null when it has none, else the zone they were read in (null: UTC). */
export function naiveTimesOf(carry: string | null, timeZone: string | null | undefined): { readonly zone: string | null } | null {
  return hadNaiveTimes(carry) ? { zone: timeZone ?? null } : null;
}
