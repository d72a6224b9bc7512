import type { ResidentFollowUp, ResidentFollowUpContact, ResidentRating } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { FollowUpsRepository } from './follow-ups.repository';

/**
 * What a resident sees of the follow-ups of their own request: that the community followed up
 * (how and when), their own ratings, and whether they may rate now. Never the worker's name or
 * notes, nor anything staff recorded about the resident's answers on the phone.
 */
@Injectable()
export class ResidentFollowUpsService {
  constructor(private readonly repo: FollowUpsRepository) {}

  async view(actor: Actor, caseId: string): Promise<ResidentFollowUp> {
    if (actor.kind !== 'resident')
      throw AppException.forbidden('Residents see the follow-ups of their own requests');
    const c = await this.repo.caseForFollowUp(caseId);
    if (!c || c.residentId !== actor.id) throw AppException.notFound('Case');
    const [latest, attempts] = await Promise.all([
      this.repo.latestRound(caseId),
      this.repo.attemptsOfCase(caseId),
    ]);
    const ratings: ResidentRating[] = [];
    const contacts: ResidentFollowUpContact[] = [];
    for (const a of attempts) {
      // A correction fixes the record of an earlier attempt: no second contact happened.
      if (a.supersedesId) continue;
      const at = new Date(a.recordedAt).toISOString();
      if (a.method === 'app') {
        if (a.recordedByKind !== 'resident' || !a.satisfaction || !a.solved) continue;
        ratings.push({
          round: a.round,
          satisfaction: a.satisfaction,
          solved: a.solved,
          comment: a.notes,
          ratedAt: at,
          verdict: a.verdict,
        });
      } else {
        contacts.push({ round: a.round, method: a.method, outcome: a.outcome, at });
      }
    }
    return {
      caseId,
      // The same rule as the rating itself: resolved, and the latest round not rated in the app.
      canRate: c.status === 'resolved' && !latest?.rated,
      ratings,
      contacts,
    };
  }
}
