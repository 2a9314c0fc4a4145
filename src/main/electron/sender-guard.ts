/**
 * IPC answers only Cadence's own pages: the built renderer loaded from file:// under
 * rendererDir, or the dev server's origin while developing. Anything else is refused.
 */
export interface TrustedOrigins {
  rendererDir: string;
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
  if (trusted.devServerUrl) {
    const dev = new URL(trusted.devServerUrl);
    if (parsed.origin === dev.origin) return true;
  }
  // A file URL with a host is a network share (file://server/share on Windows), never our own page.
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const dir = new URL(`file://${trusted.rendererDir.replace(/\\/g, '/').replace(/^(?!\/)/, '/')}/`).pathname;
  const target = decodeURIComponent(parsed.pathname);
  return target.startsWith(decodeURIComponent(dir)) && !target.includes('/../');
}

/** In-app navigation stays on the same page; links to the web open outside, never inside. */
export function isAllowedNavigation(url: string, trusted: TrustedOrigins): boolean {
  return isTrustedSenderUrl(url, trusted);
}
