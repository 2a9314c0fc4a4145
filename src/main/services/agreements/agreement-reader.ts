import { agreementBody } from '@shared/agreement-schema';
import type { AgreementBody, AgreementVersion, ResolvedDecisionRight } from '@shared/agreements';
import type { Repositories } from '../../db/repositories';
import type { AgreementVersionRecord } from '../../db/repositories/agreements-repository';

/** Reads a stored version: its JSON checked against the same schema that admitted it, deciders named. */
export class AgreementReader {
  constructor(private readonly repos: Repositories) {}

  body(row: AgreementVersionRecord): AgreementBody {
    const parsed = agreementBody.safeParse(JSON.parse(row.bodyJson));
    if (!parsed.success) throw new Error(`Agreement version ${row.version} is stored in a shape this Cadence cannot read`);
    return parsed.data as AgreementBody;
  }

  toVersion(row: AgreementVersionRecord): AgreementVersion {
    const body = this.body(row);
    return {
      id: row.id,
      teamId: row.teamId,
      version: row.version,
      body,
      rights: this.resolve(row.teamId, body),
      changeNote: row.changeNote,
      revisitBy: row.revisitBy,
      starter: row.starter,
      createdAt: row.createdAt,
    };
  }

  /** Names each decider; a role's decision owner is whoever holds the role now. */
  resolve(teamId: string, body: AgreementBody): ResolvedDecisionRight[] {
    const members = new Map(this.repos.members.listByTeam(teamId).map((m) => [m.id, m]));
    const roles = new Map(this.repos.roles.forTeam(teamId).map((r) => [r.id, r]));
    return body.decisionRights.map((right) => {
      const d = right.decider;
      if (d.type === 'member') {
        const m = members.get(d.id ?? '');
        return {
          ...right,
          deciderName: m ? m.name : 'A former member',
          holderName: null,
          suggestedOwnerId: m && m.leftAt === null ? m.id : null,
        };
      }
      if (d.type === 'role') {
        const r = roles.get(d.id ?? '');
        const holder = r?.holderId ? members.get(r.holderId) : undefined;
        const active = holder && holder.leftAt === null ? holder : undefined;
        return {
          ...right,
          deciderName: r ? r.name : 'A removed role',
          holderName: active?.name ?? null,
          suggestedOwnerId: active?.id ?? null,
        };
      }
      return { ...right, deciderName: 'The whole team', holderName: null, suggestedOwnerId: null };
    });
  }
}
