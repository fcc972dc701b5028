// Makes `require('electron')` return a stand-in, for everything loaded after this
// module: the Module resolver maps the name to a path whose entry in require.cache
// is the stand-in. Import it before loading any compiled electron/app module.
import Module from 'node:module';
import { join } from 'node:path';
import { createElectronStandIn } from './electron-stand-in';

/** The stand-in every `require('electron')` in this process now returns. */
export const electron = createElectronStandIn();

const standInPath = join(__dirname, '__electron-stand-in__.js');
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'electron' ? standInPath : resolveFilename.call(this, request, ...rest);
};
const standIn = new Module(standInPath);
standIn.filename = standInPath;
standIn.loaded = true;
standIn.exports = electron;
require.cache[standInPath] = standIn;
