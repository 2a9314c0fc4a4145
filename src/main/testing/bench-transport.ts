/**
 * A facilitator's write through the browser transport (HTTP on loopback, JSON both ways, the session check),
 * beside a no-op operation through the same transport (its floor) and a raw commit of the same run.
 * Client and server share this process, as the issue's own figures did.
 */
import http from 'node:http';
import path from 'node:path';
import type { CadenceCore } from '../core/cadence-core';
import { startBrowserServer } from '../server/browser-server';
import { SessionAuth } from '../server/session-auth';
import { ratioRow, rawCommit, spread, type BenchRow } from './bench-kit';

function post(agent: http.Agent, port: number, pathname: string, body: unknown, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: pathname,
        headers: {
          'Content-Type': 'application/json',
          Origin: `http://127.0.0.1:${port}`,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function benchTransport(core: CadenceCore, dir: string, advance: (ms: number) => void): Promise<BenchRow[]> {
  const auth = SessionAuth.fromDataDir(dir);
  const server = await startBrowserServer({ core, auth, rendererDir: path.resolve('out/renderer'), port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const code = new URL(server.signInUrl()).searchParams.get('code');
    const signed = await post(agent, server.port, '/api/session', { code });
    const token = (JSON.parse(signed.body) as { value: { token: string } }).value.token;
    const call = async (name: string, input: unknown) => {
      const res = await post(agent, server.port, `/api/op/${name}`, input, token);
      if (res.status !== 200 || !(JSON.parse(res.body) as { ok: boolean }).ok) throw new Error(`${name}: ${res.status} ${res.body}`);
    };
    // The live meetings the facilitator bench started, each with an item to write notes on.
    const live = core.services.meetings
      .list(null)
      .upcoming.filter((m) => m.status === 'live')
      .map((m) => ({ meetingId: m.id, itemId: core.services.meetingView.live(m.id).items.find((i) => i.kind === 'discussion')?.id }))
      .filter((m): m is { meetingId: string; itemId: string } => m.itemId !== undefined);
    if (live.length === 0) throw new Error('no live meeting to write notes in');
    const N = 300;
    const noop: number[] = [];
    const saves: number[] = [];
    for (let i = 0; i < N; i++) {
      let start = performance.now();
      await call('events.since', { epoch: '', revision: 0 });
      noop.push(performance.now() - start);
      advance(1000);
      const m = live[i % live.length]!;
      start = performance.now();
      await call('live.setNotes', { meetingId: m.meetingId, itemId: m.itemId, notes: `Through the transport, take ${i}.` });
      saves.push(performance.now() - start);
    }
    const floor = { name: 'no-op through the transport', ...spread(noop) };
    const raw = spread(rawCommit(dir));
    return [
      ratioRow('no-op operation (events.since) through the browser transport', noop, null),
      ratioRow('note save through the browser transport', saves, floor, { maxMs: 5 }),
      {
        label: '  the same beside a raw insert+commit of this run, p95',
        value: `${(spread(saves).p95 / raw.p95).toFixed(1)}x raw commit (${raw.p95.toFixed(2)} ms)`,
      },
    ];
  } finally {
    agent.destroy();
    await server.close();
  }
}
