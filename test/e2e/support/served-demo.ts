import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { copyOfDemo } from './evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './serve-process';

/** A copy of the demo folder, served and indexed, and a Chromium to open it: for tests that write to the folder or the data folder. */
export interface ServedDemo {
  readonly demo: { readonly path: string; remove(): void };
  readonly serve: ServeProcess;
  readonly browser: Browser;
}

/** Copies the demo folder, serves it until it is indexed, and launches Chromium. */
export async function startServedDemo(): Promise<ServedDemo> {
  const demo = copyOfDemo();
  const serve = await startServe(demo.path);
  await waitForIndexed(serve, 60_000);
  return { demo, serve, browser: await launchChromium() };
}

/** Closes what startServedDemo opened (whatever of it was opened before a failure) and removes the copy. */
export async function stopServedDemo(parts: Partial<ServedDemo>): Promise<void> {
  await parts.browser?.close();
  await parts.serve?.stop();
  parts.demo?.remove();
}
