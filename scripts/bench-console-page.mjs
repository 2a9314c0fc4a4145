// The page's side of `npm run bench:console` (scripts/bench-console.mjs): what the bench runs inside the console's and
// the projector's pages, to send an operation as the app does, watch the DOM change and note the event socket's traffic.
/* global window, document, performance, localStorage, fetch, MutationObserver */

// BENCH_BY_FETCH=1: the bench sends its operations by fetch, as the app did before they went on the socket, to set the
// two side by side on one machine (the note is still sent by the app, on its socket).
export const BY_FETCH = process.env.BENCH_BY_FETCH === '1';

/**
 * In a page: calls an operation with the page's own session as the app does, on the app's own signed-in socket (the
 * reply to the bench's number goes by the app's handler, which knows no such number), or by fetch with `byFetch`
 * (the transport before, and the way in until the socket is up); with when it was sent and answered, and where
 * main's part of it went (asked for with `timing`, answered as run, push and publish in ms).
 */
export async function op(page, name, input, byFetch = BY_FETCH) {
  return page.evaluate(
    async ([name, input, byFetch]) => {
      const sentAt = performance.timeOrigin + performance.now();
      const socket = window.__appSocket;
      if (!byFetch && socket?.readyState === 1 && window.__heardHello) {
        const id = 2 ** 40 + (window.__benchOps = (window.__benchOps ?? 0) + 1);
        const reply = await new Promise((resolve) => {
          const hear = (m) => {
            const data = JSON.parse(String(m.data));
            if (data.type !== 'reply' || data.id !== id) return;
            socket.removeEventListener('message', hear);
            resolve(data);
          };
          socket.addEventListener('message', hear);
          socket.send(JSON.stringify({ type: 'op', id, name, input, timing: true }));
        });
        return { ...reply.result, server: reply.timing ?? {}, sentAt, answeredAt: performance.timeOrigin + performance.now() };
      }
      const token = Object.keys(localStorage)
        .map((k) => localStorage.getItem(k))
        .find((v) => v && v.length > 20);
      const res = await fetch(`/api/op/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Bench': '1' },
        body: JSON.stringify(input),
      });
      const body = await res.json();
      // Where the operation's time in main went (the server answers X-Bench calls with it): run;dur=…, push;dur=…
      const server = Object.fromEntries(
        (res.headers.get('Server-Timing') ?? '')
          .split(',')
          .map((m) => /^\s*(\w+);dur=([\d.]+)/.exec(m))
          .filter(Boolean)
          .map(([, name, dur]) => [name, Number(dur)]),
      );
      return { ...body, server, sentAt, answeredAt: performance.timeOrigin + performance.now() };
    },
    [name, input, byFetch],
  );
}

/** In a page: resolves with the epoch time at which `selector`'s text first differs from `before` (or reads `until`). */
export function watch(page, selector, until = null) {
  return page.evaluate(
    ([selector, until]) => {
      const el = () => document.querySelector(selector);
      const before = el()?.textContent ?? '';
      window.__changed = new Promise((resolve) => {
        const seen = () => {
          const text = el()?.textContent ?? '';
          if (until === null ? text !== before : text === until) {
            observer.disconnect();
            performance.mark('shown');
            resolve(performance.timeOrigin + performance.now());
          }
        };
        const observer = new MutationObserver(seen);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      return before;
    },
    [selector, until],
  );
}

/**
 * Every page of the context notes when each event-socket message arrived and its size, before the app sees it, and
 * when the app itself last sent each operation (a note is saved by the app, not by the bench), on its socket or by
 * fetch; the app's socket is kept for the bench's own calls.
 */
export function recordSocketMessages() {
  const Native = window.WebSocket;
  window.__socket = [];
  window.__sent = {};
  const nativeFetch = window.fetch;
  window.fetch = (url, init) => {
    const name = /\/api\/op\/([\w.]+)$/.exec(String(url))?.[1];
    if (name) window.__sent[name] = performance.timeOrigin + performance.now();
    return nativeFetch(url, init);
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      window.__appSocket = this;
      // Added before the app sets onmessage, so it runs first: the arrival, not the app's handling.
      this.addEventListener('message', (m) => {
        const text = String(m.data);
        if (text.startsWith('{"type":"hello"')) window.__heardHello = true;
        else if (text.startsWith('{"type":"change"')) performance.mark('event');
        window.__socket.push({ at: performance.timeOrigin + performance.now(), text });
      });
    }
    send(data) {
      const [, id, name] = /^\{"type":"op","id":(\d+),"name":"([\w.]+)"/.exec(String(data)) ?? [];
      if (name) window.__sent[name] = performance.timeOrigin + performance.now();
      if (name && Number(id) < 2 ** 40) (window.__asked ??= []).push(name);
      super.send(data);
    }
  };
}

export const value = async (page, name, input) => {
  const answer = await op(page, name, input);
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`);
  return answer.value;
};
