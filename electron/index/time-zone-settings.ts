import { originalPath } from './source-row';

/**
 * The producer time zones a reviewer set for one evidence folder: one for the
 * whole folder and one per file (by its path relative to the folder), IANA
 * names. Only times written without a zone are read in them; null/absent means
 * such times are read as UTC.
 */
export interface TimeZoneSettings {
  readonly folderZone: string | null;
  readonly files: Readonly<Record<string, string>>;
}

/** No zone set anywhere: times without zone are read as UTC. */
export const NO_TIME_ZONES: TimeZoneSettings = { folderZone: null, files: {} };

/** The zone a source's times without zone are read in: its file's own, else the folder's, else null (UTC). */
export function zoneForPath(settings: TimeZoneSettings, path: string): string | null {
  const rel = originalPath(path);
  // Own keys only: a file named `constructor` must not find Object.prototype's.
  return Object.hasOwn(settings.files, rel) ? (settings.files[rel] ?? null) : settings.folderZone;
}
