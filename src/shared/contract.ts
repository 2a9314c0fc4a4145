import { z } from 'zod';
import type { AppInfo, BackupInfo, Member, PlatformInfo, SaveOutcome, Settings, Team, TeamDetail } from './domain';
import type { EventsSince, Topic } from './events';
import type { JsonSafe } from './json';
import type { AgendaTemplate, ExportedFile, MeetingDetail, MeetingLists, ParkingLotItem, Series } from './planning';
import { AGENDA_KIND_IDS } from './planning';
import type { Commitment, CommitmentBoard, FollowThrough } from './commitments';
import { REVIEW_OUTCOMES } from './commitments';
import type { DecisionDetail, DecisionFacets, DecisionLogPage } from './decisions';
import { DECISION_STATUS_IDS, isObjection, RESOLUTION_IDS, STANCE_IDS } from './decisions';
import {
  calendarDate,
  fileName,
  hasWords,
  id,
  longText,
  minutes,
  name,
  optionalLine,
  reasonText,
  tag,
  timeZone,
  wallTime,
} from './validation';

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
const revision = z.number({ message: 'expectedRevision is required' }).int().min(0);
const kind = z.enum(AGENDA_KIND_IDS, { message: 'Choose a kind of agenda item' });
const memberOrNone = id.nullable().default(null);

const seriesFields = {
  name: name('Series name'),
  cadence: z.enum(['weekly', 'every_n_weeks', 'monthly'], { message: 'Cadence must be weekly, every N weeks or monthly' }),
  intervalWeeks: z
    .number()
    .int()
    .min(1, { message: 'Every N weeks needs N of at least 1' })
    .max(12, { message: 'At most every 12 weeks' })
    .default(1),
  weekday: z.number().int().min(1).max(7).nullable().default(null),
  monthDay: z.number().int().min(1).max(31).nullable().default(null),
  monthWeek: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
    .nullable()
    .default(null),
  startTime: wallTime,
  timeZone: timeZone.optional(),
  startsOn: calendarDate,
  defaultLengthMin: minutes('Meeting length'),
  defaultFacilitatorId: memberOrNone,
  rotateFacilitator: z.boolean().default(false),
  templateId: id.nullable().default(null),
};

const itemFields = {
  kind,
  title: name('Item title', 200),
  plannedMin: minutes('Planned time'),
  ownerId: memberOrNone,
  notes: longText('Notes').default(''),
  roundOrder: z.enum(['team', 'shuffle', 'rotate'], { message: 'Speaker order must be team order, shuffled or rotating' }).default('team'),
  turnTimeboxSec: z
    .number({ message: 'Time per speaker must be a number of seconds' })
    .int()
    .min(10, { message: 'Time per speaker must be at least 10 seconds' })
    .max(3600, { message: 'Time per speaker cannot be more than an hour' })
    .nullable()
    .default(null),
};
const live = z.object({ meetingId: id }).strict();

const decisionOption = z
  .object({ title: name('Option', 200), pros: longText('Pros', 2000).default(''), cons: longText('Cons', 2000).default('') })
  .strict();
/** The parts of a decision record a facilitator writes; all optional so a form can save one field. */
const decisionFields = {
  title: name('Decision title', 200).optional(),
  question: longText('Question', 5000).optional(),
  context: longText('Context').optional(),
  options: z.array(decisionOption).max(12, { message: 'At most 12 options' }).optional(),
  decision: longText('Decision', 10_000).optional(),
  rationale: longText('Rationale').optional(),
  proposerId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  decisionRight: optionalLine('Decision right', 200).optional(),
  risks: longText('Risks', 10_000).optional(),
  timeline: longText('Expected timeline', 2000).optional(),
  reviewDate: calendarDate.nullable().optional(),
  tags: z.array(tag).max(12, { message: 'At most 12 tags' }).optional(),
};
/** Who proposed it is history: an amendment cannot rewrite it. */
const { proposerId: _proposer, ...amendableFields } = decisionFields;

/**
 * Every operation main serves, declared once. Main registers a handler for each
 * key (a missing one fails to compile), the preload and the browser transport
 * expose exactly these names, and inputs are validated against these schemas.
 */
export const contract = {
  'app.info': op<AppInfo>()({ input: none }),
  'app.diagnostics': op<{ text: string }>()({ input: none }),
  'events.since': op<EventsSince>()({
    input: z.object({ epoch: z.string().max(64), revision: z.number().int().min(0) }).strict(),
  }),

  'settings.get': op<Settings>()({ input: none }),
  'settings.update': op<Settings>()({
    input: z
      .object({
        theme: z.enum(['light', 'dark', 'contrast']).optional(),
        dateStyle: z.enum(['locale', 'iso', 'dmy', 'mdy']).optional(),
        clock: z.enum(['24h', '12h']).optional(),
        weekStartsOn: z.union([z.literal(1), z.literal(6), z.literal(7)]).optional(),
        defaultExportFolder: z.string().trim().max(1000).nullable().optional(),
        chime: z.boolean().optional(),
      })
      .strict(),
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
  'members.markLeft': op<Member>()({ input: z.object({ memberId: id }).strict(), invalidates: ['teams', 'commitments'] }),
  'members.rejoin': op<Member>()({ input: z.object({ memberId: id }).strict(), invalidates: ['teams'] }),

  'demo.load': op<Team>()({ input: none, invalidates: ['teams', 'meetings', 'parkingLot', 'decisions', 'commitments'] }),

  'teams.setTimeZone': op<Team>()({ input: z.object({ teamId: id, timeZone }).strict(), invalidates: ['teams', 'meetings'] }),

  'series.list': op<Series[]>()({ input: z.object({ teamId: id }).strict() }),
  'series.create': op<Series>()({ input: z.object({ teamId: id, ...seriesFields }).strict(), invalidates: ['meetings'] }),
  'series.update': op<Series>()({ input: z.object({ seriesId: id, ...seriesFields }).strict(), invalidates: ['meetings'] }),
  'series.createNextMeeting': op<{ meetingId: string }>()({ input: z.object({ seriesId: id }).strict(), invalidates: ['meetings'] }),
  'series.exportCalendar': op<ExportedFile>()({ input: z.object({ seriesId: id }).strict() }),

  'templates.list': op<AgendaTemplate[]>()({ input: z.object({ teamId: id.nullable() }).strict() }),
  'templates.saveFromMeeting': op<AgendaTemplate>()({
    input: z.object({ meetingId: id, name: name('Template name') }).strict(),
    invalidates: ['meetings'],
  }),

  'meetings.list': op<MeetingLists>()({ input: z.object({ teamId: id.nullable() }).strict() }),
  'meetings.get': op<MeetingDetail>()({ input: z.object({ meetingId: id }).strict() }),
  'meetings.create': op<{ meetingId: string }>()({
    input: z
      .object({
        teamId: id,
        title: name('Meeting title', 200),
        date: calendarDate,
        time: wallTime,
        lengthMin: minutes('Meeting length'),
        facilitatorId: memberOrNone,
        templateId: id.nullable().default(null),
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'meetings.updateDetails': op<MeetingDetail>()({
    input: z
      .object({
        meetingId: id,
        expectedRevision: revision,
        title: name('Meeting title', 200),
        date: calendarDate,
        time: wallTime,
        lengthMin: minutes('Meeting length'),
        facilitatorId: memberOrNone,
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'meetings.amend': op<MeetingDetail>()({
    input: z
      .object({
        meetingId: id,
        reason: name('Reason for the amendment', 500),
        title: name('Meeting title', 200).optional(),
        attendance: z
          .array(z.object({ attendeeId: id, status: z.enum(['present', 'absent', 'late', 'left_early']) }).strict())
          .max(500)
          .optional(),
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'meetings.start': op<MeetingDetail>()({ input: z.object({ meetingId: id }).strict(), invalidates: ['meetings'] }),
  'meetings.end': op<MeetingDetail>()({
    input: z.object({ meetingId: id }).strict(),
    invalidates: ['meetings', 'parkingLot', 'backups', 'decisions', 'commitments'],
  }),

  'live.next': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.previous': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.pause': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.resume': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.extend': op<MeetingDetail>()({
    input: z
      .object({
        meetingId: id,
        minutes: z.number().int().min(1, { message: 'Extend by at least a minute' }).max(60, { message: 'Extend by at most an hour' }),
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'live.park': op<MeetingDetail>()({ input: z.object({ meetingId: id, itemId: id }).strict(), invalidates: ['meetings', 'parkingLot'] }),
  'live.setNotes': op<MeetingDetail>()({
    input: z.object({ meetingId: id, itemId: id, notes: longText('Notes') }).strict(),
    invalidates: ['meetings'],
  }),
  'live.turn': op<MeetingDetail>()({
    input: z.object({ meetingId: id, action: z.enum(['next', 'pass', 'skip', 'later']) }).strict(),
    invalidates: ['meetings'],
  }),
  'live.setTurnNotes': op<MeetingDetail>()({
    input: z.object({ meetingId: id, turnId: id, notes: longText('Notes', 5000) }).strict(),
    invalidates: ['meetings'],
  }),
  'live.rebalance': op<MeetingDetail>()({
    input: z
      .object({
        meetingId: id,
        shorten: z.array(z.object({ itemId: id, plannedMin: minutes('Planned time') }).strict()).max(200),
        cut: z.array(id).max(200),
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'live.undo': op<{ undone: string }>()({ input: live, invalidates: ['meetings', 'parkingLot', 'decisions'] }),

  'agenda.applyTemplate': op<MeetingDetail>()({
    input: z.object({ meetingId: id, expectedRevision: revision, templateId: id }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.addItem': op<MeetingDetail>()({
    input: z.object({ meetingId: id, expectedRevision: revision, ...itemFields }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.updateItem': op<MeetingDetail>()({
    input: z.object({ itemId: id, expectedRevision: revision, ...itemFields }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.removeItem': op<MeetingDetail>()({
    input: z.object({ itemId: id, expectedRevision: revision }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.moveItem': op<MeetingDetail>()({
    input: z.object({ itemId: id, expectedRevision: revision, toIndex: z.number().int().min(0).max(1000) }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.exportMarkdown': op<ExportedFile>()({ input: z.object({ meetingId: id }).strict() }),
  'minutes.markdown': op<ExportedFile>()({ input: z.object({ meetingId: id }).strict() }),

  'attendance.set': op<MeetingDetail>()({
    input: z.object({ attendeeId: id, status: z.enum(['expected', 'present', 'absent', 'late', 'left_early']) }).strict(),
    invalidates: ['meetings'],
  }),
  'attendance.addGuest': op<MeetingDetail>()({
    input: z.object({ meetingId: id, name: name('Guest name') }).strict(),
    invalidates: ['meetings'],
  }),

  'parkingLot.list': op<ParkingLotItem[]>()({ input: z.object({ teamId: id, includeClosed: z.boolean().default(false) }).strict() }),
  'parkingLot.add': op<ParkingLotItem>()({
    input: z.object({ teamId: id, title: name('Title', 200), notes: longText('Notes', 5000).default('') }).strict(),
    invalidates: ['parkingLot'],
  }),
  'parkingLot.update': op<ParkingLotItem>()({
    input: z.object({ itemId: id, title: name('Title', 200), notes: longText('Notes', 5000) }).strict(),
    invalidates: ['parkingLot'],
  }),
  'parkingLot.close': op<ParkingLotItem>()({
    input: z.object({ itemId: id, status: z.enum(['discussed', 'dropped']), meetingId: id.nullable().default(null) }).strict(),
    invalidates: ['parkingLot', 'meetings'],
  }),
  'parkingLot.reopen': op<ParkingLotItem>()({ input: z.object({ itemId: id }).strict(), invalidates: ['parkingLot', 'meetings'] }),

  'decisions.propose': op<DecisionDetail>()({
    input: z
      .object({
        meetingId: id,
        agendaItemId: id,
        ...decisionFields,
        title: name('Decision title', 200),
        supersedesId: id.nullable().default(null),
        supersedeKind: z.enum(['supersedes', 'reverses']).default('supersedes'),
      })
      .strict(),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.update': op<DecisionDetail>()({
    input: z.object({ decisionId: id, ...decisionFields }).strict(),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.position': op<DecisionDetail>()({
    input: z
      .object({
        decisionId: id,
        memberId: id,
        stance: z.enum(STANCE_IDS, { message: 'Choose agree, consent, stand aside, disagree or block' }),
        reason: longText('Reason', 2000).nullable().default(null),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (isObjection(v.stance) && !hasWords(v.reason)) {
          ctx.addIssue({
            code: 'custom',
            path: ['reason'],
            message: `A ${v.stance === 'block' ? 'block' : 'disagreement'} needs a reason: write a few words, not only spaces`,
          });
        }
      }),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.resolveObjection': op<DecisionDetail>()({
    input: z
      .object({
        objectionId: id,
        resolution: z.enum(RESOLUTION_IDS, { message: 'Choose integrated, withdrawn, overruled or escalated' }),
        note: longText('Note', 2000).nullable().default(null),
        newText: longText('Changed proposal', 10_000).nullable().default(null),
        escalatedTo: optionalLine('Escalated to', 200).default(null),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.resolution === 'overruled' && !hasWords(v.note))
          ctx.addIssue({
            code: 'custom',
            path: ['note'],
            message: 'Overruling needs the owner’s reason: write a few words, not only spaces',
          });
        if (v.resolution === 'integrated' && !hasWords(v.newText))
          ctx.addIssue({ code: 'custom', path: ['newText'], message: 'Integrating means changing the proposal: write the changed text' });
        if (v.resolution === 'escalated' && !hasWords(v.escalatedTo))
          ctx.addIssue({ code: 'custom', path: ['escalatedTo'], message: 'Say to whom the objection is escalated' });
      }),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.readBack': op<DecisionDetail>()({
    input: z.object({ decisionId: id, on: z.boolean() }).strict(),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.decide': op<DecisionDetail>()({
    input: z
      .object({ decisionId: id, outcome: z.enum(['accepted', 'rejected', 'deferred', 'proposed'], { message: 'Choose an outcome' }) })
      .strict(),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.amend': op<DecisionDetail>()({
    input: z.object({ decisionId: id, reason: reasonText('Reason for the amendment', 500), ...amendableFields }).strict(),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.review': op<DecisionDetail>()({
    input: z
      .object({
        decisionId: id,
        meetingId: id.nullable().default(null),
        nextReviewDate: calendarDate.nullable(),
        note: reasonText('What the review found', 2000),
      })
      .strict(),
    invalidates: ['meetings', 'decisions'],
  }),
  'decisions.get': op<DecisionDetail>()({ input: z.object({ decisionId: id }).strict() }),
  'decisions.search': op<DecisionLogPage>()({
    input: z
      .object({
        query: z.string({ message: 'Search must be text' }).max(500, { message: 'Search at most 500 characters' }).default(''),
        teamId: id.nullable().default(null),
        statuses: z.array(z.enum(DECISION_STATUS_IDS)).max(6).default([]),
        ownerId: id.nullable().default(null),
        tag: tag.nullable().default(null),
        from: calendarDate.nullable().default(null),
        to: calendarDate.nullable().default(null),
        hasDissent: z.boolean().default(false),
        reviewDue: z.boolean().default(false),
        sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  }),
  'decisions.facets': op<DecisionFacets>()({ input: z.object({ teamId: id.nullable().default(null) }).strict() }),

  'commitments.create': op<Commitment>()({
    input: z
      .object({
        meetingId: id.nullable().default(null),
        teamId: id.nullable().default(null),
        agendaItemId: id.nullable().default(null),
        decisionId: id.nullable().default(null),
        ownerId: id,
        outcome: name('What done looks like', 500),
        dueDate: calendarDate,
        confirmPastDue: z.boolean().default(false),
      })
      .strict(),
    invalidates: ['commitments', 'meetings'],
  }),
  'commitments.record': op<Commitment>()({
    input: z
      .object({
        commitmentId: id,
        meetingId: id.nullable().default(null),
        outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose done, on track, at risk, slipped, renegotiated or dropped' }),
        reason: longText('Reason', 2000).nullable().default(null),
        newDueDate: calendarDate.nullable().default(null),
        rootCause: z.enum(['wrong_assumption', 'missing_resource', 'other']).nullable().default(null),
        correctiveAction: longText('Corrective action', 2000).nullable().default(null),
        corrective: z.object({ ownerId: id, dueDate: calendarDate }).strict().nullable().default(null),
        confirmPastDue: z.boolean().default(false),
      })
      .strict()
      .superRefine((v, ctx) => {
        const need = (ok: boolean, path: string, message: string) => {
          if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
        };
        if (v.outcome === 'at_risk') need(hasWords(v.reason), 'reason', 'Say what help is needed');
        if (v.outcome === 'dropped') need(hasWords(v.reason), 'reason', 'Say why it is dropped');
        if (v.outcome === 'renegotiated') {
          need(v.newDueDate !== null, 'newDueDate', 'A renegotiation needs the new date');
          need(hasWords(v.reason), 'reason', 'A renegotiation needs a reason');
        }
        if (v.outcome === 'slipped') {
          need(v.rootCause !== null, 'rootCause', 'Choose the root cause: a wrong assumption, a missing resource, or something else');
          need(hasWords(v.correctiveAction), 'correctiveAction', 'A slip needs a corrective action');
        }
        if (v.corrective) need(v.outcome === 'slipped', 'corrective', 'Only a slip has a corrective action to commit to');
      }),
    invalidates: ['commitments', 'meetings'],
  }),
  'commitments.reassign': op<Commitment>()({
    input: z.object({ commitmentId: id, ownerId: id, reason: reasonText('Reason for the hand-over', 500) }).strict(),
    invalidates: ['commitments', 'meetings'],
  }),
  'commitments.get': op<Commitment>()({ input: z.object({ commitmentId: id }).strict() }),
  'commitments.board': op<CommitmentBoard>()({
    input: z.object({ teamId: id.nullable().default(null), memberId: id.nullable().default(null) }).strict(),
  }),
  'commitments.followThrough': op<FollowThrough>()({
    input: z.object({ teamId: id, from: calendarDate.nullable().default(null), to: calendarDate.nullable().default(null) }).strict(),
  }),

  'backups.list': op<BackupInfo[]>()({ input: none }),
  'backups.create': op<BackupInfo>()({ input: none, invalidates: ['backups'] }),
  'backups.restore': op<{ restored: BackupInfo; safetyCopy: BackupInfo }>()({
    input: z
      .object({ name: z.string().regex(/^cadence-[0-9TZ-]+-[a-z-]+\.sqlite$/, { message: 'That is not the name of a Cadence backup' }) })
      .strict(),
    invalidates: ['teams', 'settings', 'meetings', 'parkingLot', 'backups', 'decisions', 'commitments'],
  }),

  'platform.info': op<PlatformInfo>()({ input: none }),
  'windows.openProjector': op<{ status: 'opened' | 'client' }>()({ input: z.object({ meetingId: id }).strict() }),
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
