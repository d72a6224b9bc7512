import type { MeetingConflict, MeetingDetail, MeetingSummary, Page } from '@baitong/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { systemRead } from '../auth/scope';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { EventStream } from '../events/event-stream.service';
import { localDate } from '../org/opening-hours';
import { RealtimeService } from '../realtime/realtime.service';
import type {
  AddAgendaItemDto,
  CloseMeetingDto,
  CreateMeetingDto,
  DecideAgendaItemDto,
  MeetingListQuery,
  RecordAttendanceDto,
  RecordVoteDto,
  UpdateMeetingDto,
} from './meeting.dto';
import type { MeetingEntity } from './meeting.entities';
import { tallyOf, toMeetingDetail, toMeetingSummary } from './meeting.mapper';
import { appendMeetingEvent, meetingRenderer } from './meeting-pushes';
import { quorumOf, rulesOf, votesToAdopt } from './council-rules';
import { CouncilsRepository } from './councils.repository';
import { type MeetingRow, MeetingsRepository, type ServingMember } from './meetings.repository';
import { ProposalActivityRepository } from './proposal-activity.repository';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService, isCouncilWorker } from './proposals.service';

function conflict(reason: MeetingConflict, message: string, details: object = {}): AppException {
  return new AppException('CONFLICT', message, undefined, { reason, ...details });
}

/** Where a meeting stands on quorum: members serving that day, how many make it, how many came. */
interface Quorum {
  members: ServingMember[];
  quorum: number;
  present: Set<string>;
}

/**
 * Council meetings (议事会会议): the community's staff plan one, put proposals past their threshold
 * on its agenda (they become `scheduled`), record who came on the spot, the members' votes once
 * quorum is there, and the decision by the council's adoption rule (the proposal is `deliberated`,
 * then `adopted` or `not_adopted`), then close it with its minutes. Every change is a meeting
 * event of the one stream; proposal steps are the proposal's own events through `processTransition`.
 */
@Injectable()
export class MeetingsService implements OnModuleInit {
  constructor(
    private readonly repo: MeetingsRepository,
    private readonly councils: CouncilsRepository,
    private readonly proposalsRepo: ProposalsRepository,
    private readonly activity: ProposalActivityRepository,
    private readonly proposals: ProposalsService,
    private readonly db: Db,
    private readonly stream: EventStream,
    private readonly realtime: RealtimeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.realtime.render('meeting', meetingRenderer(this.repo));
  }

  // Planning

  async create(actor: Actor, communityId: string, dto: CreateMeetingDto): Promise<MeetingDetail> {
    await this.communityReadable(actor, communityId);
    this.mustRun(actor, communityId);
    const now = this.clock.now();
    const id = await this.db.transaction(async (m) => {
      const row: Partial<MeetingEntity> = {
        communityId,
        title: dto.title.trim(),
        startsAt: new Date(dto.startsAt),
        place: dto.place.trim(),
        status: 'planned',
        createdById: actor.id,
      };
      const id = await this.repo.insert(m, row);
      await appendMeetingEvent(this.stream, m, actor, { id, communityId }, 'created', {
        at: now,
        data: { startsAt: row.startsAt!.toISOString(), place: row.place },
      });
      return id;
    });
    return this.detail(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateMeetingDto): Promise<MeetingDetail> {
    await this.change(actor, id, dto.version, (_m, meeting) => {
      const patch: Partial<MeetingEntity> = {};
      if (dto.title !== undefined && dto.title.trim() !== meeting.title)
        patch.title = dto.title.trim();
      if (dto.place !== undefined && dto.place.trim() !== meeting.place)
        patch.place = dto.place.trim();
      if (
        dto.startsAt !== undefined &&
        new Date(dto.startsAt).getTime() !== new Date(meeting.startsAt).getTime()
      )
        patch.startsAt = new Date(dto.startsAt);
      if (dto.minutes !== undefined && dto.minutes.trim() !== (meeting.minutes ?? ''))
        patch.minutes = dto.minutes.trim() || null;
      const planning = ['title', 'place', 'startsAt'].some((k) => k in patch);
      if (planning && meeting.status === 'closed')
        throw conflict('meeting_closed', 'A closed meeting keeps its date, place and title');
      return Object.keys(patch).length ? patch : null;
    });
    return this.detail(actor, id);
  }

  /** A proposal of the meeting's community that reached its support threshold goes on the agenda. */
  async addAgendaItem(actor: Actor, id: string, dto: AddAgendaItemDto): Promise<MeetingDetail> {
    const meeting = await this.runnable(actor, id);
    const p = await this.proposalsRepo.find(systemRead('agenda'), dto.proposalId);
    if (!p || p.communityId !== meeting.communityId || !p.submittedAt)
      throw AppException.invalid(
        'proposalId',
        'no such proposal in this community: a meeting takes only its own community’s proposals',
        'not_found',
      );
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      await this.proposalsRepo.lock(m, p.id);
      const fresh = (await this.repo.find(systemRead('agenda after lock'), id, m))!;
      if (fresh.status === 'closed') throw this.closed();
      const proposal = (await this.proposalsRepo.find(systemRead('agenda after lock'), p.id, m))!;
      if (proposal.status !== 'open_for_support' || !proposal.readyAt)
        throw conflict(
          'not_ready',
          'Only a proposal open for support that reached its threshold goes on an agenda',
          {
            status: proposal.status,
            supportCount: proposal.supportCount,
            supportThreshold: proposal.supportThreshold,
          },
        );
      const itemId = await this.repo.addAgendaItem(m, id, p.id, fresh.communityId);
      await this.repo.update(m, id, {}, true);
      await this.proposals.processTransition(actor, p.id, 'schedule', {
        data: { meetingId: id, startsAt: new Date(fresh.startsAt).toISOString() },
      });
      await appendMeetingEvent(this.stream, m, actor, fresh, 'agenda_added', {
        at: now,
        data: { agendaItemId: itemId, proposalId: p.id, proposalNumber: p.number },
        residents: await this.audienceOf(m, p),
      });
    });
    return this.detail(actor, id);
  }

  /** Takes an undecided item without votes off the agenda: its proposal is open for support again. */
  async removeAgendaItem(actor: Actor, id: string, itemId: string): Promise<MeetingDetail> {
    await this.runnable(actor, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const fresh = (await this.repo.find(systemRead('agenda after lock'), id, m))!;
      if (fresh.status === 'closed') throw this.closed();
      const item = await this.repo.agendaItem(m, id, itemId);
      if (!item) throw AppException.notFound('Agenda item');
      if (item.decision) throw this.decided();
      if ((await this.repo.votes(id, m)).some((v) => v.agendaItemId === itemId))
        throw conflict('has_votes', 'Votes are recorded on this item: decide it instead');
      await this.repo.removeAgendaItem(m, itemId);
      await this.repo.update(m, id, {}, true);
      await this.proposals.processTransition(actor, item.proposalId, 'unschedule', {
        data: { meetingId: id },
      });
      const p = (await this.proposalsRepo.find(systemRead('agenda'), item.proposalId, m))!;
      await appendMeetingEvent(this.stream, m, actor, fresh, 'agenda_removed', {
        at: now,
        data: { agendaItemId: itemId, proposalId: item.proposalId },
        residents: await this.audienceOf(m, p),
      });
    });
    return this.detail(actor, id);
  }

  // At the meeting

  /** Who came, recorded on the spot: a serving member, or a resident of the community; once each. */
  async recordAttendance(
    actor: Actor,
    id: string,
    dto: RecordAttendanceDto,
  ): Promise<MeetingDetail> {
    const meeting = await this.runnable(actor, id);
    if (!dto.memberId === !dto.residentId)
      throw AppException.invalid(
        dto.memberId ? 'residentId' : 'memberId',
        'name either the council member or the resident who came',
        dto.memberId ? 'invalid' : 'required',
      );
    const day = localDate(new Date(meeting.startsAt));
    const serving = await this.repo.servingMembers(meeting.communityId, day);
    let member: ServingMember | undefined;
    if (dto.memberId) {
      member = serving.find((s) => s.id === dto.memberId);
      if (!member)
        throw AppException.invalid(
          'memberId',
          'no member of this council serving on the meeting’s day',
          'not_found',
        );
    } else {
      if (!(await this.repo.residentInCommunity(dto.residentId!, meeting.communityId)))
        throw AppException.invalid('residentId', 'no such resident in this community', 'not_found');
      // A resident who is a member counts as the member.
      member = serving.find((s) => s.residentId === dto.residentId);
    }
    const residentId = member ? member.residentId : dto.residentId!;
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const fresh = (await this.repo.find(systemRead('attendance after lock'), id, m))!;
      if (fresh.status === 'closed') throw this.closed();
      const attendanceId = await this.repo.addAttendance(m, {
        meetingId: id,
        communityId: fresh.communityId,
        kind: member ? 'member' : 'resident',
        memberId: member?.id ?? null,
        residentId,
        recordedAt: now,
        recordedById: actor.id,
      });
      if (!attendanceId)
        throw conflict('already_present', 'Already recorded present at this meeting');
      if (residentId)
        await this.activity.recordParticipation(m, {
          residentId,
          communityId: fresh.communityId,
          act: 'attend',
          subjectType: 'meeting',
          subjectId: id,
          proposalId: null,
          at: now,
        });
      await this.repo.update(m, id, {}, true);
      await appendMeetingEvent(this.stream, m, actor, fresh, 'attended', {
        at: now,
        data: { attendanceId, kind: member ? 'member' : 'resident', memberId: member?.id ?? null },
      });
    });
    return this.detail(actor, id);
  }

  /** A present member's vote on an undecided item, once quorum is there; once per member and item. */
  async recordVote(
    actor: Actor,
    id: string,
    itemId: string,
    dto: RecordVoteDto,
  ): Promise<MeetingDetail> {
    await this.runnable(actor, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const fresh = (await this.repo.find(systemRead('vote after lock'), id, m))!;
      if (fresh.status === 'closed') throw this.closed();
      const item = await this.repo.agendaItem(m, id, itemId);
      if (!item) throw AppException.notFound('Agenda item');
      const q = await this.quorumOf(m, fresh);
      const member = q.members.find((s) => s.id === dto.memberId);
      if (!member)
        throw AppException.invalid(
          'memberId',
          'only serving members of the council vote: no such member on the meeting’s day',
          'not_found',
        );
      if (item.decision) throw this.decided();
      this.mustBeQuorate(q);
      if (!q.present.has(member.id))
        throw conflict(
          'member_absent',
          'Only members recorded present vote: record their attendance first',
          { memberId: member.id },
        );
      const voteId = await this.repo.addVote(m, {
        agendaItemId: itemId,
        meetingId: id,
        memberId: member.id,
        choice: dto.choice,
        recordedAt: now,
        recordedById: actor.id,
      });
      if (!voteId)
        throw conflict('already_voted', 'This member has already voted on this item', {
          memberId: member.id,
        });
      if (member.residentId)
        await this.activity.recordParticipation(m, {
          residentId: member.residentId,
          communityId: fresh.communityId,
          act: 'vote',
          subjectType: 'agenda_item',
          subjectId: itemId,
          proposalId: item.proposalId,
          at: now,
        });
      await this.repo.update(m, id, {}, true);
      await appendMeetingEvent(this.stream, m, actor, fresh, 'voted', {
        at: now,
        data: { agendaItemId: itemId, proposalId: item.proposalId, memberId: member.id },
      });
    });
    return this.detail(actor, id);
  }

  /**
   * Decides an item by the council's adoption rule, with quorum: the proposal is deliberated, then
   * adopted or not; the tally, the members present and the votes that were needed are kept.
   */
  async decide(
    actor: Actor,
    id: string,
    itemId: string,
    dto: DecideAgendaItemDto,
  ): Promise<MeetingDetail> {
    await this.runnable(actor, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const fresh = (await this.repo.find(systemRead('decide after lock'), id, m))!;
      if (fresh.status === 'closed') throw this.closed();
      const item = await this.repo.agendaItem(m, id, itemId);
      if (!item) throw AppException.notFound('Agenda item');
      if (item.decision) throw this.decided();
      const q = await this.quorumOf(m, fresh);
      this.mustBeQuorate(q);
      const rules = rulesOf(await this.councils.findCouncil(fresh.communityId, m));
      const tally = tallyOf(
        (await this.repo.votes(id, m)).filter((v) => v.agendaItemId === itemId),
      );
      const present = q.present.size;
      const requiredFor = votesToAdopt(rules, present, q.members.length);
      const decision = tally.for >= requiredFor ? 'adopted' : 'not_adopted';
      const note = dto.note?.trim() || null;
      await this.repo.decide(m, itemId, {
        decision,
        presentAtDecision: present,
        requiredFor,
        decidedAt: now,
        decisionNote: note,
      });
      const data = {
        meetingId: id,
        agendaItemId: itemId,
        tally,
        present,
        requiredFor,
        adoptionRule: rules.adoptionRule,
      };
      await this.proposals.processTransition(actor, item.proposalId, 'deliberate', { data });
      await this.proposals.processTransition(
        actor,
        item.proposalId,
        decision === 'adopted' ? 'adopt' : 'not_adopt',
        { note: note ?? undefined, data },
      );
      await this.repo.update(m, id, {}, true);
      const p = (await this.proposalsRepo.find(systemRead('decision'), item.proposalId, m))!;
      await appendMeetingEvent(this.stream, m, actor, fresh, 'decided', {
        at: now,
        data: { ...data, proposalId: item.proposalId, decision },
        residents: await this.audienceOf(m, p),
      });
    });
    return this.detail(actor, id);
  }

  /** Closes the meeting with its minutes, once every item on its agenda is decided. */
  async close(actor: Actor, id: string, dto: CloseMeetingDto): Promise<MeetingDetail> {
    await this.change(actor, id, dto.version, async (m, meeting) => {
      if (meeting.status === 'closed') throw this.closed();
      const open = (await this.repo.agenda(id, m)).filter((a) => !a.decision);
      if (open.length)
        throw conflict('undecided_items', 'Decide every item on the agenda before closing', {
          agendaItemIds: open.map((a) => a.id),
        });
      return { status: 'closed', closedAt: this.clock.now(), minutes: dto.minutes.trim() };
    });
    return this.detail(actor, id);
  }

  // Reads

  async list(
    actor: Actor,
    communityId: string,
    q: MeetingListQuery,
  ): Promise<Page<MeetingSummary>> {
    await this.communityReadable(actor, communityId);
    const { rows, total } = await this.repo.list(communityId, {
      status: q.status,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: rows.map(toMeetingSummary), total, page: q.page, pageSize: q.pageSize };
  }

  async detail(actor: Actor, id: string): Promise<MeetingDetail> {
    const meeting = await this.readable(actor, id);
    const [rulesRow, serving, attendees, agenda, votes] = await Promise.all([
      this.councils.findCouncil(meeting.communityId),
      this.repo.servingMembers(meeting.communityId, localDate(new Date(meeting.startsAt))),
      this.repo.attendees(id),
      this.repo.agenda(id),
      this.repo.votes(id),
    ]);
    const rules = rulesOf(rulesRow);
    return toMeetingDetail(meeting, {
      staffView: actor.kind === 'staff',
      viewerId: actor.id,
      currentMembers: serving.length,
      quorum: quorumOf(rules, serving.length),
      adoptionRule: rules.adoptionRule,
      attendees,
      agenda,
      votes,
    });
  }

  // Helpers

  private async readable(actor: Actor, id: string, m?: Tx): Promise<MeetingRow> {
    const meeting = await this.repo.find(actor, id, m);
    if (!meeting) throw AppException.notFound('Meeting');
    return meeting;
  }

  /** A meeting the caller reads and may run: the community's own staff. */
  private async runnable(actor: Actor, id: string): Promise<MeetingRow> {
    const meeting = await this.readable(actor, id);
    this.mustRun(actor, meeting.communityId);
    return meeting;
  }

  private mustRun(actor: Actor, communityId: string): void {
    if (!isCouncilWorker(actor, communityId))
      throw AppException.forbidden('The community’s staff run its council meetings');
  }

  private async communityReadable(actor: Actor, communityId: string): Promise<void> {
    if (!(await this.councils.communityInScope(actor, communityId)))
      throw AppException.notFound('Community');
  }

  private async quorumOf(m: Tx, meeting: MeetingRow): Promise<Quorum> {
    const members = await this.repo.servingMembers(
      meeting.communityId,
      localDate(new Date(meeting.startsAt)),
      m,
    );
    const rules = rulesOf(await this.councils.findCouncil(meeting.communityId, m));
    const ids = new Set(members.map((s) => s.id));
    const present = new Set(
      (await this.repo.attendees(meeting.id, m))
        .filter((a) => a.memberId && ids.has(a.memberId))
        .map((a) => a.memberId!),
    );
    return { members, quorum: quorumOf(rules, members.length), present };
  }

  private mustBeQuorate(q: Quorum): void {
    if (q.members.length === 0 || q.present.size < q.quorum)
      throw conflict(
        'no_quorum',
        `No quorum: ${q.present.size} of ${q.members.length} members present, ${q.quorum} needed to vote or decide`,
        { present: q.present.size, members: q.members.length, quorum: q.quorum },
      );
  }

  /** The residents behind a proposal: its author, supporters and followers. */
  private async audienceOf(
    m: Tx,
    p: { id: string; authorResidentId: string | null },
  ): Promise<string[]> {
    return [
      ...(p.authorResidentId ? [p.authorResidentId] : []),
      ...(await this.proposalsRepo.audience(m, p.id)),
    ];
  }

  /** One versioned change under the meeting's row lock, and its event; null changes nothing. */
  private async change(
    actor: Actor,
    id: string,
    version: number,
    apply: (
      m: Tx,
      meeting: MeetingRow,
    ) => Promise<Partial<MeetingEntity> | null> | Partial<MeetingEntity> | null,
  ): Promise<void> {
    await this.runnable(actor, id);
    const now = this.clock.now();
    await this.db.transaction(async (m) => {
      await this.repo.lock(m, id);
      const meeting = (await this.repo.find(systemRead('change after lock'), id, m))!;
      if (meeting.version !== version)
        throw new AppException(
          'STALE_VERSION',
          'Someone else changed this meeting; reload and try again',
          undefined,
          { currentVersion: meeting.version },
        );
      const patch = await apply(m, meeting);
      if (!patch) return;
      await this.repo.update(m, id, patch, true);
      await appendMeetingEvent(
        this.stream,
        m,
        actor,
        meeting,
        patch.status === 'closed' ? 'closed' : 'edited',
        { at: now, data: { fields: Object.keys(patch) } },
      );
    });
  }

  private closed(): AppException {
    return conflict('meeting_closed', 'This meeting is closed: its record no longer changes');
  }

  private decided(): AppException {
    return conflict('item_decided', 'This agenda item is decided');
  }
}
