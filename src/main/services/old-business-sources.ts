import type { Clock } from '../core/clock';
import type { Repositories } from '../db/repositories';
import { AgreementRevisitSource } from './agreements/agreement-revisit-source';
import { OpenCommitmentSource } from './commitments/commitment-source';
import { DecisionReviewSource, OpenProposalSource, UnresolvedObjectionSource } from './decisions/decision-sources';
import { NotReachedSource, ParkingLotSource, type OldBusinessSource } from './planning/old-business';

/** Every kind of leftover, in the order the next meeting lists them. Each capability adds its own. */
export function oldBusinessSources(repos: Repositories, clock: Clock): OldBusinessSource[] {
  return [
    new NotReachedSource(repos, clock),
    new ParkingLotSource(repos, clock),
    new OpenCommitmentSource(repos, clock),
    new OpenProposalSource(repos, clock),
    new UnresolvedObjectionSource(repos, clock),
    new DecisionReviewSource(repos, clock),
    new AgreementRevisitSource(repos, clock),
  ];
}
