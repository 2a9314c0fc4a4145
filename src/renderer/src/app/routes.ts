/** The routes, read from the address's hash. Plain code without React: the boot reads it before the app loads. */
export type TeamTab = 'members' | 'meetings' | 'parking' | 'agreement' | 'health';

export type Route =
  | { name: 'teams' }
  | { name: 'team'; teamId: string; tab: TeamTab }
  | { name: 'meetings' }
  | { name: 'meeting'; meetingId: string }
  | { name: 'console'; meetingId: string }
  | { name: 'projector'; meetingId: string }
  | { name: 'decisions' }
  | { name: 'decision'; decisionId: string }
  | { name: 'commitments' }
  | { name: 'settings' };

const TABS: TeamTab[] = ['members', 'meetings', 'parking', 'agreement', 'health'];

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  if (parts[0] === 'teams' && parts[1]) {
    const tab = TABS.includes(parts[2] as TeamTab) ? (parts[2] as TeamTab) : 'members';
    return { name: 'team', teamId: parts[1], tab };
  }
  if (parts[0] === 'meetings' && parts[1] && parts[2] === 'run') return { name: 'console', meetingId: parts[1] };
  if (parts[0] === 'meetings' && parts[1] && parts[2] === 'projector') return { name: 'projector', meetingId: parts[1] };
  if (parts[0] === 'meetings' && parts[1]) return { name: 'meeting', meetingId: parts[1] };
  if (parts[0] === 'meetings') return { name: 'meetings' };
  if (parts[0] === 'decisions' && parts[1]) return { name: 'decision', decisionId: parts[1] };
  if (parts[0] === 'decisions') return { name: 'decisions' };
  if (parts[0] === 'commitments') return { name: 'commitments' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'teams' };
}
