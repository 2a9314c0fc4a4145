import { contentSecurityPolicy } from '@shared/csp';
import { resolveStatic } from '../server/static-files';

/**
 * The desktop windows load Cadence from app://cadence/, a scheme only this app serves, instead
 * of file://: with file:// every page could read any file the user can, which is why Electron's
 * checklist (item 18) wants a custom protocol and the fuse grantFileProtocolExtraPrivileges off.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cadence';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Registered before the app is ready: a standard, secure scheme, so 'self', fetch and relative URLs work. codeCache:
 * Chromium keeps V8's compiled code only for http(s) unless a scheme asks (Electron's CustomScheme, "only works when
 * `standard` is also set"), and the window is opened every day: its scripts are compiled once, not at every start. The
 * code goes to the session's "Code Cache" folder under userData (session.setCodeCachePath's default).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** The address of a route of the built renderer. */
export function appUrl(hash: string): string {
  return `${APP_ORIGIN}/index.html${hash ? `#${hash.replace(/^#/, '')}` : ''}`;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  /** The file to send, or null for an error answer with no body worth reading. */
  file: string | null;
}

/**
 * Answers one app:// request from the renderer folder: only app://cadence/, only GET, and only
 * a file whose real path lies inside the folder (no `..`, encoded or not, no symbolic link out).
 */
export function resolveAppRequest(url: string, method: string, rendererDir: string): AppResponse {
  const refuse = (status: number): AppResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, file: null });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400);
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refuse(404);
  if (method !== 'GET' && method !== 'HEAD') return refuse(405);
  const found = resolveStatic(rendererDir, parsed.pathname);
  if (!found) return refuse(404);
  return {
    status: 200,
    headers: { 'Content-Type': found.type, 'Content-Security-Policy': contentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' },
    file: found.file,
  };
}
