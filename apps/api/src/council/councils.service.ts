import {
  COUNCIL_MEMBER_ROLES,
  PARTICIPATION_ACTS,
  type Council,
  type CouncilMember,
  type CouncilPush,
  type ParticipationAct,
  type ParticipationSummary,
} from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { localDate } from '../org/opening-hours';
import { RealtimeService } from '../realtime/realtime.service';
import type { CouncilEntity, CouncilMemberEntity } from './council.entities';
import type {
  AddCouncilMemberDto,
  ParticipationQuery,
  UpdateCouncilMemberDto,
  UpdateCouncilRulesDto,
} from './council.dto';
import { quorumOf, rulesOf, supportThresholdOf } from './council-rules';
import { type CommunityFacts, CouncilsRepository, type MemberRow } from './councils.repository';

const YEAR_MS = 365 * 86_400_000;

function toMember(m: MemberRow, today: string): CouncilMember {
  return {
    id: m.id,
    kind: m.kind,
    role: m.role,
    residentId: m.residentId,
    staffId: m.staffId,
    name: m.displayName,
    organisation: m.organisation,
    termStart: m.termStart,
    termEnd: m.termEnd,
    current: m.termStart <= today && (m.termEnd === null || m.termEnd >= today),
  };
}

/**
 * A community's council (幸福议事会): its rules (support threshold, quorum, adoption) and its
 * members' terms. The community admin changes them; the community's staff and residents, its
 * street and the district read them.
 */
@Injectable()
export class CouncilsService implements OnModuleInit {
  constructor(
    private readonly repo: CouncilsRepository,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.realtime.render('council', (_events) =>
      Promise.resolve((event) => {
        const push: CouncilPush = {
          eventId: event.id,
          communityId: event.communityId!,
          type: event.data['type'] as CouncilPush['type'],
        };
        return push;
      }),
    );
  }

  async get(actor: Actor, communityId: string): Promise<Council> {
    const community = await this.community(actor, communityId);
    const council = await this.repo.findCouncil(communityId);
    const rules = rulesOf(council);
    const today = localDate(this.clock.now());
    const order = (m: CouncilMember) => (m.current ? 0 : 10) + COUNCIL_MEMBER_ROLES.indexOf(m.role);
    const members = (council ? await this.repo.members(council.id) : [])
      .map((m) => toMember(m, today))
      .sort((a, b) => order(a) - order(b));
    const current = members.filter((m) => m.current).length;
    return {
      communityId,
      households: community.households,
      rules,
      supportThreshold: supportThresholdOf(rules, community.households),
      currentMembers: current,
      quorum: quorumOf(rules, current),
      members,
      updatedAt: council ? new Date(council.updatedAt).toISOString() : null,
    };
  }

  async updateRules(
    actor: Actor,
    communityId: string,
    dto: UpdateCouncilRulesDto,
  ): Promise<Council> {
    await this.editable(actor, communityId);
    await this.db.transaction(async (m) => {
      const council = await this.repo.lockCouncil(m, communityId);
      const rules = { ...rulesOf(council), ...dto };
      if (rules.supportThresholdKind === 'count' && !rules.supportThresholdCount)
        throw AppException.invalid(
          'supportThresholdCount',
          'a threshold by count needs the count',
          'required',
        );
      if (rules.quorumKind === 'count' && !rules.quorumCount)
        throw AppException.invalid('quorumCount', 'a quorum by count needs the count', 'required');
      await this.repo.updateCouncil(m, council.id, rules);
      await this.append(m, actor, council, 'rules_changed', { changed: Object.keys(dto) });
    });
    return this.get(actor, communityId);
  }

  async addMember(actor: Actor, communityId: string, dto: AddCouncilMemberDto): Promise<Council> {
    await this.editable(actor, communityId);
    const who = await this.memberIdentity(communityId, dto);
    this.checkTerm(dto.termStart, dto.termEnd ?? null);
    await this.db.transaction(async (m) => {
      const council = await this.repo.lockCouncil(m, communityId);
      await this.refuseOverlap(m, council.id, who, dto.termStart, dto.termEnd ?? null, null);
      const id = await this.repo.insertMember(m, {
        councilId: council.id,
        communityId,
        kind: dto.kind,
        role: dto.role,
        ...who,
        organisation: dto.organisation || null,
        termStart: dto.termStart,
        termEnd: dto.termEnd ?? null,
      });
      await this.append(m, actor, council, 'member_added', { memberId: id, role: dto.role });
    });
    return this.get(actor, communityId);
  }

  async updateMember(actor: Actor, id: string, dto: UpdateCouncilMemberDto): Promise<Council> {
    const found = await this.repo.findMember(actor, id);
    if (!found) throw AppException.notFound('Council member');
    await this.editable(actor, found.communityId);
    if (dto.name !== undefined && found.kind !== 'other')
      throw AppException.invalid(
        'name',
        'residents and staff are named by their own record',
        'unchangeable',
      );
    await this.db.transaction(async (m) => {
      const council = await this.repo.lockCouncil(m, found.communityId);
      const member = (await this.repo.findMember(actor, id, m))!;
      const start = dto.termStart ?? member.termStart;
      const end = dto.termEnd ?? member.termEnd;
      this.checkTerm(start, end);
      await this.refuseOverlap(m, council.id, member, start, end, member.id);
      const patch: Partial<CouncilMemberEntity> = {
        ...(dto.role ? { role: dto.role } : {}),
        ...(dto.name ? { name: dto.name } : {}),
        ...(dto.organisation !== undefined ? { organisation: dto.organisation || null } : {}),
        termStart: start,
        termEnd: end,
      };
      await this.repo.updateMember(m, id, patch);
      await this.append(m, actor, council, 'member_changed', {
        memberId: id,
        changed: Object.keys(dto),
      });
    });
    return this.get(actor, found.communityId);
  }

  /** Residents who took part in self-governance in [from, to) ÷ the community's registered residents. */
  async participation(
    actor: Actor,
    communityId: string,
    q: ParticipationQuery,
  ): Promise<ParticipationSummary> {
    if (actor.kind !== 'staff') throw AppException.forbidden();
    const community = await this.community(actor, communityId);
    const to = q.to ? new Date(q.to) : this.clock.now();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - YEAR_MS);
    if (from.getTime() >= to.getTime())
      throw AppException.invalid('to', 'must be after from', 'not_after', { field: 'from' });
    const counts = await this.repo.participationCounts(communityId, from, to);
    const byAct = Object.fromEntries(PARTICIPATION_ACTS.map((a) => [a, 0])) as Record<
      ParticipationAct,
      number
    >;
    for (const { act, n } of counts.byAct) byAct[act] = n;
    const registered = community.registeredResidents;
    return {
      communityId,
      from: from.toISOString(),
      to: to.toISOString(),
      registeredResidents: registered,
      participants: counts.participants,
      rate:
        registered > 0 ? Math.round((counts.participants / registered) * 10_000) / 10_000 : null,
      byAct,
    };
  }

  // Helpers

  private async community(actor: Actor, id: string): Promise<CommunityFacts> {
    const c = await this.repo.communityInScope(actor, id);
    if (!c) throw AppException.notFound('Community');
    return c;
  }

  private async editable(actor: Actor, communityId: string): Promise<void> {
    await this.community(actor, communityId);
    if (
      actor.kind !== 'staff' ||
      actor.role !== 'community_admin' ||
      actor.communityId !== communityId
    )
      throw AppException.forbidden('The community admin sets up its council');
  }

  private async memberIdentity(
    communityId: string,
    dto: AddCouncilMemberDto,
  ): Promise<{ residentId: string | null; staffId: string | null; name: string | null }> {
    const stray = (field: 'residentId' | 'staffId' | 'name', kind: string) =>
      AppException.invalid(field, `only a member of kind ${kind} names ${field}`);
    if (dto.kind !== 'resident' && dto.residentId) throw stray('residentId', 'resident');
    if (dto.kind !== 'staff' && dto.staffId) throw stray('staffId', 'staff');
    if (dto.kind !== 'other' && dto.name) throw stray('name', 'other');
    if (dto.kind === 'resident') {
      if (!dto.residentId)
        throw AppException.invalid('residentId', 'name the resident', 'required');
      if (!(await this.repo.residentInCommunity(dto.residentId, communityId)))
        throw AppException.invalid('residentId', 'no such resident in this community', 'not_found');
      return { residentId: dto.residentId, staffId: null, name: null };
    }
    if (dto.kind === 'staff') {
      if (!dto.staffId) throw AppException.invalid('staffId', 'name the worker', 'required');
      if (!(await this.repo.staffInCommunity(dto.staffId, communityId)))
        throw AppException.invalid('staffId', 'no such worker in this community', 'not_found');
      return { residentId: null, staffId: dto.staffId, name: null };
    }
    if (!dto.name) throw AppException.invalid('name', 'name the outside member', 'required');
    return { residentId: null, staffId: null, name: dto.name };
  }

  private checkTerm(start: string, end: string | null): void {
    if (end !== null && end < start)
      throw AppException.invalid('termEnd', 'the term ends after it starts', 'not_after', {
        field: 'termStart',
      });
  }

  private async refuseOverlap(
    m: Tx,
    councilId: string,
    who: { residentId: string | null; staffId: string | null },
    start: string,
    end: string | null,
    exceptId: string | null,
  ): Promise<void> {
    const other = await this.repo.overlappingTerm(m, councilId, who, start, end, exceptId);
    if (other)
      throw new AppException(
        'CONFLICT',
        'This person already serves on the council in that period',
        undefined,
        { reason: 'already_member', memberId: other },
      );
  }

  private append(
    m: Tx,
    actor: Actor,
    council: CouncilEntity,
    type: CouncilPush['type'],
    data: Record<string, unknown>,
  ): Promise<string> {
    return this.stream.append(m, {
      name: 'council.updated',
      subject: { type: 'council', id: council.id },
      communityId: council.communityId,
      rooms: [`community:${council.communityId}`],
      actor,
      data: { type, ...data },
      at: this.clock.now(),
    });
  }
}
