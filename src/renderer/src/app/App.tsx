import { MotionConfig } from 'framer-motion';
import { CommitmentsPage } from '../features/commitments/CommitmentsPage';
import { DecisionLogPage } from '../features/decisions/DecisionLogPage';
import { DecisionPage } from '../features/decisions/DecisionPage';
import { ConsolePage } from '../features/live/ConsolePage';
import { ProjectorPage } from '../features/live/ProjectorPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TeamPage } from '../features/teams/TeamPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { CadenceMark, CalendarIcon, CheckIcon, GavelIcon, GearIcon, PeopleIcon } from '../ui/icons';
import { canSignOut, isSignedOut, signOut } from '../api/client';
import { ConnectionBanner, useConnectionState } from './ConnectionBanner';
import { RecoveryBanner } from './RecoveryBanner';
import { href, useRoute, type Route } from './router';
import { SettingsProvider } from './settings-context';
import { SignedOutPage } from './SignedOutPage';
import { ThemeSwitch } from './ThemeSwitch';

const NAV: { route: Route; label: string; icon: () => React.JSX.Element; matches: Route['name'][] }[] = [
  { route: { name: 'teams' }, label: 'Teams', icon: PeopleIcon, matches: ['teams', 'team'] },
  { route: { name: 'meetings' }, label: 'Meetings', icon: CalendarIcon, matches: ['meetings', 'meeting', 'console'] },
  { route: { name: 'decisions' }, label: 'Decision log', icon: GavelIcon, matches: ['decisions', 'decision'] },
  { route: { name: 'commitments' }, label: 'Commitments', icon: CheckIcon, matches: ['commitments'] },
  { route: { name: 'settings' }, label: 'Settings', icon: GearIcon, matches: ['settings'] },
];

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'teams':
      return <TeamsPage />;
    case 'team':
      return <TeamPage key={route.teamId} teamId={route.teamId} tab={route.tab} />;
    case 'meetings':
      return <MeetingsPage />;
    case 'meeting':
      return <MeetingPage key={route.meetingId} meetingId={route.meetingId} />;
    case 'console':
      return <ConsolePage key={route.meetingId} meetingId={route.meetingId} />;
    case 'projector':
      return null;
    case 'settings':
      return <SettingsPage />;
    case 'decisions':
      return <DecisionLogPage />;
    case 'decision':
      return <DecisionPage key={route.decisionId} decisionId={route.decisionId} />;
    case 'commitments':
      return <CommitmentsPage />;
  }
}

export function App() {
  const route = useRoute();
  const connection = useConnectionState();
  if (isSignedOut(connection)) return <SignedOutPage state={connection} />;
  if (route.name === 'projector') {
    // The projector window has no navigation: only what the room needs.
    return (
      <SettingsProvider>
        <MotionConfig reducedMotion="user">
          <ProjectorPage meetingId={route.meetingId} />
        </MotionConfig>
      </SettingsProvider>
    );
  }
  return (
    <SettingsProvider>
      <MotionConfig reducedMotion="user">
        <div className="shell">
          <nav className="nav" aria-label="Main">
            <div className="brand">
              <CadenceMark />
              Cadence
            </div>
            {NAV.map((item) => (
              <a key={item.label} href={href(item.route)} aria-current={item.matches.includes(route.name) ? 'page' : undefined}>
                <item.icon />
                {item.label}
              </a>
            ))}
            <div className="nav-foot">
              <ThemeSwitch />
              <span>Stored on this computer</span>
              {canSignOut && (
                <button type="button" className="sign-out" onClick={() => void signOut()}>
                  Sign out
                </button>
              )}
            </div>
          </nav>
          <main className="main">
            <ConnectionBanner />
            <RecoveryBanner />
            <Page route={route} />
          </main>
        </div>
      </MotionConfig>
    </SettingsProvider>
  );
}
