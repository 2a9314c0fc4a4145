import { z } from 'zod';
import type { AppInfo, Member, PlatformInfo, SaveOutcome, Settings, Team, TeamDetail } from './domain';
import type { EventsSince, Topic } from './events';
import type { JsonSafe } from './json';
import { fileName, id, name, optionalLine, timeZone } from './validation';

export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Topics whose readers must refetch after this operation commits. */
  invalidates: readonly Topic[];
  /** Phantom: carries the output type only. */
  readonly output?: (o: O) => O;
}

/** Declares an operation whose output type `O` must be plain JSON (else the call needs an argument it cannot get). */
function op<O>(..._notJson: [O] extends [JsonSafe<O>] ? [] : ['output type is not plain JSON']) {
  return <I extends z.ZodType>(def: { input: I; invalidates?: readonly Topic[] }): OperationDef<I, O> => ({
    input: def.input,
    invalidates: def.invalidates ?? [],
  });
}

const none = z.object({}).strict();

/**
 * Every operation main serves, declared once. Main registers a handler for each
 * key (a missing one fails to compile), the preload and the browser transport
 * expose exactly these names, and inputs are validated against these schemas.
 */
export const contract = {
  'app.info': op<AppInfo>()({ input: none }),
  'events.since': op<EventsSince>()({
    input: z.object({ epoch: z.string().max(64), revision: z.number().int().min(0) }).strict(),
  }),

  'settings.get': op<Settings>()({ input: none }),
  'settings.update': op<Settings>()({
    input: z.object({ theme: z.enum(['light', 'dark', 'contrast']) }).strict(),
    invalidates: ['settings'],
  }),

  'teams.list': op<Team[]>()({ input: none }),
  'teams.get': op<TeamDetail>()({ input: z.object({ teamId: id }).strict() }),
  'teams.create': op<Team>()({
    input: z
      .object({
        name: name('Team name'),
        timeZone,
        members: z.array(name('Member name')).max(200, { message: 'At most 200 members at once' }).default([]),
      })
      .strict(),
    invalidates: ['teams'],
  }),
  'teams.rename': op<Team>()({
    input: z.object({ teamId: id, name: name('Team name') }).strict(),
    invalidates: ['teams'],
  }),

  'members.add': op<Member>()({
    input: z.object({ teamId: id, name: name('Member name'), roleTitle: optionalLine('Role title').default(null) }).strict(),
    invalidates: ['teams'],
  }),
  'members.update': op<Member>()({
    input: z.object({ memberId: id, name: name('Member name'), roleTitle: optionalLine('Role title') }).strict(),
    invalidates: ['teams'],
  }),
  'members.markLeft': op<Member>()({ input: z.object({ memberId: id }).strict(), invalidates: ['teams'] }),
  'members.rejoin': op<Member>()({ input: z.object({ memberId: id }).strict(), invalidates: ['teams'] }),

  'demo.load': op<Team>()({ input: none, invalidates: ['teams'] }),

  'platform.info': op<PlatformInfo>()({ input: none }),
  'files.saveText': op<SaveOutcome>()({
    input: z
      .object({
        suggestedName: fileName,
        kind: z.enum(['markdown', 'html', 'calendar', 'json']),
        content: z.string().max(20 * 1024 * 1024, { message: 'The file is larger than 20 MB' }),
      })
      .strict(),
  }),
  'links.openExternal': op<{ status: 'opened' | 'client' }>()({
    input: z.object({ url: z.url({ protocol: /^https?$/, message: 'Only http and https links can be opened' }).max(2000) }).strict(),
  }),
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
