/**
 * Starter agreements a team adapts. They name roles, not people: choosing one creates the roles
 * the team does not have yet (vacant until someone holds them).
 */
export interface StarterRight {
  kind: string;
  /** A role by name, or the whole team. */
  decider: { role: string } | 'team';
  consulted: string;
  informed: string;
}

export interface AgreementStarter {
  key: string;
  name: string;
  summary: string;
  roles: { name: string; purpose: string }[];
  rights: StarterRight[];
  escalation: { when: string; to: string }[];
  checkInCadence: string;
  norms: { communication: string; responseTimes: string; documentation: string };
  freeText: string;
}

export const AGREEMENT_STARTERS: AgreementStarter[] = [
  {
    key: 'small-product-team',
    name: 'Small product team',
    summary: 'Five to nine people building one product: a product lead, a tech lead, decisions close to the work.',
    roles: [
      { name: 'Product lead', purpose: 'The product solves the problems our customers pay us to solve' },
      { name: 'Tech lead', purpose: 'The system stays reliable, secure and easy to change' },
    ],
    rights: [
      { kind: 'Product scope and priorities', decider: { role: 'Product lead' }, consulted: 'Tech lead, design', informed: 'Whole team' },
      { kind: 'Technical architecture', decider: { role: 'Tech lead' }, consulted: 'Engineers', informed: 'Product lead' },
      { kind: 'Release timing', decider: { role: 'Product lead' }, consulted: 'Tech lead, QA', informed: 'Support' },
      { kind: 'Changes to this agreement', decider: 'team', consulted: 'Everyone', informed: 'Stakeholders' },
    ],
    escalation: [
      { when: 'An objection the team cannot resolve in the meeting', to: 'Head of product' },
      { when: 'A security or data-loss risk', to: 'Tech lead, at once' },
    ],
    checkInCadence: 'Weekly, 45 minutes, same day and time.',
    norms: {
      communication: 'Say what you need and by when. Disagree in the room, commit outside it.',
      responseTimes: 'Chat within half a working day; email within a working day.',
      documentation: 'Decisions go in the decision log the same day.',
    },
    freeText: '',
  },
  {
    key: 'leadership-team',
    name: 'Leadership team',
    summary: 'Heads of functions running a company or department together: clear owners, the whole team for strategy.',
    roles: [
      { name: 'Chair', purpose: 'The leadership team meets, decides and follows through' },
      { name: 'Finance owner', purpose: 'We spend within the plan and know our runway' },
      { name: 'People owner', purpose: 'People are hired, grown and kept well' },
    ],
    rights: [
      { kind: 'Strategy and yearly goals', decider: 'team', consulted: 'Department leads', informed: 'Whole company' },
      { kind: 'Budget changes', decider: { role: 'Finance owner' }, consulted: 'Affected heads', informed: 'Leadership team' },
      { kind: 'Hiring and org changes', decider: { role: 'People owner' }, consulted: 'Hiring manager', informed: 'Leadership team' },
      { kind: 'Meeting agenda and cadence', decider: { role: 'Chair' }, consulted: 'Leadership team', informed: '' },
    ],
    escalation: [
      { when: 'Two heads disagree on priorities', to: 'Chair, then the whole leadership team' },
      { when: 'A legal or reputational risk', to: 'CEO' },
    ],
    checkInCadence: 'Weekly, 90 minutes; quarterly planning day.',
    norms: {
      communication: 'One voice after a decision: we explain it as ours.',
      responseTimes: 'Urgent: phone. Otherwise within one working day.',
      documentation: 'Decisions and their rationale in the log; minutes within a day.',
    },
    freeText: '',
  },
  {
    key: 'volunteer-group',
    name: 'Volunteer group',
    summary: 'People giving their time: light rules, rotating roles, the group decides together.',
    roles: [{ name: 'Coordinator', purpose: 'Volunteers know what is needed and who does it' }],
    rights: [
      { kind: 'Events and activities', decider: 'team', consulted: 'Everyone', informed: 'Members' },
      { kind: 'Spending up to the agreed limit', decider: { role: 'Coordinator' }, consulted: 'Treasurer', informed: 'Group' },
    ],
    escalation: [{ when: 'A conflict between volunteers', to: 'Coordinator' }],
    checkInCadence: 'Every two weeks, 60 minutes.',
    norms: {
      communication: 'Kind and direct. Nobody is expected to answer outside their time.',
      responseTimes: 'Within a few days.',
      documentation: 'Notes shared after each meeting.',
    },
    freeText: '',
  },
];

export const STARTER_KEYS = AGREEMENT_STARTERS.map((s) => s.key) as [string, ...string[]];
