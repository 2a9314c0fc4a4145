import WebSocket from 'ws';
import { HANG_GUARD_MS } from './server';

/**
 * Opens the event socket as a page of that origin would, sends the token as the first message
 * (or, with null, a message that is not a sign-in), and reports what it heard until the server
 * said hello or closed it.
 */
export function socketVerdict(
  server: { port: number; origin: string },
  token: string | null,
): Promise<{ closed: number | null; heard: string[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, { origin: server.origin });
    const heard: string[] = [];
    const timer = setTimeout(() => reject(new Error(`no verdict; heard ${heard.join(', ')}`)), HANG_GUARD_MS);
    ws.on('open', () => ws.send(JSON.stringify(token === null ? { type: 'hello' } : { type: 'auth', token })));
    ws.on('message', (data) => {
      const type = (JSON.parse(String(data)) as { type: string }).type;
      heard.push(type);
      if (type === 'hello') {
        clearTimeout(timer);
        ws.close();
        resolve({ closed: null, heard });
      }
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve({ closed: code, heard });
    });
    ws.on('error', reject);
  });
}
