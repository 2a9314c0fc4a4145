export type RoundOrder = 'team' | 'shuffle' | 'rotate';

export interface Speaker {
  attendeeId: string;
  memberId: string | null;
  /** Team order; guests (null) come after members. */
  teamPosition: number | null;
}

function teamOrder(speakers: Speaker[]): Speaker[] {
  return [...speakers].sort((a, b) => (a.teamPosition ?? Number.MAX_SAFE_INTEGER) - (b.teamPosition ?? Number.MAX_SAFE_INTEGER));
}

/**
 * Who speaks when in a round. Team order; a fair shuffle; or team order starting with the
 * member after whoever opened the same round last meeting, so the first word moves around.
 */
export function orderSpeakers(
  speakers: Speaker[],
  order: RoundOrder,
  options: { random: () => number; lastOpenerMemberId: string | null },
): Speaker[] {
  const byTeam = teamOrder(speakers);
  if (order === 'shuffle') {
    const out = [...byTeam];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(options.random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  if (order === 'rotate' && options.lastOpenerMemberId) {
    const members = byTeam.filter((s) => s.memberId !== null);
    const guests = byTeam.filter((s) => s.memberId === null);
    const last = members.findIndex((s) => s.memberId === options.lastOpenerMemberId);
    if (last >= 0) return [...members.slice(last + 1), ...members.slice(0, last + 1), ...guests];
  }
  return byTeam;
}
