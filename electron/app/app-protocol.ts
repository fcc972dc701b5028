import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';
import { contentTypeOf } from '../bridge/static-files';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

/** The scheme the renderer is served from: a privileged standard scheme, so the page has a real origin and no file:// powers. */
export const APP_SCHEME = 'app';

/** The one host of our scheme. */
export const APP_HOST = 'inspector';

/** The page every window loads, and the only URL a window may navigate to. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;


/**
 * Registers app:// as standard and secure (a real origin, 'self' in the policy,
 * module scripts and fetch work). Electron only honours this before `ready`.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/** True for a URL of our own origin (app://inspector), whatever its path. */
export function isAppOrigin(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** True for our index page, with or without a fragment: the one navigation a window may make. */
export function isAppIndexUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null || !isAppOrigin(url)) return false;
  return parsed.pathname === '/index.html' && parsed.search === '';
}

/**
 * The file an app:// URL names inside `root`, or null for another origin, a path
 * that does not decode, or one that would leave `root` (`..`, encoded slashes,
 * backslashes, drive letters, NUL).
 */
export function resolveAppPath(root: string, url: string): string | null {
  if (!isAppOrigin(url)) return null;
  const parsed = parseUrl(url);
  if (parsed === null) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return isWithin(root, file) ? file : null;
}

/**
 * The app:// handler: serves files of the built renderer folder with our policy
 * header, refuses anything outside it (also through a symbolic link) and answers
 * 404 for what is not there. Only GET and HEAD.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = resolveAppPath(root, request.url);
    if (file === null) return plain(403, 'refused');
    let body: Buffer;
    try {
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!isWithin(realRoot, realFile)) return plain(403, 'refused');
      body = await readFile(realFile);
    } catch {
      return plain(404, 'not found');
    }
    const headers = { 'Content-Type': contentTypeOf(file), ...securityHeaders() };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
}

function securityHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
}

function isWithin(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
