import { MotionConfig } from 'framer-motion';
import { TeamsPage } from '../features/teams/TeamsPage';
import { lazyView, ViewSlot } from '../ui/lazy-view';
import { CadenceMark, CalendarIcon, CheckIcon, GavelIcon, GearIcon, PeopleIcon } from '../ui/icons';
import { canSignOut, isSignedOut, signOut } from '../api/client';
import { ConnectionBanner, useConnectionState } from './ConnectionBanner';
import { RecoveryBanner } from './RecoveryBanner';
import { href, useRoute, type Route } from './router';
import { SettingsProvider } from './settings-context';
import { SignedOutPage } from './SignedOutPage';
import { ThemeSwitch } from './ThemeSwitch';

// The first screen (teams and "Next up") is in the entry chunk; every other view loads on first use.
const CommitmentsPage = lazyView(() => import('../features/commitments/CommitmentsPage'), 'CommitmentsPage');
const DecisionLogPage = lazyView(() => import('../features/decisions/DecisionLogPage'), 'DecisionLogPage');
const DecisionPage = lazyView(() => import('../features/decisions/DecisionPage'), 'DecisionPage');
const ConsolePage = lazyView(() => import('../features/live/ConsolePage'), 'ConsolePage');
const ProjectorPage = lazyView(() => import('../features/live/ProjectorPage'), 'ProjectorPage');
const MeetingPage = lazyView(() => import('../features/meetings/MeetingPage'), 'MeetingPage');
const MeetingsPage = lazyView(() => import('../features/meetings/MeetingsPage'), 'MeetingsPage');
const SettingsPage = lazyView(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const TeamPage = lazyView(() => import('../features/teams/TeamPage'), 'TeamPage');

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
          <ViewSlot>
            <ProjectorPage meetingId={route.meetingId} />
          </ViewSlot>
          <ConnectionBanner inRoom />
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
            <ViewSlot place={route.name}>
              <Page route={route} />
            </ViewSlot>
          </main>
        </div>
      </MotionConfig>
    </SettingsProvider>
  );
}
