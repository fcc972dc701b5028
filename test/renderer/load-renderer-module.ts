import { join } from 'node:path';

// The renderer project compiles to dist/tsc-renderer (its type-checked CommonJS
// output; Vite builds the real bundle into dist/renderer). Tests import a
// renderer module's types from source and load its compiled code from there, so
// pure modules (formatting, routing, paging) are tested in Node.

/** Loads a compiled renderer module, e.g. `format/route`. */
export function loadRendererModule<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, '..', '..', 'tsc-renderer', ...path.split('/'))) as T;
}
