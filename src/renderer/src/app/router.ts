import { useEffect, useState } from 'react';

export type Route =
  { name: 'teams' } | { name: 'team'; teamId: string } | { name: 'meetings' } | { name: 'decisions' } | { name: 'commitments' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'teams' && parts[1]) return { name: 'team', teamId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'meetings') return { name: 'meetings' };
  if (parts[0] === 'decisions') return { name: 'decisions' };
  if (parts[0] === 'commitments') return { name: 'commitments' };
  return { name: 'teams' };
}

export function href(route: Route): string {
  return route.name === 'team' ? `#/teams/${encodeURIComponent(route.teamId)}` : `#/${route.name}`;
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
