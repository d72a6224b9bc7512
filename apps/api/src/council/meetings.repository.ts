import type { CouncilMemberRole, MeetingStatus, VoteChoice } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import type { DomainEventEntity } from '../events/domain-event.entity';
import { MeetingEntity } from './meeting.entities';
import { binder, toCamel } from './rows';

/** A meeting with the counts lists show beside it. */
export interface MeetingRow extends MeetingEntity {
  agendaCount: number;
  membersPresent: number;
  residentsPresent: number;
}

export interface AgendaRow {
  id: string;
  meetingId: string;
  proposalId: string;
  position: number;
  decision: 'adopted' | 'not_adopted' | null;
  presentAtDecision: number | null;
  requiredFor: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  proposalNumber: string;
  proposalTitle: string;
  proposalStatus: string;
}

export interface AttendeeRow {
  id: string;
  kind: 'member' | 'resident';
  memberId: string | null;
  residentId: string | null;
  role: CouncilMemberRole | null;
  name: string;
  recordedAt: Date;
}

export interface VoteRow {
  agendaItemId: string;
  memberId: string;
  memberName: string;
  choice: VoteChoice;
  recordedAt: Date;
}

/** A member serving on a given day, with the resident behind a resident member. */
export interface ServingMember {
  id: string;
  kind: 'resident' | 'staff' | 'other';
  residentId: string | null;
}

const SELECT = `m.*,
  (SELECT count(*)::int FROM meeting_agenda_item a WHERE a.meeting_id = m.id) AS agenda_count,
  (SELECT count(*)::int FROM meeting_attendance x WHERE x.meeting_id = m.id AND x.kind = 'member') AS members_present,
  (SELECT count(*)::int FROM meeting_attendance x WHERE x.meeting_id = m.id AND x.kind = 'resident') AS residents_present`;

@Injectable()
export class MeetingsRepository {
  constructor(private readonly ds: DataSource) {}

  // Reads

  async find(reader: Reader, id: string, m?: EntityManager): Promise<MeetingRow | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'm.community_id' }, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${SELECT} FROM meeting m WHERE m.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? toCamel<MeetingRow>(rows[0]) : null;
  }

  async list(
    communityId: string,
    f: { status?: MeetingStatus; page: number; pageSize: number },
  ): Promise<{ rows: MeetingRow[]; total: number }> {
    const params: unknown[] = [];
    const p = binder(params);
    const where = [`m.community_id = ${p(communityId)}`];
    if (f.status) where.push(`m.status = ${p(f.status)}`);
    const sqlWhere = where.join(' AND ');
    const [{ n }] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM meeting m WHERE ${sqlWhere}`,
      params,
    )) as [{ n: number }];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${SELECT} FROM meeting m WHERE ${sqlWhere}
        ORDER BY m.starts_at DESC, m.id
        LIMIT ${p(f.pageSize)} OFFSET ${p((f.page - 1) * f.pageSize)}`,
      params,
    );
    return { rows: rows.map((r) => toCamel<MeetingRow>(r)), total: n };
  }

  async findMany(ids: string[]): Promise<MeetingRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${SELECT} FROM meeting m WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => toCamel<MeetingRow>(r));
  }

  async agenda(meetingId: string, m?: EntityManager): Promise<AgendaRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT a.id, a.meeting_id, a.proposal_id, a.position, a.decision, a.present_at_decision,
              a.required_for, a.decided_at, a.decision_note,
              p.number AS proposal_number, p.title AS proposal_title, p.status AS proposal_status
         FROM meeting_agenda_item a JOIN proposal p ON p.id = a.proposal_id
        WHERE a.meeting_id = $1 ORDER BY a.position, a.created_at`,
      [meetingId],
    );
    return rows.map((r) => toCamel<AgendaRow>(r));
  }

  async agendaItem(m: EntityManager, meetingId: string, itemId: string): Promise<AgendaRow | null> {
    return (await this.agenda(meetingId, m)).find((a) => a.id === itemId) ?? null;
  }

  async attendees(meetingId: string, m?: EntityManager): Promise<AttendeeRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT x.id, x.kind, x.member_id, x.resident_id, cm.role, x.recorded_at,
              COALESCE(r.name, s.display_name, cm.name) AS name
         FROM meeting_attendance x
         LEFT JOIN council_member cm ON cm.id = x.member_id
         LEFT JOIN resident r ON r.id = x.resident_id
         LEFT JOIN staff_account s ON s.id = cm.staff_id
        WHERE x.meeting_id = $1 ORDER BY x.recorded_at, x.id`,
      [meetingId],
    );
    return rows.map((r) => toCamel<AttendeeRow>(r));
  }

  async votes(meetingId: string, m?: EntityManager): Promise<VoteRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT v.agenda_item_id, v.member_id, v.choice, v.recorded_at,
              COALESCE(r.name, s.display_name, cm.name) AS member_name
         FROM meeting_vote v JOIN council_member cm ON cm.id = v.member_id
         LEFT JOIN resident r ON r.id = cm.resident_id
         LEFT JOIN staff_account s ON s.id = cm.staff_id
        WHERE v.meeting_id = $1 ORDER BY v.recorded_at, v.id`,
      [meetingId],
    );
    return rows.map((r) => toCamel<VoteRow>(r));
  }

  /** The council's members serving on `day` (YYYY-MM-DD, Asia/Shanghai). */
  async servingMembers(
    communityId: string,
    day: string,
    m?: EntityManager,
  ): Promise<ServingMember[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT id, kind, resident_id FROM council_member
        WHERE community_id = $1 AND term_start <= $2::date AND (term_end IS NULL OR term_end >= $2::date)`,
      [communityId, day],
    );
    return rows.map((r) => toCamel<ServingMember>(r));
  }

  async residentInCommunity(id: string, communityId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM resident WHERE id = $1 AND community_id = $2 AND verification <> 'merged'`,
      [id, communityId],
    );
    return rows.length > 0;
  }

  /** The meeting's entries of the one event stream, oldest first. */
  eventsOf(id: string): Promise<DomainEventEntity[]> {
    return this.ds
      .query(
        `SELECT * FROM domain_event WHERE subject_type = 'meeting' AND subject_id = $1 ORDER BY id`,
        [id],
      )
      .then((rows: Record<string, unknown>[]) =>
        rows.map((r) => ({ ...toCamel<DomainEventEntity>(r), id: String(r['id']) })),
      );
  }

  // Writes (inside the caller's transaction)

  async insert(m: EntityManager, row: Partial<MeetingEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(MeetingEntity)
      .values(row)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  /** Takes the meeting's row lock: its attendance, votes and decisions run one after the other. */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM meeting WHERE id = $1 FOR UPDATE', [id]);
  }

  async update(
    m: EntityManager,
    id: string,
    patch: Partial<MeetingEntity>,
    bumpVersion = true,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(MeetingEntity)
      .set(bumpVersion ? { ...patch, version: () => 'version + 1' } : patch)
      .where('id = :id', { id })
      .execute();
  }

  async addAgendaItem(
    m: EntityManager,
    meetingId: string,
    proposalId: string,
    communityId: string,
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO meeting_agenda_item (meeting_id, proposal_id, community_id, position)
       SELECT $1, $2, $3, COALESCE(max(position), 0) + 1 FROM meeting_agenda_item WHERE meeting_id = $1
       RETURNING id`,
      [meetingId, proposalId, communityId],
    );
    return rows[0]!.id;
  }

  async removeAgendaItem(m: EntityManager, id: string): Promise<void> {
    await m.query('DELETE FROM meeting_agenda_item WHERE id = $1', [id]);
  }

  async decide(
    m: EntityManager,
    id: string,
    d: {
      decision: 'adopted' | 'not_adopted';
      presentAtDecision: number;
      requiredFor: number;
      decidedAt: Date;
      decisionNote: string | null;
    },
  ): Promise<void> {
    await m.query(
      `UPDATE meeting_agenda_item SET decision = $2, present_at_decision = $3, required_for = $4,
         decided_at = $5, decision_note = $6 WHERE id = $1`,
      [id, d.decision, d.presentAtDecision, d.requiredFor, d.decidedAt, d.decisionNote],
    );
  }

  /** One attendance row; null when this member or resident is already recorded present. */
  async addAttendance(
    m: EntityManager,
    a: {
      meetingId: string;
      communityId: string;
      kind: 'member' | 'resident';
      memberId: string | null;
      residentId: string | null;
      recordedAt: Date;
      recordedById: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO meeting_attendance (meeting_id, community_id, kind, member_id, resident_id, recorded_at, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [a.meetingId, a.communityId, a.kind, a.memberId, a.residentId, a.recordedAt, a.recordedById],
    );
    return rows[0]?.id ?? null;
  }

  /** One vote; null when the member already voted on the item (the unique key decides). */
  async addVote(
    m: EntityManager,
    v: {
      agendaItemId: string;
      meetingId: string;
      memberId: string;
      choice: VoteChoice;
      recordedAt: Date;
      recordedById: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO meeting_vote (agenda_item_id, meeting_id, member_id, choice, recorded_at, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (agenda_item_id, member_id) DO NOTHING RETURNING id`,
      [v.agendaItemId, v.meetingId, v.memberId, v.choice, v.recordedAt, v.recordedById],
    );
    return rows[0]?.id ?? null;
  }
}
