import type Database from 'better-sqlite3';
import type { ApiResponse } from '../../../shared/api/contract';
import { originalPath } from '../../index/source-row';
import type { TimeZoneSettings } from '../../index/time-zone-settings';
import { TimeZoneStore } from '../../inspect/time-zone-store';
import { ApiFailure } from '../api-failure';
import type { HandlerContext } from '../handler-context';
import type { ApiHandlers } from '../inspector-service';

/**
 * The reviewer's producer time zones: read and set through the store in the
 * app's data folder, files named by source id and looked up in the index, so
 * the page never sends a path. Setting one re-reads the files it changes.
 */
export function timeZoneHandlers(context: HandlerContext): Pick<ApiHandlers, 'getTimeZones' | 'setTimeZone'> {
  const store = new TimeZoneStore(context.dataDir, context.folder);
  return {
    getTimeZones: () => view(context.db(), store.read()),
    setTimeZone: async (request) => {
      let path: string | null = null;
      if (request.sourceId !== undefined) {
        const row = context.db().prepare("SELECT path, state FROM sources WHERE id = ?").get(request.sourceId) as { path: string; state: string } | undefined;
        if (row === undefined) throw new ApiFailure('not_found', `no file with source id ${request.sourceId} in this folder's index`);
        path = originalPath(row.path);
      }
      const settings = store.set(path, request.zone);
      const rederiving = await context.applyTimeZones(settings);
      return { ...view(context.db(), settings), rederiving };
    },
  };
}

/** The settings with each file's current source id (null when no file of the index has that path now). */
function view(db: Database.Database, settings: TimeZoneSettings): ApiResponse<'getTimeZones'> {
  const idOf = db.prepare("SELECT id FROM sources WHERE path = ? AND state <> 'gone'");
  const files = Object.entries(settings.files)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, zone]) => ({ sourceId: (idOf.get(path) as { id: number } | undefined)?.id ?? null, path, zone }));
  return { folderZone: settings.folderZone, files };
}
