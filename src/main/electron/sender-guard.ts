import { APP_ORIGIN } from './app-protocol';

/**
 * IPC answers only Cadence's own pages: the built renderer served at app://cadence/ (see
 * app-protocol.ts), or the dev server's origin while developing. Anything else, file:// pages
 * included, is refused.
 */
export interface TrustedOrigins {
  devServerUrl: string | null;
}

export function isTrustedSenderUrl(url: string | undefined, trusted: TrustedOrigins): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (trusted.devServerUrl && parsed.origin === new URL(trusted.devServerUrl).origin) return true;
  // 'app:' is not a special scheme to the URL parser, so its origin reads "null": compare the parts.
  return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN && parsed.username === '' && parsed.password === '' && parsed.port === '';
}

/** In-app navigation stays on the same page; links to the web open outside, never inside. */
export function isAllowedNavigation(url: string, trusted: TrustedOrigins): boolean {
  return isTrustedSenderUrl(url, trusted);
}
