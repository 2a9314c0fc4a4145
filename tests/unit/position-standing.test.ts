import { describe, expect, it } from 'vitest';
import { positionStanding, type Objection } from '../../src/shared/decisions';

const objection = (memberId: string, stance: Objection['stance'], resolution: Objection['resolution'], createdAt: number) => ({
  memberId,
  stance,
  resolution,
  createdAt,
});

describe('positionStanding', () => {
  it('reads a block the proposal was changed to meet as integrated', () => {
    const s = positionStanding({ memberId: 'diego', stance: 'block' }, [objection('diego', 'block', 'integrated', 1)]);
    expect(s).toEqual({ kind: 'integrated', label: 'Integrated', detail: 'Block, integrated: the proposal changed to meet it' });
  });
  it('keeps the stance of an objection open, overruled or of someone else', () => {
    expect(positionStanding({ memberId: 'lena', stance: 'disagree' }, [objection('lena', 'disagree', 'overruled', 1)]).label).toBe(
      'Disagree',
    );
    expect(positionStanding({ memberId: 'lena', stance: 'block' }, [objection('diego', 'block', 'integrated', 1)]).label).toBe('Block');
    expect(positionStanding({ memberId: 'sam', stance: 'agree' }, []).label).toBe('Agree');
  });
  it('reads a block raised again after one was integrated as a block', () => {
    const s = positionStanding({ memberId: 'diego', stance: 'block' }, [
      objection('diego', 'block', 'integrated', 1),
      objection('diego', 'block', null, 2),
    ]);
    expect(s.kind).toBe('block');
  });
});
