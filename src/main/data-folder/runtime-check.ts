/**
 * better-sqlite3 13 needs Node-API 10 (Node >= 22.14 or Electron's Node); under an
 * older Node it crashes the process rather than throwing. Every entry that opens
 * the database calls this first and imports the database layer only afterwards.
 */
export const REQUIRED_NAPI = 10;

export function nodeApiProblem(versions: NodeJS.ProcessVersions = process.versions): string | null {
  const napi = Number(versions.napi ?? 0);
  if (napi >= REQUIRED_NAPI) return null;
  return (
    `Cadence needs Node-API ${REQUIRED_NAPI} (Node >= 22.14) but this is Node ${versions.node} with Node-API ${napi}. ` +
    `Run it through npm (npm start, npm test), which uses the Node 22 installed with the project.`
  );
}

/** Exits with one clear line when the runtime cannot load the database. */
export function exitUnlessNodeApiSupported(): void {
  const problem = nodeApiProblem();
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(1);
  }
}
