import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import type { InspectorBridge } from '../../../shared/api/contract';

// The test project cannot import renderer/ yet: test/tsconfig.json has rootDir
// test/ and no reference to a renderer project (TS6059/TS6307). Until it can,
// this loads renderer/bridge/*.ts by transpiling it to CommonJS in a temporary
// folder, with its `shared/` imports pointed at the compiled dist/shared. The
// module's types are checked by renderer/tsconfig.json; the shapes below mirror
// its exports for the tests.

/** What renderer/bridge/http-bridge.ts exports (mirrored; see above). */
export interface HttpBridgeModule {
  createHttpBridge(options: HttpBridgeOptions): InspectorBridge;
}

/** What renderer/bridge/session-probe.ts exports (mirrored; see above). */
export interface SessionProbeModule {
  hasSession(bridge: InspectorBridge): Promise<boolean>;
}

/** Mirrors FetchLike of renderer/bridge/http-bridge.ts. */
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'omit' | 'same-origin'; cache: 'no-store' }) => Promise<{ readonly status: number; text(): Promise<string> }>;

/** Mirrors EventSourceLike of renderer/bridge/http-bridge.ts. */
export interface EventSourceLike {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  close(): void;
}

/** Mirrors HttpBridgeOptions of renderer/bridge/http-bridge.ts. */
export interface HttpBridgeOptions {
  readonly baseUrl: string;
  readonly token: string | null;
  readonly fetch?: FetchLike;
  readonly EventSource?: new (url: string) => EventSourceLike;
}

const root = join(__dirname, '..', '..', '..', '..');
const distShared = join(root, 'dist', 'shared');

/** Transpiles renderer/bridge and requires http-bridge and session-probe from it; the folder is removed when the process exits. */
export function loadHttpBridge(): HttpBridgeModule & SessionProbeModule {
  const out = mkdtempSync(join(tmpdir(), 'ei-renderer-bridge-'));
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  mkdirSync(join(out, 'bridge'));
  for (const name of ['http-bridge', 'session-probe']) {
    const source = readFileSync(join(root, 'renderer', 'bridge', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, strict: true },
      fileName: `${name}.ts`,
    });
    const linked = outputText.replace(/require\("\.\.\/\.\.\/shared\/([^"]+)"\)/g, (_match, path: string) => `require(${JSON.stringify(join(distShared, path))})`);
    if (/require\("\.\.\/\.\.\//.test(linked)) throw new Error(`${name}.ts imports something outside shared/`);
    writeFileSync(join(out, 'bridge', `${name}.js`), linked);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bridge = require(join(out, 'bridge', 'http-bridge.js')) as HttpBridgeModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { ...bridge, ...(require(join(out, 'bridge', 'session-probe.js')) as SessionProbeModule) };
}
