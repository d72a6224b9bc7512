import type {
  WorkerCertificateLevel,
  WorkerEducation,
  WorkerGender,
  WorkforceStatus,
} from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import { toCamel } from '../council/rows';
import type { Tx } from '../database/tx';

/** The facts that change over time, as one revision holds them. */
export interface WorkforceFacts {
  position: string;
  certified: boolean;
  /** Only with `certified`; null when not certified or the level is not recorded. */
  certificateLevel: WorkerCertificateLevel | null;
  education: WorkerEducation;
  monthlyPayYuan: number;
}

/** The record's own data, corrected in place (not dated). */
export interface WorkforceRecord {
  name: string;
  gender: WorkerGender | null;
  birthDate: string;
  hiredOn: string;
  leftOn: string | null;
  leaveReason: string | null;
}

export interface EntryRow extends WorkforceFacts, WorkforceRecord {
  id: string;
  communityId: string;
  workerNumber: string;
  factsEffectiveOn: string;
  version: number;
  updatedAt: Date;
}

export interface RevisionRow extends WorkforceFacts {
  id: string;
  entryId: string;
  effectiveOn: string;
  recordedById: string | null;
  recordedByName: string;
  recordedAt: Date;
}

export interface RevisionInsert extends WorkforceFacts {
  entryId: string;
  communityId: string;
  effectiveOn: string;
  recordedById: string | null;
  recordedByName: string;
  recordedAt: Date;
}

// pg returns dates as text (see data-source), numeric as text: the domain wants numbers.
const ENTRY_COLUMNS = `e.id, e.community_id, e.worker_number, e.name, e.gender,
  e.birth_date::text AS birth_date, e.hired_on::text AS hired_on, e.left_on::text AS left_on,
  e.leave_reason, e.position, e.certified, e.certificate_level, e.education, e.monthly_pay_yuan::float8 AS monthly_pay_yuan,
  e.facts_effective_on::text AS facts_effective_on, e.version, e.updated_at`;
const REVISION_COLUMNS = `r.id::text AS id, r.entry_id, r.effective_on::text AS effective_on, r.position,
  r.certified, r.certificate_level, r.education, r.monthly_pay_yuan::float8 AS monthly_pay_yuan, r.recorded_by_id,
  r.recorded_by_name, r.recorded_at`;

/**
 * The revision in force on a day `$d` for entry `e`: the greatest `effective_on` ≤ that day, the
 * latest recorded on a tie; before the first one (a hire date corrected to earlier), the first.
 */
export const REVISION_AS_OF = (day: string) => `(
  SELECT r.* FROM workforce_revision r
   WHERE r.entry_id = e.id
   ORDER BY (r.effective_on > ${day}), abs(r.effective_on - ${day}), r.id DESC
   LIMIT 1)`;

const STATUS_SQL: Record<WorkforceStatus, string> = {
  active: '(e.left_on IS NULL OR e.left_on > $2::date)',
  left: '(e.left_on IS NOT NULL AND e.left_on <= $2::date)',
  all: '($2::date IS NOT NULL)',
};

/**
 * Every entry of the communities that was on the roster at `from` or at `to`, or left in the
 * period, with the facts in force at `to` (docs/WORKFORCE.md). One query for any number of
 * communities: the figures and the rows are both read from it.
 */
const ROSTER_SQL = `
  WITH p AS (SELECT $1::uuid[] AS ids, $2::date AS d_from, $3::date AS d_to)
  SELECT e.id, e.community_id, e.worker_number, e.name,
         e.hired_on::text AS hired_on, e.left_on::text AS left_on,
         (e.hired_on <= p.d_from AND (e.left_on IS NULL OR e.left_on > p.d_from)) AS at_from,
         (e.hired_on <= p.d_to AND (e.left_on IS NULL OR e.left_on > p.d_to)) AS at_to,
         (e.left_on IS NOT NULL AND e.left_on BETWEEN p.d_from AND p.d_to) AS leaver,
         r.position, r.certified, r.education, r.monthly_pay_yuan::float8 AS pay,
         date_part('year', age(p.d_to, e.birth_date))::int AS age
    FROM p
    JOIN workforce_entry e ON e.community_id = ANY(p.ids)
    CROSS JOIN LATERAL ${REVISION_AS_OF('p.d_to')} r
   WHERE e.hired_on <= p.d_to AND (e.left_on IS NULL OR e.left_on >= p.d_from)
   ORDER BY e.community_id, e.worker_number, e.id`;

export interface RosterRow {
  id: string;
  community_id: string;
  worker_number: string;
  name: string;
  hired_on: string;
  left_on: string | null;
  at_from: boolean;
  at_to: boolean;
  leaver: boolean;
  position: string;
  certified: boolean;
  education: string;
  pay: number;
  age: number;
}

@Injectable()
export class WorkforceRepository {
  constructor(private readonly ds: DataSource) {}

  private run(
    tx: Tx | undefined,
    sql: string,
    params: unknown[],
  ): Promise<Record<string, unknown>[]> {
    return (tx ?? this.ds).query(sql, params);
  }

  /** The community, if the reader's scope holds it. */
  async community(
    reader: Reader,
    communityId: string,
  ): Promise<{ id: string; streetId: string } | null> {
    const params: unknown[] = [communityId];
    const scope = scopeSql(reader, { community: 'c.id' }, params);
    const [row] = await this.ds.query(
      `SELECT c.id, c.street_id FROM community c WHERE c.id = $1 AND ${scope}`,
      params,
    );
    return row ? toCamel(row as Record<string, unknown>) : null;
  }

  async list(
    communityId: string,
    q: { status: WorkforceStatus; today: string; page: number; pageSize: number },
  ): Promise<{ rows: EntryRow[]; total: number }> {
    const where = `e.community_id = $1 AND ${STATUS_SQL[q.status]}`;
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `SELECT ${ENTRY_COLUMNS} FROM workforce_entry e WHERE ${where}
          ORDER BY e.worker_number, e.id LIMIT $3 OFFSET $4`,
        [communityId, q.today, q.pageSize, (q.page - 1) * q.pageSize],
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM workforce_entry e WHERE ${where}`, [
        communityId,
        q.today,
      ]) as Promise<{ n: number }[]>,
    ]);
    return { rows: rows.map((r) => toCamel<EntryRow>(r)), total: count!.n };
  }

  /** Every entry of the community, by worker number (export, import). */
  async allOf(communityId: string, tx?: Tx, lock = false): Promise<EntryRow[]> {
    const rows = await this.run(
      tx,
      `SELECT ${ENTRY_COLUMNS} FROM workforce_entry e WHERE e.community_id = $1
        ORDER BY e.worker_number ${lock ? 'FOR UPDATE' : ''}`,
      [communityId],
    );
    return rows.map((r) => toCamel<EntryRow>(r));
  }

  /** One entry, if the reader's scope holds its community. */
  async find(reader: Reader, id: string): Promise<EntryRow | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, { community: 'e.community_id' }, params);
    const [row] = await this.ds.query(
      `SELECT ${ENTRY_COLUMNS} FROM workforce_entry e WHERE e.id = $1 AND ${scope}`,
      params,
    );
    return row ? toCamel<EntryRow>(row as Record<string, unknown>) : null;
  }

  async lock(tx: Tx, id: string): Promise<EntryRow> {
    const [row] = await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM workforce_entry e WHERE e.id = $1 FOR UPDATE`,
      [id],
    );
    return toCamel<EntryRow>(row as Record<string, unknown>);
  }

  async revisions(entryId: string): Promise<RevisionRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${REVISION_COLUMNS} FROM workforce_revision r WHERE r.entry_id = $1
        ORDER BY r.effective_on, r.id`,
      [entryId],
    );
    return rows.map((r) => toCamel<RevisionRow>(r));
  }

  /** The revision in force on `day` (see REVISION_AS_OF). */
  async factsAsOf(tx: Tx, entryId: string, day: string): Promise<RevisionRow> {
    const [row] = await tx.query(
      `SELECT ${REVISION_COLUMNS} FROM (SELECT $1::uuid AS id) e
         CROSS JOIN LATERAL ${REVISION_AS_OF('$2::date')} r`,
      [entryId, day],
    );
    return toCamel<RevisionRow>(row as Record<string, unknown>);
  }

  /** A new entry, or null when the community already has the worker number. */
  async insert(
    tx: Tx,
    e: WorkforceFacts &
      WorkforceRecord & { communityId: string; workerNumber: string; factsEffectiveOn: string },
  ): Promise<EntryRow | null> {
    const rows: Record<string, unknown>[] = await tx.query(
      `INSERT INTO workforce_entry AS e (community_id, worker_number, name, gender, birth_date, hired_on,
         left_on, leave_reason, position, certified, education, monthly_pay_yuan, facts_effective_on,
         certificate_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (community_id, worker_number) DO NOTHING
       RETURNING ${ENTRY_COLUMNS}`,
      [
        e.communityId,
        e.workerNumber,
        e.name,
        e.gender,
        e.birthDate,
        e.hiredOn,
        e.leftOn,
        e.leaveReason,
        e.position,
        e.certified,
        e.education,
        e.monthlyPayYuan,
        e.factsEffectiveOn,
        e.certificateLevel,
      ],
    );
    return rows[0] ? toCamel<EntryRow>(rows[0]) : null;
  }

  /** Writes the record's columns and bumps the version, if it still is `version`. */
  async updateIfVersion(
    tx: Tx,
    id: string,
    version: number,
    e: WorkforceFacts & WorkforceRecord & { factsEffectiveOn: string },
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `UPDATE workforce_entry SET name = $3, gender = $4, birth_date = $5, hired_on = $6, left_on = $7,
         leave_reason = $8, position = $9, certified = $10, education = $11, monthly_pay_yuan = $12,
         facts_effective_on = $13, certificate_level = $14, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [
        id,
        version,
        e.name,
        e.gender,
        e.birthDate,
        e.hiredOn,
        e.leftOn,
        e.leaveReason,
        e.position,
        e.certified,
        e.education,
        e.monthlyPayYuan,
        e.factsEffectiveOn,
        e.certificateLevel,
      ],
    );
    return rows.length > 0;
  }

  /** The rows the five figures count (ROSTER_SQL), one query for any number of communities. */
  roster(ids: readonly string[], period: { from: string; to: string }): Promise<RosterRow[]> {
    return this.ds.query(ROSTER_SQL, [ids, period.from, period.to]);
  }

  async insertRevision(tx: Tx, r: RevisionInsert): Promise<void> {
    await tx.query(
      `INSERT INTO workforce_revision (entry_id, community_id, effective_on, position, certified,
         education, monthly_pay_yuan, recorded_by_id, recorded_by_name, recorded_at, certificate_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        r.entryId,
        r.communityId,
        r.effectiveOn,
        r.position,
        r.certified,
        r.education,
        r.monthlyPayYuan,
        r.recordedById,
        r.recordedByName,
        r.recordedAt,
        r.certificateLevel,
      ],
    );
  }
}
