import { z } from 'zod';
import { isTimeZoneName } from '../../shared/model/time-zone-name';
import { NO_TIME_ZONES, type TimeZoneSettings } from '../index/time-zone-settings';
import { dataFolderFile, readDataFolderJson, writeDataFolderJson } from './data-folder-json';

const zoneName = z.string().refine(isTimeZoneName);

/** The file's shape; the folder's path is kept so a person reading the data folder knows which folder it is. */
const storedSchema = z.object({ folder: z.string(), folderZone: zoneName.nullable(), files: z.record(z.string(), zoneName) });

/**
 * The producer time zones a reviewer set for one evidence folder, in the app's
 * own data folder (`time-zones/`, keyed like the index and the acknowledgements
 * by the folder's real path), never in the evidence folder. One small JSON file,
 * replaced whole through a rename; 0600 in a 0700 folder since it names the
 * folder and its files.
 */
export class TimeZoneStore {
  /** This folder's settings file. */
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly folder: string,
  ) {
    this.file = dataFolderFile(dataDir, 'time-zones', folder);
  }

  /** The settings now: none when the file is missing; a file that is not ours or names an unknown zone counts as none, and is replaced on the next change. */
  read(): TimeZoneSettings {
    const parsed = storedSchema.safeParse(readDataFolderJson(this.file));
    return parsed.success && parsed.data.folder === this.folder ? { folderZone: parsed.data.folderZone, files: parsed.data.files } : NO_TIME_ZONES;
  }

  /**
   * Sets (a name) or clears (null) the zone of the folder (`path` null) or of
   * one file (its path relative to the folder); returns the settings after.
   * Names are checked by the caller's schema and again here.
   */
  set(path: string | null, zone: string | null): TimeZoneSettings {
    if (zone !== null && !isTimeZoneName(zone)) throw new Error(`${JSON.stringify(zone.slice(0, 80))} is not a known IANA time zone name`);
    const current = this.read();
    const files: Record<string, string> = { ...current.files };
    if (path !== null) {
      if (zone === null) delete files[path];
      else files[path] = zone;
    }
    const next: TimeZoneSettings = { folderZone: path === null ? zone : current.folderZone, files };
    this.write(next);
    return next;
  }

  private write(settings: TimeZoneSettings): void {
    writeDataFolderJson(this.folder, this.file, { folder: this.folder, ...settings }, 'time zones');
  }
}
