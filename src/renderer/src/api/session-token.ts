/**
 * The browser mode's session token, kept in this origin's localStorage: unlike a cookie it is
 * scoped to the port, so no other web app on 127.0.0.1 can read it, and the browser sends it
 * nowhere by itself. Every tab of this origin shares it, and hears when another tab changes it.
 */
const KEY = 'cadence.session';

export function readToken(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, token);
  } catch {
    /* storage refused (a private window with storage off): the session lasts as long as this page */
  }
}

/** Calls listener when another tab signs in (a token) or out (null). */
export function onTokenChange(listener: (token: string | null) => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) listener(event.newValue);
  });
}

/** Takes `?code=` out of the address bar at once, so the one-time code is not kept in history. */
export function takeSignInCode(): string | null {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (code === null) return null;
  params.delete('code');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  return code;
}
