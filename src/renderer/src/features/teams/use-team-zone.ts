import type { Team } from '@shared/domain';
import { useQuery } from '@renderer/api/hooks';

const zones = (teams: Team[]) => new Map(teams.map((t) => [t.id, t.timeZone]));

/**
 * Each team's time zone, by team id. A team's record has one date: a decision or meeting is dated in its team's
 * zone, as its minutes and MADR file date it, not in the zone of the computer reading it (undefined until the
 * teams have loaded).
 */
export function useTeamZones(): (teamId: string) => string | undefined {
  const byId = useQuery('teams.list', {}, zones).data;
  return (teamId) => byId?.get(teamId);
}
