import { join } from 'node:path';
import { demoFolder } from '../api/demo-folder';

/** Where the running app's files are; decides between the repository layout and an installed app. */
export interface AppLocation {
  readonly isPackaged: boolean;
  /** `app.getAppPath()`: the repository root when unpackaged. */
  readonly appPath: string;
  /** `process.resourcesPath`: the folder holding app.asar when packaged. */
  readonly resourcesPath: string;
}

/**
 * The bundled demo folder, opened when no folder is named: build/demo in the
 * repository, the `demo` resource (electron-builder's `extraResources`) when installed.
 */
export function bundledDemoFolder(location: AppLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'demo') : demoFolder();
}
