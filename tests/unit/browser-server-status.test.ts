import { afterEach, describe, expect, it } from 'vitest';
import { servedCores } from '../support/served-core';
import { opStatus } from '../../src/main/server/op-status';
import type { ErrorCode } from '../../src/shared/result';
import { bearer, rawRequest } from '../support/http';

const cores = servedCores('browser-server-status');
afterEach(() => cores.closeAll());

async function serve() {
  const { server, test, auth } = await cores.serve();
  const token = auth.issueSession().token;
  /** An operation over POST /api/op/<name>: its status, its body as sent, and what the dispatcher answers to the same. */
  const call = async (name: string, input: unknown) => {
    const res = await rawRequest({
      port: server.port,
      method: 'POST',
      path: `/api/op/${name}`,
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}`, ...bearer(token) },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: res.body, headers: res.headers };
  };
  return { test, call };
}

describe('the browser mode’s operations answer with a status that says what happened', () => {
  it('200 for an answer, 422 invalid input, 404 unknown operation or missing record, 409 a conflict; the body is the envelope as before', async () => {
    const { test, call } = await serve();
    const team = await test.call('teams.create', { name: 'Platform', timeZone: 'Europe/Berlin', members: ['Ana'] });
    const asked: [string, unknown, number, ErrorCode | null][] = [
      ['teams.list', {}, 200, null],
      ['teams.create', { name: '   ', timeZone: 'UTC' }, 422, 'invalid_input'],
      ['meetings.get', { meetingId: 42 }, 422, 'invalid_input'],
      ['teams.nothingLikeThis', {}, 404, 'unknown_operation'],
      ['meetings.get', { meetingId: '019a0000-0000-7000-8000-000000000000' }, 404, 'not_found'],
      ['members.add', { teamId: team.id, name: 'ana' }, 409, 'conflict'],
    ];
    for (const [name, input, status, code] of asked) {
      const answer = await call(name, input);
      expect(answer.status, name).toBe(status);
      expect(answer.headers['content-type'], name).toBe('application/json');
      const body = JSON.parse(answer.body) as { ok: boolean; error?: { code: string; message: string } };
      expect(body.ok, name).toBe(code === null);
      if (code !== null) expect(body.error?.code, name).toBe(code);
      // Byte for byte what the socket and the desktop window answer with (a read repeated reads the same).
      if (name !== 'teams.create') expect(answer.body, name).toBe(await test.core.dispatcher.dispatchSerialized(name, input));
    }
    expect(JSON.parse((await call('teams.create', { name: '   ', timeZone: 'UTC' })).body)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Team name is required', issues: [{ path: 'name', message: 'Team name is required' }] },
    });
  });

  it('names a status for every error code: faults of the server 5xx, disk full 507, a busy database 503', () => {
    const statusOf = (code: ErrorCode) => opStatus({ ok: false, error: { code, message: '' } });
    const codes: Record<ErrorCode, number> = {
      invalid_input: 422,
      not_found: 404,
      conflict: 409,
      unknown_operation: 404,
      internal: 500,
      after_commit: 500,
      disk_full: 507,
      busy: 503,
      update_failed: 503,
    };
    for (const [code, status] of Object.entries(codes)) expect(statusOf(code as ErrorCode), code).toBe(status);
    expect(opStatus({ ok: true, value: null })).toBe(200);
  });
});
