// Apart from format.ts, which starts the worker: the worker imports this, and a module that starts a worker
// would be bundled into that worker too.
/**
 * Builds a date formatter and drops it. The page's first Intl.DateTimeFormat loads the locale's date data: 15-30 ms
 * in Chromium on a quiet 2-core machine (48-120 ms at a load average of 11), where each one after it (any options,
 * any zone) takes well under one.
 */
export function loadDateData(): void {
  new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(0);
}
