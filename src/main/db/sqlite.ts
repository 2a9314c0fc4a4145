import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/**
 * better-sqlite3, loaded with Node's require rather than an ES import: it is a CommonJS package, and importing one as an
 * ES module has Node parse its source for its exports and build a module around it before the database can open, some
 * 3 ms more of every start's CPU (measured in Node 22: 8-14 ms against 5-6). Its types come from the package itself
 * (`import type Database from 'better-sqlite3'`).
 */
export const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
