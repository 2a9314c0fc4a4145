import { appOperations } from './operations/app-operations';
import { teamOperations } from './operations/team-operations';
import { planningOperations } from './operations/planning-operations';
import { liveOperations } from './operations/live-operations';
import { meetingViewOperations } from './operations/meeting-view-operations';
import { minutesOperations } from './operations/minutes-operations';
import { decisionOperations } from './operations/decision-operations';
import { commitmentOperations } from './operations/commitment-operations';
import { exportOperations } from './operations/export-operations';
import { healthOperations } from './operations/health-operations';
import { agreementOperations } from './operations/agreement-operations';
import { roleOperations } from './operations/role-operations';
import { archiveOperations } from './operations/archive-operations';
import { syncOperations } from './operations/sync-operations';
import type { OperationDef } from './operations/define';
import type { z } from 'zod';

export type { OperationDef } from './operations/define';

/**
 * Every operation main serves, declared once. Main registers a handler for each
 * key (a missing one fails to compile), the preload and the browser transport
 * expose exactly these names, and inputs are validated against these schemas.
 */
export const contract = {
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

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = Contract[K] extends OperationDef<z.ZodType, infer O> ? O : never;

export const operationNames = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
