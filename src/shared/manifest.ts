/**
 * Every operation main serves, by name: whether it reads or writes, what a write changes and what a read's answer
 * depends on, as plain code without zod (./operations/define). Each operation is declared once: its input's
 * schema and its answer's type in the `*-schemas.ts` file beside its manifest, which is typed from it (./schemas).
 * The renderer's first screen keys and invalidates its reads with this alone.
 */
import type { z } from 'zod';
import { agreementOperations } from './operations/agreement-operations';
import { appOperations } from './operations/app-operations';
import { archiveOperations } from './operations/archive-operations';
import { commitmentOperations } from './operations/commitment-operations';
import { decisionOperations } from './operations/decision-operations';
import type { Io } from './operations/define';
import { exportOperations } from './operations/export-operations';
import { healthOperations } from './operations/health-operations';
import { liveOperations } from './operations/live-operations';
import { meetingViewOperations } from './operations/meeting-view-operations';
import { minutesOperations } from './operations/minutes-operations';
import { planningOperations } from './operations/planning-operations';
import { roleOperations } from './operations/role-operations';
import { syncOperations } from './operations/sync-operations';
import { teamOperations } from './operations/team-operations';
import type { Schemas } from './schemas';

export const manifest = {
  ...appOperations,
  ...teamOperations,
  ...planningOperations,
  ...meetingViewOperations,
  ...liveOperations,
  ...minutesOperations,
  ...decisionOperations,
  ...commitmentOperations,
  ...exportOperations,
  ...healthOperations,
  ...agreementOperations,
  ...roleOperations,
  ...archiveOperations,
  ...syncOperations,
} as const;

export type OperationName = keyof Schemas & keyof typeof manifest;
/** What a caller sends (defaults may be left out). */
export type InputOf<K extends OperationName> = z.input<Schemas[K]['input']>;
/** What a handler gets: the input as the schema parsed it. */
export type ParsedInputOf<K extends OperationName> = z.output<Schemas[K]['input']>;
export type OutputOf<K extends OperationName> = Schemas[K] extends Io<z.ZodType, infer O> ? O : never;

export const operationNames = Object.keys(manifest) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(manifest, name);
}
