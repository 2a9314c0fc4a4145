/**
 * The desktop window's page while a start updates the data (a backup, then the migrations: up to a minute on a large
 * team history), before the app can be loaded into the same window: the words alone, in a page that runs nothing and
 * loads nothing (its policy allows no script, no request; its styles are inline). When that update fails, the same
 * page says what failed and what to do, as an alert (`role`), and stays until the person closes the window.
 */
export function startingPageUrl(words: string, role: 'status' | 'alert' = 'status'): string {
  const text = words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>Cadence</title></head><body style="margin:0;background:#f6f4ef;color:#1d232a">` +
    `<div role="${role}" style="max-width:38rem;margin:18vh auto 0;padding:0 1.5rem;font:1.125rem/1.6 system-ui,sans-serif">` +
    `${text
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('')}</div></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
