import { z } from 'zod';
import type { AppInfo, BackupInfo, PlatformInfo, SaveOutcome, Settings } from '../domain';
import type { EventsSince } from '../events';
import { fileName, id } from '../validation';
import { none, read, write } from './io';

export const appSchemas = {
  'app.info': read<AppInfo>()(none),
  'app.diagnostics': read<{ text: string }>()(none),
  'events.since': read<EventsSince>()(() => z.object({ epoch: z.string().max(64), revision: z.number().int().min(0) }).strict()),
  'settings.get': read<Settings>()(none),
  'settings.update': write<Settings>()(() =>
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
  ),
  'backups.list': read<BackupInfo[]>()(none),
  'backups.create': write<BackupInfo>()(none),
  'backups.restore': write<{ restored: BackupInfo; safetyCopy: BackupInfo }>()(() =>
    z
      .object({ name: z.string().regex(/^cadence-[0-9TZ-]+-[a-z-]+\.sqlite$/, { message: 'That is not the name of a Cadence backup' }) })
      .strict(),
  ),
  'platform.info': read<PlatformInfo>()(none),
  'windows.openProjector': write<{ status: 'opened' | 'client' }>()(() => z.object({ meetingId: id }).strict()),
  'files.saveText': write<SaveOutcome>()(() =>
    z
      .object({
        suggestedName: fileName,
        kind: z.enum(['markdown', 'html', 'calendar', 'json']),
        content: z.string().max(20 * 1024 * 1024, { message: 'The file is larger than 20 MB' }),
      })
      .strict(),
  ),
  'links.openExternal': write<{ status: 'opened' | 'client' }>()(() =>
    z.object({ url: z.url({ protocol: /^https?$/, message: 'Only http and https links can be opened' }).max(2000) }).strict(),
  ),
} as const;
