/**
 * The worker thread's entry (built to out/main/db-worker.js; tests build it in their global
 * set-up): runs the jobs the main thread sends and answers each with its result or error.
 */
import { parentPort } from 'node:worker_threads';
import { jobs, type JobName, type WorkerReply, type WorkerRequest } from './jobs';

const port = parentPort;
if (!port) throw new Error('db-worker runs only as a worker thread');

port.on('message', (message: WorkerRequest) => {
  void (async () => {
    let reply: WorkerReply;
    try {
      const run = jobs[message.request.job as JobName] as (input: unknown) => unknown;
      reply = { seq: message.seq, response: await run(message.request.input) };
    } catch (error) {
      const e = error as Error & { code?: unknown };
      reply = { seq: message.seq, error: { name: e.name, message: e.message, code: typeof e.code === 'string' ? e.code : undefined } };
    }
    port.postMessage(reply);
  })();
});
