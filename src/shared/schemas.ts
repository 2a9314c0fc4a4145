/**
 * Every operation's input schema (zod) and answer type, by name; their meaning for the cache and the change events
 * is in ./manifest. Main loads these with the contract (./contract); the renderer imports this module lazily
 * (api/schemas.ts), when a form or a write first needs it, so its first screen loads neither zod nor a schema.
 */
import { agreementSchemas } from './operations/agreement-schemas';
import { appSchemas } from './operations/app-schemas';
import { archiveSchemas } from './operations/archive-schemas';
import { commitmentSchemas } from './operations/commitment-schemas';
import { decisionSchemas } from './operations/decision-schemas';
import { exportSchemas } from './operations/export-schemas';
import { healthSchemas } from './operations/health-schemas';
import { liveSchemas } from './operations/live-schemas';
import { meetingViewSchemas } from './operations/meeting-view-schemas';
import { minutesSchemas } from './operations/minutes-schemas';
import { planningSchemas } from './operations/planning-schemas';
import { roleSchemas } from './operations/role-schemas';
import { syncSchemas } from './operations/sync-schemas';
import { teamSchemas } from './operations/team-schemas';

export const schemas = {
  ...appSchemas,
  ...teamSchemas,
  ...planningSchemas,
  ...meetingViewSchemas,
  ...liveSchemas,
  ...minutesSchemas,
  ...decisionSchemas,
  ...commitmentSchemas,
  ...exportSchemas,
  ...healthSchemas,
  ...agreementSchemas,
  ...roleSchemas,
  ...archiveSchemas,
  ...syncSchemas,
} as const;

export type Schemas = typeof schemas;
