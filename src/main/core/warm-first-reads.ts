import { firstReadsOf } from '@shared/first-reads';
import type { Dispatcher } from './dispatcher';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Answers the first screen's reads once, in-process, as a page would ask them, and drops the answers. Run right after
 * the server is ready, while the browser loads the page's code (a couple of hundred ms): a read's first call in a
 * fresh process builds its input's schema, compiles its statements, reads the database's pages from the file and
 * runs its code unoptimised, several times what the same reads cost once warm; done here, the page's own reads
 * find all of that done. One read per turn of the event loop, so a request that arrives meanwhile (the page,
 * its code) waits behind one read at most; `done` says a page is reading them itself (so they need no warming).
 */
export async function warmFirstReads(dispatcher: Dispatcher, done: () => boolean = () => false): Promise<void> {
  for (const [name, input] of firstReadsOf('home')) {
    await nextTurn();
    if (done()) return;
    await dispatcher.dispatch(name, input);
  }
}
