import type {
  ApiClientChannel,
  CaseKind,
  CaseStatus,
  ResidentVerification,
} from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { type Reader, scopeSql } from '../auth/scope';
import { CompoundEntity, DeskEntity, DeskHoursExceptionEntity } from '../org/org.entities';
import { ResidentEntity, StaffAccountEntity } from '../people/people.entities';
import {
  CaseEntity,
  CaseEventEntity,
  CaseMediationEntity,
  CategoryEntity,
  PhotoEntity,
} from './case.entities';

/** A case with the names a list shows; one query, no N+1. */
export interface CaseRow extends CaseEntity {
  categoryName: string;
  categoryNameEn: string;
  compoundName: string | null;
  compoundNameEn: string | null;
  deskName: string;
  deskNameEn: string;
  residentName: string | null;
  residentPreferredLanguage: string | null;
  residentPhone: string | null;
  residentVerification: ResidentVerification | null;
  assigneeName: string | null;
  /** The Open311 client that filed it (api_client), when one did. */
  apiClientName: string | null;
  apiClientChannel: ApiClientChannel | null;
}

export interface CaseFilter {
  status?: CaseStatus[];
  kind?: CaseKind;
  deskId?: string;
  communityId?: string;
  overdue?: boolean;
  assigneeId?: string;
  q?: string;
  sort: 'due' | 'newest';
  page: number;
  pageSize: number;
}

/** Where a case sits for scope: community, compound (grid workers), its resident, its assignee. */
const CASE_SCOPE = {
  community: 'c.community_id',
  compound: 'c.compound_id',
  resident: 'c.resident_id',
  assignee: 'c.assignee_id',
};

/** When an open case is next due: acceptance while submitted, resolution while being worked. */
export const QUEUE_DUE = `LEAST(CASE WHEN c.status = 'submitted' THEN c.accept_due_at END, CASE WHEN c.status IN ('accepted','in_progress','waiting_third_party') THEN c.resolve_due_at END)`;

const SUMMARY_SELECT = `
  c.*, cat.name_zh AS category_name, cat.name_en AS category_name_en, x.name AS compound_name, x.name_en AS compound_name_en,
  d.name AS desk_name, d.name_en AS desk_name_en, r.preferred_language AS resident_preferred_language,
  COALESCE(r.name, c.walk_in_name) AS resident_name, COALESCE(r.phone, c.walk_in_phone) AS resident_phone,
  r.verification AS resident_verification,
  a.display_name AS assignee_name, ac.name AS api_client_name, ac.channel AS api_client_channel`;
const SUMMARY_FROM = `
  service_case c
  JOIN category cat ON cat.id = c.category_id
  JOIN desk d ON d.id = c.desk_id
  LEFT JOIN compound x ON x.id = c.compound_id
  LEFT JOIN resident r ON r.id = c.resident_id
  LEFT JOIN staff_account a ON a.id = c.assignee_id
  LEFT JOIN api_client ac ON ac.id = c.api_client_id`;

const camelNames = new Map<string, string>();
function camel(s: string): string {
  let name = camelNames.get(s);
  if (name === undefined) {
    name = s.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
    camelNames.set(s, name);
  }
  return name;
}

/** Raw snake_case rows to the entity's camelCase shape (dates and jsonb already parsed by pg). */
function toRow(raw: Record<string, unknown>): CaseRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[camel(k)] = v;
  return out as unknown as CaseRow;
}

@Injectable()
export class CasesRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  // Categories

  listCategories(opts: { kind?: CaseKind; includeInactive: boolean }): Promise<CategoryEntity[]> {
    const qb = this.ds
      .getRepository(CategoryEntity)
      .createQueryBuilder('c')
      .orderBy('c.kind')
      .addOrderBy('c.code');
    if (opts.kind) qb.andWhere('c.kind = :kind', { kind: opts.kind });
    if (!opts.includeInactive) qb.andWhere('c.active');
    return qb.getMany();
  }

  findCategory(id: string): Promise<CategoryEntity | null> {
    return this.ds.getRepository(CategoryEntity).findOneBy({ id });
  }

  saveCategory(c: Partial<CategoryEntity>): Promise<CategoryEntity> {
    return this.ds.getRepository(CategoryEntity).save(c);
  }

  // Reads

  async findCase(reader: Reader, id: string, m?: EntityManager): Promise<CaseRow | null> {
    const params: unknown[] = [id];
    const scope = scopeSql(reader, CASE_SCOPE, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${SUMMARY_SELECT} FROM ${SUMMARY_FROM} WHERE c.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findCases(ids: string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${SUMMARY_SELECT} FROM ${SUMMARY_FROM} WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toRow);
  }

  async listCases(
    actor: Actor,
    f: CaseFilter,
    now: Date,
  ): Promise<{ rows: CaseRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeSql(actor, CASE_SCOPE, params)];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.status?.length) where.push(`c.status = ANY(${p(f.status)}::varchar[])`);
    if (f.kind) where.push(`c.kind = ${p(f.kind)}`);
    if (f.deskId) where.push(`c.desk_id = ${p(f.deskId)}`);
    if (f.communityId) where.push(`c.community_id = ${p(f.communityId)}`);
    if (f.assigneeId) where.push(`c.assignee_id = ${p(f.assigneeId)}`);
    if (f.overdue) {
      const n = p(now);
      where.push(
        `((c.status = 'submitted' AND c.accept_due_at <= ${n}) OR (c.status IN ('accepted','in_progress','waiting_third_party') AND c.resolve_due_at <= ${n}))`,
      );
    }
    if (f.q) {
      const q = p(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
      where.push(
        `(c.number ILIKE ${q} OR c.description ILIKE ${q} OR r.name ILIKE ${q} OR c.walk_in_name ILIKE ${q})`,
      );
    }
    // The same expression as the partial index idx_case_desk_open_due, so the queue is an ordered
    // index scan that stops after one page however long the backlog is.
    const order =
      f.sort === 'due'
        ? `${QUEUE_DUE} ASC NULLS LAST, c.submitted_at ASC`
        : 'c.submitted_at DESC, c.id DESC';
    const whereSql = where.join(' AND ');
    const from = `service_case c ${f.q ? 'LEFT JOIN resident r ON r.id = c.resident_id' : ''}`;
    const filterParams = [...params];
    const limit = p(f.pageSize);
    const offset = p((f.page - 1) * f.pageSize);
    // The page's ids first (an index scan in due order), names joined for those rows only, in one
    // round trip; the count runs alongside on another connection.
    const [rows, count] = await Promise.all([
      this.ds.query(
        `WITH page AS MATERIALIZED (
           SELECT c.id, row_number() OVER () AS ord
             FROM (SELECT c.id FROM ${from} WHERE ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) c)
         SELECT s.* FROM page CROSS JOIN LATERAL (SELECT ${SUMMARY_SELECT} FROM ${SUMMARY_FROM} WHERE c.id = page.id) s
          ORDER BY page.ord`,
        params,
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(
        `SELECT count(*)::int AS n FROM ${from} WHERE ${whereSql}`,
        filterParams,
      ) as Promise<{ n: number }[]>,
    ]);
    return { rows: rows.map(toRow), total: count[0]!.n };
  }

  listEvents(caseId: string): Promise<CaseEventEntity[]> {
    return this.ds.getRepository(CaseEventEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  }

  findMediation(caseId: string, m?: EntityManager): Promise<CaseMediationEntity | null> {
    return (m ?? this.ds.manager).findOneBy(CaseMediationEntity, { caseId });
  }

  listPhotos(caseId: string): Promise<PhotoEntity[]> {
    return this.ds
      .getRepository(PhotoEntity)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  findDesk(id: string): Promise<DeskEntity | null> {
    return this.ds.getRepository(DeskEntity).findOneBy({ id });
  }

  /** A desk with the street it belongs to, for the transfer rule. */
  async findDeskPlace(id: string): Promise<{
    id: string;
    communityId: string;
    compoundId: string | null;
    streetId: string;
  } | null> {
    const rows: {
      id: string;
      community_id: string;
      compound_id: string | null;
      street_id: string;
    }[] = await this.ds.query(
      `SELECT d.id, d.community_id, d.compound_id, c.street_id
           FROM desk d JOIN community c ON c.id = d.community_id WHERE d.id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { id: r.id, communityId: r.community_id, compoundId: r.compound_id, streetId: r.street_id }
      : null;
  }

  /** The desk a case goes to by default: the compound's own desk, else the community office's. */
  async defaultDeskId(communityId: string, compoundId: string | null): Promise<string | null> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM desk WHERE community_id = $1
        ORDER BY (compound_id IS NOT DISTINCT FROM $2) DESC, (compound_id IS NULL) DESC, name LIMIT 1`,
      [communityId, compoundId],
    );
    return rows[0]?.id ?? null;
  }

  async deskHours(
    deskId: string,
    m?: EntityManager,
  ): Promise<{ weeklyHours: DeskEntity['weeklyHours']; exceptions: DeskHoursExceptionEntity[] }> {
    const mgr = m ?? this.ds.manager;
    const desk = await mgr.findOneByOrFail(DeskEntity, { id: deskId });
    const exceptions = await mgr.find(DeskHoursExceptionEntity, { where: { deskId } });
    return { weeklyHours: desk.weeklyHours, exceptions };
  }

  findResidentInCommunity(id: string, communityId: string): Promise<ResidentEntity | null> {
    return this.ds.getRepository(ResidentEntity).findOneBy({ id, communityId });
  }

  async compoundInCommunity(id: string, communityId: string): Promise<boolean> {
    return (await this.ds.getRepository(CompoundEntity).countBy({ id, communityId })) > 0;
  }

  findStaff(id: string): Promise<StaffAccountEntity | null> {
    return this.ds.getRepository(StaffAccountEntity).findOneBy({ id });
  }

  // Writes (always inside the caller's transaction)

  async nextNumber(m: EntityManager, localDate: string): Promise<string> {
    const [{ n }] = (await m.query(`SELECT nextval('case_number_seq')::int AS n`)) as [
      { n: number },
    ];
    return `BT${localDate.replace(/-/g, '')}-${String(n).padStart(6, '0')}`;
  }

  async insertCase(m: EntityManager, c: Partial<CaseEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(CaseEntity)
      .values(c)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  /** Applies a change only if nobody changed the case since `version` was read. */
  async updateIfVersion(
    m: EntityManager,
    id: string,
    version: number,
    patch: Partial<CaseEntity>,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  async appendEvent(
    m: EntityManager,
    e: Omit<CaseEventEntity, 'id' | 'at' | 'case'> & { at?: Date },
  ): Promise<string> {
    // jsonb `data` is plain data; TypeORM's deep-partial type cannot express that.
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(CaseEventEntity)
      .values(e as never)
      .returning('id')
      .execute();
    return String((res.identifiers[0] as { id: string }).id);
  }

  async upsertMediation(
    m: EntityManager,
    row: Omit<CaseMediationEntity, 'updatedAt' | 'case'>,
  ): Promise<void> {
    await m.upsert(CaseMediationEntity, row as never, ['caseId']);
  }

  /**
   * Claims an idempotency key inside the create transaction. A concurrent request with the same
   * key waits on the unique index until this transaction ends, then finds the committed row.
   */
  async claimIdempotencyKey(
    m: EntityManager,
    actorId: string,
    key: string,
    hash: string,
  ): Promise<{ claimed: true } | { claimed: false; hash: string; caseId: string | null }> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO idempotency_key (actor_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (actor_id, key) DO NOTHING RETURNING id`,
      [actorId, key, hash],
    );
    if (inserted.length > 0) return { claimed: true };
    const [row] = (await m.query(
      'SELECT request_hash, case_id FROM idempotency_key WHERE actor_id = $1 AND key = $2',
      [actorId, key],
    )) as [{ request_hash: string; case_id: string | null }];
    return { claimed: false, hash: row.request_hash, caseId: row.case_id };
  }

  async completeIdempotencyKey(
    m: EntityManager,
    actorId: string,
    key: string,
    caseId: string,
  ): Promise<void> {
    await m.query('UPDATE idempotency_key SET case_id = $3 WHERE actor_id = $1 AND key = $2', [
      actorId,
      key,
      caseId,
    ]);
  }

  // Photos

  insertPhoto(p: Omit<PhotoEntity, 'id' | 'createdAt' | 'case'>): Promise<PhotoEntity> {
    const repo = this.ds.getRepository(PhotoEntity);
    return repo.save(repo.create(p));
  }

  findPhoto(id: string): Promise<PhotoEntity | null> {
    return this.ds.getRepository(PhotoEntity).findOneBy({ id });
  }

  /** Attaches the uploader's own unattached photos; returns how many were attached. */
  async attachPhotos(
    m: EntityManager,
    ids: string[],
    uploaderId: string,
    caseId: string,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const res = await m
      .createQueryBuilder()
      .update(PhotoEntity)
      .set({ caseId, attachedAt: () => 'now()' })
      .where('id IN (:...ids) AND uploader_id = :uploaderId AND attached_at IS NULL', {
        ids,
        uploaderId,
      })
      .execute();
    return res.affected ?? 0;
  }

  // Repeat handling

  async repeatCandidates(
    c: CaseRow,
    publicArea: boolean,
    lookbackDays: number,
  ): Promise<{ id: string; reason: string; similarity: number }[]> {
    return this.ds.query(
      `SELECT e.id,
              CASE WHEN e.id = $7 THEN 'pointed_by_resident'
                   WHEN e.resident_id IS NOT NULL AND e.resident_id = $2 THEN 'same_resident'
                   ELSE 'same_place' END AS reason,
              round(similarity(e.description, $5)::numeric, 2)::float AS similarity
         FROM service_case e
        WHERE e.id <> $1
          AND e.community_id = $6
          AND (e.id = $7 OR (
                e.status IN ('resolved', 'closed')
            AND e.resolved_at >= $8::timestamptz - make_interval(days => $9)
            AND ((e.resident_id = $2 AND (e.category_id = $4 OR similarity(e.description, $5) > 0.3))
                 OR ($10 AND e.compound_id = $3 AND e.category_id = $4))))
        ORDER BY (e.id = $7) DESC, similarity(e.description, $5) DESC, e.resolved_at DESC
        LIMIT 5`,
      [
        c.id,
        c.residentId,
        c.compoundId,
        c.categoryId,
        c.description,
        c.communityId,
        c.earlierCaseId,
        c.submittedAt,
        lookbackDays,
        publicArea,
      ],
    );
  }

  // Overdue scan and live replay

  /** Open cases past a due time not yet marked, locked so that several processes never mark one twice. */
  async lockOverdue(
    m: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ id: string; which: 'accept' | 'resolve' }[]> {
    return m.query(
      `SELECT id, CASE WHEN status = 'submitted' THEN 'accept' ELSE 'resolve' END AS which
         FROM service_case
        WHERE (status = 'submitted' AND accept_due_at <= $1 AND accept_overdue_at IS NULL)
           OR (status IN ('accepted', 'in_progress', 'waiting_third_party') AND resolve_due_at <= $1 AND resolve_overdue_at IS NULL)
        ORDER BY LEAST(accept_due_at, resolve_due_at)
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async lockCase(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM service_case WHERE id = $1 FOR UPDATE', [id]);
  }

  /** A system annotation (overdue marks, recomputed due times): the version a worker edits against stays. */
  async updateKeepingVersion(
    m: EntityManager,
    id: string,
    patch: Partial<CaseEntity>,
  ): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await m.createQueryBuilder().update(CaseEntity).set(patch).where('id = :id', { id }).execute();
  }

  async openCaseIdsAtDesk(deskId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM service_case WHERE desk_id = $1
          AND status IN ('submitted','accepted','in_progress','waiting_resident','waiting_third_party') ORDER BY id`,
      [deskId],
    );
    return rows.map((r) => r.id);
  }
}
