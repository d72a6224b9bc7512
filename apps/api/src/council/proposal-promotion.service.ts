import type { CaseDetail, ProposalDetail } from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CasesService } from '../cases/cases.service';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import { EventStream } from '../events/event-stream.service';
import { localDate } from '../org/opening-hours';
import type { ProposalEntity } from './council.entities';
import type { PromoteCasesDto } from './council.dto';
import { ProposalActivityRepository } from './proposal-activity.repository';
import { COUNCIL_WORKERS } from './proposal-lifecycle';
import { appendProposalEvent } from './proposal-pushes';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/**
 * From complaint to project: staff take one or several concern cases (说事) of their community to
 * the council as one submitted proposal. The cases and the proposal link both ways, each case's
 * timeline says it was taken to the council, and the cases' residents follow the proposal.
 */
@Injectable()
export class ProposalPromotionService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly cases: CasesService,
    private readonly repo: ProposalsRepository,
    private readonly activity: ProposalActivityRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async promote(actor: Actor, dto: PromoteCasesDto): Promise<ProposalDetail> {
    const communityId = actor.communityId;
    if (actor.kind !== 'staff' || !communityId || !COUNCIL_WORKERS.includes(actor.role))
      throw AppException.forbidden('The community’s staff take its concerns to the council');
    const cases = await this.concernCases(actor, communityId, dto.caseIds);
    let authorCompound: string | null = null;
    if (dto.authorResidentId) {
      const r = await this.repo.residentInCommunity(dto.authorResidentId, communityId);
      if (!r)
        throw AppException.invalid(
          'authorResidentId',
          'no such resident in this community',
          'not_found',
        );
      authorCompound = r.compoundId;
    }
    const compounds = [...new Set(cases.map((c) => c.compoundId))];
    const compoundId =
      dto.compoundId ?? authorCompound ?? (compounds.length === 1 ? compounds[0]! : null);
    if (compoundId) await this.proposals.checkCompound(compoundId, communityId);
    const caseIds = cases.map((c) => c.id);
    const now = this.clock.now();
    const id = await this.db.transaction(async (m) => {
      await this.repo.lockCases(m, caseIds);
      const taken = await this.repo.casesInCouncil(m, caseIds);
      if (taken[0])
        throw new AppException(
          'CONFLICT',
          `A case is already before the council in proposal ${taken[0].number}`,
          undefined,
          {
            reason: 'case_in_council',
            caseId: taken[0].caseId,
            proposalId: taken[0].proposalId,
            proposalNumber: taken[0].number,
          },
        );
      const row: Partial<ProposalEntity> = {
        number: await this.repo.nextNumber(m, localDate(now)),
        communityId,
        compoundId,
        origin: 'cases',
        authorResidentId: dto.authorResidentId ?? null,
        createdByStaffId: actor.id,
        title: dto.title,
        description: dto.description,
        topic: dto.topic,
        status: 'submitted',
        statusChangedAt: now,
        submittedAt: now,
      };
      const id = await this.repo.insert(m, row);
      const p = { ...row, id } as ProposalEntity;
      await this.repo.linkCases(m, id, communityId, caseIds, actor.id, now);
      const residents = cases
        .map((c) => c.residentId)
        .filter((r): r is string => !!r && r !== dto.authorResidentId);
      const followers = await this.activity.addFollowers(m, id, communityId, residents, 'case');
      if (dto.authorResidentId)
        await this.activity.recordParticipation(m, {
          residentId: dto.authorResidentId,
          communityId,
          act: 'propose',
          subjectType: 'proposal',
          subjectId: id,
          proposalId: id,
          at: now,
        });
      const similar = await this.repo.similar(p);
      await appendProposalEvent(this.stream, m, actor, p, 'promoted', {
        at: now,
        toStatus: 'submitted',
        data: { caseIds, similarIds: similar.map((s) => s.id) },
        residents: followers,
      });
      for (const c of cases)
        await this.cases.recordTakenToCouncil(actor, c.id, {
          id,
          number: row.number!,
          title: dto.title,
        });
      return id;
    });
    return this.proposals.detail(actor, id);
  }

  /** The named cases, each a concern of the caller's community in their scope; else 400 naming it. */
  private async concernCases(
    actor: Actor,
    communityId: string,
    ids: string[],
  ): Promise<CaseDetail[]> {
    const out: CaseDetail[] = [];
    for (const [i, id] of ids.entries()) {
      const field = `caseIds.${i}`;
      if (ids.indexOf(id) !== i)
        throw AppException.invalid(field, 'the same case is named twice', 'duplicate');
      const c = await this.cases.detail(actor, id).catch((e: unknown) => {
        if (e instanceof AppException && e.code === 'NOT_FOUND') return null;
        throw e;
      });
      if (!c || c.communityId !== communityId)
        throw AppException.invalid(field, 'no such case in your community', 'not_found');
      if (c.kind !== 'concern')
        throw AppException.invalid(
          field,
          'only concerns (说事: complaints, suggestions, hazards) are taken to the council',
          'invalid',
        );
      out.push(c);
    }
    return out;
  }
}
