import type { HostMethod } from '../../shared/api/contract';
import { ApiFailure } from './api-failure';
import type { ApiHandlers } from './inspector-service';

/**
 * The methods the window's host answers (opening folders), not a folder's index.
 * The desktop shell implements them over its recent-folders list and native
 * dialog; every other host serves one folder.
 */
export type HostHandlers = Pick<ApiHandlers, HostMethod>;

/** What browser mode says to every host method. */
export const SINGLE_FOLDER_MESSAGE = 'browser mode serves one folder';

/** A host that serves one folder and opens no other: every host method answers `not_applicable` with `message`. */
export function singleFolderHost(message: string = SINGLE_FOLDER_MESSAGE): HostHandlers {
  const refuse = (): never => {
    throw new ApiFailure('not_applicable', message);
  };
  return { listRecentFolders: refuse, openRecentFolder: refuse, chooseFolder: refuse };
}
