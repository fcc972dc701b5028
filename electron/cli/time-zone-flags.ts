import { isAbsolute } from 'node:path';
import { isTimeZoneName } from '../../shared/model/time-zone-name';
import type { TimeZoneSettings } from '../index/time-zone-settings';
import { TimeZoneStore } from '../inspect/time-zone-store';
import type { CommandArgs } from './parse-command-args';
import { UsageError } from './usage-error';

/** The options every folder command takes to set producer time zones. */
export const TIME_ZONE_OPTIONS = {
  'time-zone': { type: 'string' },
  'file-time-zone': { type: 'string', multiple: true },
} as const;

/** How the usage lines spell them. */
export const TIME_ZONE_USAGE = '[--time-zone ZONE|none] [--file-time-zone PATH=ZONE|none]…';

/**
 * Saves the zones given by `--time-zone ZONE` (the folder's) and
 * `--file-time-zone PATH=ZONE` (one file's, by its path relative to the folder,
 * repeatable) in the data folder, as the app's Folder page does, before the
 * folder is opened: the index is then read with them and keeps them for the
 * next command and the app. `none` clears one. A name the runtime does not
 * know, or a path outside the folder, is a usage error (exit 2) and nothing is saved.
 */
export function applyTimeZoneFlags(values: CommandArgs['values'], folder: string, dataDir: string): TimeZoneSettings | null {
  const folderFlag = values['time-zone'];
  const fileFlags = values['file-time-zone'];
  const changes: { readonly path: string | null; readonly zone: string | null }[] = [];
  if (typeof folderFlag === 'string') changes.push({ path: null, zone: zoneOf(folderFlag, '--time-zone') });
  for (const flag of Array.isArray(fileFlags) ? fileFlags : []) {
    const split = flag.lastIndexOf('=');
    if (split <= 0) throw new UsageError(`--file-time-zone takes PATH=ZONE (a path relative to the folder), not ${JSON.stringify(flag)}`);
    changes.push({ path: relativePath(flag.slice(0, split)), zone: zoneOf(flag.slice(split + 1), '--file-time-zone') });
  }
  if (changes.length === 0) return null;
  const store = new TimeZoneStore(dataDir, folder);
  let settings: TimeZoneSettings | null = null;
  for (const change of changes) settings = store.set(change.path, change.zone);
  return settings;
}

function zoneOf(text: string, flag: string): string | null {
  if (text === 'none') return null;
  if (!isTimeZoneName(text)) throw new UsageError(`${flag}: ${JSON.stringify(text.slice(0, 80))} is not a known IANA time zone name (such as Asia/Kolkata), or none`);
  return text;
}

/** A file's path as the index names it: relative to the folder, '/'-separated, without a leading './'. */
function relativePath(given: string): string {
  const path = given.replace(/^(\.\/)+/, '');
  if (path === '' || isAbsolute(given) || path.split('/').some((part) => part === '..' || part === '')) {
    throw new UsageError(`--file-time-zone: ${JSON.stringify(given.slice(0, 200))} is not a path relative to the folder`);
  }
  return path;
}
