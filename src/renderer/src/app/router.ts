import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './routes';

export type { Route, TeamTab } from './routes';

export function href(route: Route): string {
  switch (route.name) {
    case 'team':
      return `#/teams/${encodeURIComponent(route.teamId)}${route.tab === 'members' ? '' : `/${route.tab}`}`;
    case 'meeting':
      return `#/meetings/${encodeURIComponent(route.meetingId)}`;
    case 'console':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/run`;
    case 'projector':
      return `#/meetings/${encodeURIComponent(route.meetingId)}/projector`;
    case 'decision':
      return `#/decisions/${encodeURIComponent(route.decisionId)}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
