import { nodeApiProblem } from '../../src/main/data-folder/runtime-check';

// better-sqlite3 13 crashes the process under Node-API < 10; fail with one clear line instead.
const problem = nodeApiProblem();
if (problem) throw new Error(problem);
