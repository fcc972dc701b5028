import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative } from 'node:path';

/** What a static request resolves to. */
export type StaticTarget =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  /** The renderer has not been built: answer with the built-in page that says how to build it. */
  | { readonly kind: 'not-built' }
  | { readonly kind: 'not-found' };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** What a decoded path segment may look like: the file names a Vite build writes, nothing else. */
const SAFE_SEGMENT = /^[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]*$/;

/** The built renderer, next to the compiled CLI: dist/renderer from dist/electron/cli. */
export function defaultStaticRoot(): string {
  return join(__dirname, '..', '..', 'renderer');
}

/**
 * Maps the raw path of a request (before `?`, still percent-encoded) to a file
 * strictly inside `root`. Each segment is decoded once and must be a plain file
 * name, so `..`, `%2e%2e`, encoded slashes, backslashes, NUL, dot-files and empty
 * segments are all not found; the real path (after symlinks) must still be
 * inside the real root. A miss without an extension is a client-side route and
 * gets index.html.
 */
export function resolveStaticPath(root: string, rawPath: string): StaticTarget {
  if (!rawPath.startsWith('/')) return { kind: 'not-found' };
  const segments: string[] = [];
  const raw = rawPath.slice(1).split('/');
  for (const [i, part] of raw.entries()) {
    if (part === '' && i === raw.length - 1) break;
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { kind: 'not-found' };
    }
    if (!SAFE_SEGMENT.test(decoded)) return { kind: 'not-found' };
    segments.push(decoded);
  }
  const isRoute = extname(segments.at(-1) ?? '') === '';
  const realRoot = realPathOrNull(root);
  const index = realRoot === null ? null : fileInside(realRoot, join(realRoot, 'index.html'));
  if (realRoot === null || index === null) return isRoute ? { kind: 'not-built' } : { kind: 'not-found' };
  const file = segments.length === 0 ? index : fileInside(realRoot, join(realRoot, ...segments));
  if (file !== null) return { kind: 'file', path: file, contentType: contentTypeOf(file) };
  return isRoute ? { kind: 'file', path: index, contentType: contentTypeOf(index) } : { kind: 'not-found' };
}

/** The MIME type a file is served with; unknown extensions are opaque bytes. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The page served at `/` when dist/renderer has no index.html. Static text, nothing inline to run. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Execution Inspector</title></head>
<body>
<h1>The renderer is not built</h1>
<p>The API is being served, but there is no user interface to show yet.</p>
<p>Build it with <code>npm run build</code> (Vite writes it to <code>dist/renderer</code>), then reload this page.</p>
</body>
</html>
`;

/** The real path of a regular file if it lies inside `realRoot`, else null. */
function fileInside(realRoot: string, candidate: string): string | null {
  if (!isInside(realRoot, candidate)) return null;
  const real = realPathOrNull(candidate);
  if (real === null || !isInside(realRoot, real)) return null;
  try {
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function realPathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
