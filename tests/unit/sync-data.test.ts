import { afterEach, describe, expect, it } from 'vitest';
import { teamTree } from '../../src/main/services/sync/sync-data';
import { openLaptop, Remote, teamChecksum, type Laptop } from '../support/sync-world';

let laptops: Laptop[] = [];
afterEach(() => {
  for (const l of laptops) l.t.close();
  laptops = [];
});
async function laptop(name: string, start = Date.parse('2026-11-24T09:00:00Z')): Promise<Laptop> {
  const l = await openLaptop(name, start);
  laptops.push(l);
  return l;
}

describe('sync data', () => {
  it('carries the demo team to a fresh laptop, row for row, as the same files', async () => {
    const a = await laptop('a');
    const b = await laptop('b');
    const demo = await a.t.call('demo.load', {});
    const remote = new Remote();
    const first = remote.sync(a, demo.id);
    expect(first.incoming).toBe(0);
    expect(first.outgoing).toBeGreaterThan(100);
    console.log(first.summary, first.tree.size);
    const second = remote.sync(b, demo.id);
    expect(second.outgoing).toBe(0);
    expect(teamChecksum(b.repos, demo.id)).toBe(teamChecksum(a.repos, demo.id));
    expect([...teamTree(b.repos, demo.id)]).toEqual([...first.tree]);
    expect([...teamTree(a.repos, demo.id)]).toEqual([...teamTree(a.repos, demo.id)]);
  });
});
