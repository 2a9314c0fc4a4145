import type { TemplateItem } from '@shared/planning';

export interface BuiltinTemplate {
  key: string;
  name: string;
  description: string;
  items: TemplateItem[];
}

const item = (kind: TemplateItem['kind'], title: string, plannedMin: number, notes = ''): TemplateItem => ({
  kind,
  title,
  plannedMin,
  notes,
});

/** Shipped agendas. Each item maps onto a kind of DOMAIN.md with its own title. */
export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  {
    key: 'weekly-accountability',
    name: 'Weekly accountability',
    description: 'Check in, review commitments and decisions, hear updates, decide, recognise, rate the meeting.',
    items: [
      item('check_in', 'Check-in round', 5, 'One sentence each: how are you arriving?'),
      item('commitment_review', 'Commitment review', 10),
      item('round_robin', 'Round-robin updates', 10),
      item('decision_review', 'Decisions due for review', 5),
      item('proposal', 'Proposals and discussion', 10),
      item('recognition', 'Recognition', 3),
      item('check_out', 'Check-out rating', 2, '1-10, and what would make the next one better'),
    ],
  },
  {
    key: 'eos-level-10',
    name: 'Level 10 (EOS style)',
    description: 'Segue, scorecard, rocks, headlines, to-dos, IDS, conclude: 90 minutes.',
    items: [
      item('check_in', 'Segue', 5, 'Personal and professional good news'),
      item('metrics_review', 'Scorecard', 5),
      item('commitment_review', 'Rocks', 5, 'On track or off track'),
      item('round_robin', 'Headlines', 5, 'Customer and employee headlines'),
      item('commitment_review', 'To-dos', 5),
      item('discussion', 'IDS: identify, discuss, solve', 60, 'Work the parking lot, most important first'),
      item('check_out', 'Conclude', 5, 'Recap to-dos, cascading messages, rate 1-10'),
    ],
  },
  {
    key: 'holacracy-tactical',
    name: 'Tactical (Holacracy style)',
    description: 'Check-in, checklist, metrics, progress updates, agenda building, triage, closing round.',
    items: [
      item('check_in', 'Check-in round', 5),
      item('round_robin', 'Checklist review', 5),
      item('metrics_review', 'Metrics review', 5),
      item('round_robin', 'Progress updates', 10),
      item('discussion', 'Agenda building', 3, 'One or two words per tension'),
      item('discussion', 'Triage issues', 30),
      item('check_out', 'Closing round', 2),
    ],
  },
  {
    key: 'retrospective',
    name: 'Retrospective',
    description: 'Set the stage, gather data, generate insights, decide what to do, close.',
    items: [
      item('check_in', 'Set the stage', 5),
      item('metrics_review', 'Gather data: how the last weeks went', 10),
      item('discussion', 'Generate insights', 20),
      item('proposal', 'Decide what to do', 15),
      item('check_out', 'Close the retrospective', 5),
    ],
  },
];
