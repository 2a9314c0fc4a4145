import type { Member, MemberEvent } from '@shared/domain';
import { useFormat } from '@renderer/app/settings-context';

function describe(event: MemberEvent, name: string): string {
  switch (event.kind) {
    case 'joined':
      return `${name} joined`;
    case 'renamed':
      return `${event.oldValue ?? ''} is now called ${event.newValue ?? ''}`;
    case 'role_changed':
      return `${name}: role ${event.newValue ? `set to “${event.newValue}”` : 'title removed'}`;
    case 'left':
      return `${name} left the team`;
    case 'rejoined':
      return `${name} rejoined`;
  }
}

/** Every change to the team's membership, newest first: nothing is rewritten. */
export function MemberHistory({ history, members }: { history: MemberEvent[]; members: Member[] }) {
  const { date: formatDate } = useFormat();
  const names = new Map(members.map((m) => [m.id, m.name]));
  return (
    <ol className="history" aria-label="Membership history">
      {history.slice(0, 30).map((event) => (
        <li key={event.id}>
          <span className={`history-dot kind-${event.kind}`} aria-hidden="true" />
          <span>{describe(event, names.get(event.memberId) ?? 'Someone')}</span>
          <time>{formatDate(event.at)}</time>
        </li>
      ))}
    </ol>
  );
}
