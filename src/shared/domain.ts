/**
 * The shapes that cross the contract. JSON only: instants are epoch ms numbers,
 * calendar dates are 'YYYY-MM-DD' strings, absent values are null (never undefined).
 */
export type Id = string;
export type EpochMs = number;

export interface Team {
  id: Id;
  name: string;
  timeZone: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  activeMemberCount: number;
}

export interface Member {
  id: Id;
  teamId: Id;
  name: string;
  roleTitle: string | null;
  position: number;
  joinedAt: EpochMs;
  leftAt: EpochMs | null;
}

export type MemberEventKind = 'joined' | 'renamed' | 'role_changed' | 'left' | 'rejoined';

export interface MemberEvent {
  id: Id;
  memberId: Id;
  kind: MemberEventKind;
  at: EpochMs;
  oldValue: string | null;
  newValue: string | null;
}

export interface TeamDetail {
  team: Team;
  members: Member[];
  history: MemberEvent[];
}

export type Theme = 'light' | 'dark' | 'contrast';

export type DateStyle = 'locale' | 'iso' | 'dmy' | 'mdy';

export interface Settings {
  theme: Theme;
  dateStyle: DateStyle;
  clock: '24h' | '12h';
  /** ISO weekday the week starts on: 1 Monday, 6 Saturday, 7 Sunday. */
  weekStartsOn: 1 | 6 | 7;
  /** Where exports are offered first; null uses the folder last saved to. */
  defaultExportFolder: string | null;
  /** A short chime when an item's timebox ends; off unless chosen. */
  chime: boolean;
}

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  recovery: Recovery | null;
  /** Set when the check in the background found the open database damaged: writes go on, the next start recovers. */
  damageFound: DamageFound | null;
}

export interface DamageFound {
  detail: string;
  at: EpochMs;
}

export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
}

/** 'download': the browser mode hands the file to the page, which offers it as a download. */
export type SaveOutcome =
  | { status: 'saved'; path: string }
  | { status: 'cancelled'; path: null }
  | { status: 'download'; path: null }
  /** The browser mode prints in the page (its print view saves a PDF). */
  | { status: 'print'; path: null }
  | { status: 'failed'; path: string; message: string };

export interface PlatformInfo {
  kind: 'desktop' | 'browser';
  nativeDialogs: boolean;
  displays: DisplayInfo[];
}

export interface BackupInfo {
  name: string;
  at: EpochMs;
  reason: string;
  sizeBytes: number;
  /** null when the file does not open cleanly. */
  summary: { teams: number; meetings: number; lastMeetingAt: EpochMs | null; schemaVersion: number } | null;
}

/** Set when start-up found the database damaged: where it went, and what can be restored. */
export interface Recovery {
  movedTo: string;
  detail: string;
  newestBackup: BackupInfo | null;
}
