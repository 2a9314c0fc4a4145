import { z } from 'zod';
import type { AppInfo, BackupInfo, PlatformInfo, SaveOutcome, Settings } from '../domain';
import type { EventsSince } from '../events';
import { fileName, id } from '../validation';
import { op, none } from './define';
import { ALL_TOPICS } from '../events';

export const appOperations = {
  // Fixed for the process but for damage found in the background and what a restore brings, both told as 'backups'.
  'app.info': op<AppInfo>()({ input: none, dependsOn: ['backups'] }),
  'app.diagnostics': op<{ text: string }>()({ input: none }),
  'events.since': op<EventsSince>()({
    input: () => z.object({ epoch: z.string().max(64), revision: z.number().int().min(0) }).strict(),
  }),
  'settings.get': op<Settings>()({ input: none, dependsOn: ['settings'] }),
  'settings.update': op<Settings>()({
    input: () =>
      z
        .object({
          theme: z.enum(['light', 'dark', 'contrast']).optional(),
          dateStyle: z.enum(['locale', 'iso', 'dmy', 'mdy']).optional(),
          clock: z.enum(['24h', '12h']).optional(),
          weekStartsOn: z.union([z.literal(1), z.literal(6), z.literal(7)]).optional(),
          defaultExportFolder: z.string().trim().max(1000).nullable().optional(),
          chime: z.boolean().optional(),
        })
        .strict(),
    changes: ['settings'],
  }),
  'backups.list': op<BackupInfo[]>()({ input: none, dependsOn: ['backups'] }),
  'backups.create': op<BackupInfo>()({ input: none, changes: ['backups'] }),
  'backups.restore': op<{ restored: BackupInfo; safetyCopy: BackupInfo }>()({
    input: () =>
      z
        .object({ name: z.string().regex(/^cadence-[0-9TZ-]+-[a-z-]+\.sqlite$/, { message: 'That is not the name of a Cadence backup' }) })
        .strict(),
    // The whole database is replaced by the backup's: everything may have changed.
    changes: ALL_TOPICS,
  }),
  'platform.info': op<PlatformInfo>()({ input: none, dependsOn: [] }),
  'windows.openProjector': op<{ status: 'opened' | 'client' }>()({ changes: [], input: () => z.object({ meetingId: id }).strict() }),
  'files.saveText': op<SaveOutcome>()({
    changes: [],
    input: () =>
      z
        .object({
          suggestedName: fileName,
          kind: z.enum(['markdown', 'html', 'calendar', 'json']),
          content: z.string().max(20 * 1024 * 1024, { message: 'The file is larger than 20 MB' }),
        })
        .strict(),
  }),
  'links.openExternal': op<{ status: 'opened' | 'client' }>()({
    changes: [],
    input: () => z.object({ url: z.url({ protocol: /^https?$/, message: 'Only http and https links can be opened' }).max(2000) }).strict(),
  }),
} as const;
