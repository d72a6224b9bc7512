import type { ProposalStatus, ProposalTopic } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Reader, scopeSql } from '../auth/scope';
import type { DomainEventEntity } from '../events/domain-event.entity';
import { ProposalEntity } from './council.entities';
import { binder, toCamel } from './rows';

/** A proposal with what lists and pushes show beside it; one query, no N+1. */
export interface ProposalRow extends ProposalEntity {
  compoundName: string | null;
  compoundNameEn: string | null;
  authorName: string | null;
  commentCount: number;
  caseCount: number;
}

/** A list row with the reading resident's own marks. */
export interface ProposalListRow extends ProposalRow {
  supportedByMe: boolean;
  followedByMe: boolean;
}

export interface ProposalFilter {
  status?: ProposalStatus[];
  topic?: ProposalTopic;
  communityId?: string;
  caseId?: string;
  ready?: boolean;
  /** A resident's own proposals, or those a staff member wrote. */
  mineOf?: { kind: 'resident' | 'staff'; id: string };
  q?: string;
  page: number;
  pageSize: number;
}

export interface PhotoLink {
  id: string;
  contentType: string;
  sizeBytes: number;
}

export interface CaseLinkRow {
  caseId: string;
  number: string;
  description: string;
  status: string;
  residentId: string | null;
}

export interface SimilarRow {
  id: string;
  number: string;
  title: string;
  status: ProposalStatus;
  supportCount: number;
  similarity: number;
}

const SELECT = `p.*, x.name AS compound_name, x.name_en AS compound_name_en, r.name AS author_name,
  (SELECT count(*)::int FROM proposal_comment pc WHERE pc.proposal_id = p.id AND pc.hidden_at IS NULL) AS comment_count,
  (SELECT count(*)::int FROM proposal_case k WHERE k.proposal_id = p.id) AS case_count`;
const FROM = `proposal p
  LEFT JOIN compound x ON x.id = p.compound_id
  LEFT JOIN resident r ON r.id = p.author_resident_id`;

/**
 * Which proposals a reader sees: those of the communities in its scope (a resident: their own
 * community), but one never submitted only by its author, or by staff when staff wrote it — a
 * resident's draft, withdrawn or not, stays theirs.
 */
function visibleSql(reader: Reader, params: unknown[]): string {
  const scope = scopeSql(reader, { community: 'p.community_id' }, params);
  if (reader.kind === 'system_read' || reader.kind === 'system') return scope;
  if (reader.kind === 'resident') {
    params.push(reader.id);
    return `${scope} AND (p.submitted_at IS NOT NULL OR p.author_resident_id = $${params.length})`;
  }
  return `${scope} AND (p.submitted_at IS NOT NULL OR p.created_by_staff_id IS NOT NULL)`;
}

@Injectable()
export class ProposalsRepository {
  constructor(private readonly ds: DataSource) {}

  // Reads

  async find(reader: Reader, id: string, m?: EntityManager): Promise<ProposalRow | null> {
    const params: unknown[] = [id];
    const visible = visibleSql(reader, params);
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${SELECT} FROM ${FROM} WHERE p.id = $1 AND ${visible}`,
      params,
    );
    return rows[0] ? toCamel<ProposalRow>(rows[0]) : null;
  }

  async findMany(ids: string[]): Promise<ProposalRow[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${SELECT} FROM ${FROM} WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => toCamel<ProposalRow>(r));
  }

  async list(
    reader: Reader,
    f: ProposalFilter,
  ): Promise<{ rows: ProposalListRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibleSql(reader, params)];
    const p = binder(params);
    if (f.status?.length) where.push(`p.status = ANY(${p(f.status)}::varchar[])`);
    if (f.topic) where.push(`p.topic = ${p(f.topic)}`);
    if (f.communityId) where.push(`p.community_id = ${p(f.communityId)}`);
    if (f.caseId)
      where.push(
        `EXISTS (SELECT 1 FROM proposal_case k WHERE k.proposal_id = p.id AND k.case_id = ${p(f.caseId)})`,
      );
    if (f.ready !== undefined)
      where.push(f.ready ? 'p.ready_at IS NOT NULL' : 'p.ready_at IS NULL');
    if (f.mineOf)
      where.push(
        f.mineOf.kind === 'resident'
          ? `p.author_resident_id = ${p(f.mineOf.id)}`
          : `p.created_by_staff_id = ${p(f.mineOf.id)}`,
      );
    if (f.q) {
      const q = p(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(p.number ILIKE ${q} OR p.title ILIKE ${q} OR p.description ILIKE ${q})`);
    }
    const sqlWhere = where.join(' AND ');
    const [{ n }] = (await this.ds.query(
      `SELECT count(*)::int AS n FROM proposal p WHERE ${sqlWhere}`,
      params,
    )) as [{ n: number }];
    // The resident's own marks ride in the same query: a page is one round trip, not one per row.
    const me = reader.kind === 'resident' ? p(reader.id) : 'NULL::uuid';
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${SELECT},
          EXISTS (SELECT 1 FROM proposal_support s WHERE s.proposal_id = p.id
                   AND s.resident_id = ${me} AND s.withdrawn_at IS NULL) AS supported_by_me,
          EXISTS (SELECT 1 FROM proposal_follower fo WHERE fo.proposal_id = p.id
                   AND fo.resident_id = ${me}) AS followed_by_me
        FROM ${FROM} WHERE ${sqlWhere}
        ORDER BY p.status_changed_at DESC, p.id
        LIMIT ${p(f.pageSize)} OFFSET ${p((f.page - 1) * f.pageSize)}`,
      params,
    );
    return { rows: rows.map((r) => toCamel<ProposalListRow>(r)), total: n };
  }

  /** The proposal's entries of the one event stream, oldest first. */
  eventsOf(id: string): Promise<DomainEventEntity[]> {
    return this.ds
      .query(
        `SELECT * FROM domain_event WHERE subject_type = 'proposal' AND subject_id = $1 ORDER BY id`,
        [id],
      )
      .then((rows: Record<string, unknown>[]) =>
        rows.map((r) => ({ ...toCamel<DomainEventEntity>(r), id: String(r['id']) })),
      );
  }

  /**
   * Other proposals of the community whose text is like this one's (pg_trgm): public ones, not
   * screened out or withdrawn; merged ones lead to where they went.
   */
  similar(
    p: Pick<ProposalEntity, 'id' | 'communityId' | 'title' | 'description'>,
    limit = 5,
  ): Promise<SimilarRow[]> {
    return this.similarTo(p.communityId, `${p.title} ${p.description}`, p.id, limit);
  }

  /**
   * The same likeness for text not saved yet (a resident typing a new proposal). A few typed words
   * against a whole proposal score low by plain similarity (the longer text's trigrams dilute it),
   * so `typed` also takes how well they match some stretch of it (word_similarity).
   */
  async similarTo(
    communityId: string,
    text: string,
    excludeId: string | null,
    limit = 5,
    typed = false,
  ): Promise<SimilarRow[]> {
    const target = `o.title || ' ' || o.description`;
    const score = typed
      ? `GREATEST(similarity(${target}, $2), word_similarity($2, ${target}))`
      : `similarity(${target}, $2)`;
    const passes = typed
      ? `(similarity(${target}, $2) > 0.15 OR word_similarity($2, ${target}) > 0.3)`
      : `similarity(${target}, $2) > 0.15`;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT o.id, o.number, o.title, o.status, o.support_count,
              round((${score})::numeric, 2)::float AS similarity
         FROM proposal o
        WHERE o.community_id = $1 AND ($3::uuid IS NULL OR o.id <> $3::uuid)
          AND o.status NOT IN ('draft','rejected','withdrawn','merged')
          AND ${passes}
        ORDER BY ${score} DESC, o.created_at DESC
        LIMIT $4`,
      [communityId, text, excludeId, limit],
    );
    return rows.map((r) => toCamel<SimilarRow>(r));
  }

  async photosOf(id: string): Promise<PhotoLink[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT f.id, f.content_type, f.size_bytes FROM proposal_photo pp JOIN photo f ON f.id = pp.photo_id
        WHERE pp.proposal_id = $1 AND pp.progress_id IS NULL ORDER BY pp.position`,
      [id],
    );
    return rows.map((r) => toCamel<PhotoLink>(r));
  }

  async hasPhoto(id: string, photoId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM proposal_photo WHERE proposal_id = $1 AND photo_id = $2',
      [id, photoId],
    );
    return rows.length > 0;
  }

  async casesOf(id: string, m?: EntityManager): Promise<CaseLinkRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT c.id AS case_id, c.number, c.description, c.status, c.resident_id
         FROM proposal_case k JOIN service_case c ON c.id = k.case_id
        WHERE k.proposal_id = $1 ORDER BY k.linked_at, c.number`,
      [id],
    );
    return rows.map((r) => toCamel<CaseLinkRow>(r));
  }

  /** Serialises promotions of the same cases, so two at once cannot both take a case to the council. */
  async lockCases(m: EntityManager, caseIds: string[]): Promise<void> {
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtext('proposal-case'), hashtext(id::text))
         FROM unnest($1::uuid[]) AS id ORDER BY id`,
      [caseIds],
    );
  }

  /** Cases among `caseIds` already behind a proposal that is not closed (rejected, merged, withdrawn). */
  async casesInCouncil(
    m: EntityManager,
    caseIds: string[],
  ): Promise<{ caseId: string; proposalId: string; number: string }[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT k.case_id, p.id AS proposal_id, p.number FROM proposal_case k JOIN proposal p ON p.id = k.proposal_id
        WHERE k.case_id = ANY($1::uuid[]) AND p.status NOT IN ('rejected','merged','withdrawn')`,
      [caseIds],
    );
    return rows.map((r) => toCamel(r));
  }

  async residentInCommunity(
    id: string,
    communityId: string,
  ): Promise<{ id: string; compoundId: string | null; name: string } | null> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT id, compound_id, name FROM resident
        WHERE id = $1 AND community_id = $2 AND verification <> 'merged'`,
      [id, communityId],
    );
    return rows[0] ? toCamel(rows[0]) : null;
  }

  async residentVerification(id: string): Promise<string | null> {
    const rows: { verification: string }[] = await this.ds.query(
      'SELECT verification FROM resident WHERE id = $1',
      [id],
    );
    return rows[0]?.verification ?? null;
  }

  async compoundInCommunity(id: string, communityId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      'SELECT 1 FROM compound WHERE id = $1 AND community_id = $2',
      [id, communityId],
    );
    return rows.length > 0;
  }

  async households(communityId: string, m?: EntityManager): Promise<number> {
    const rows: { households: number }[] = await (m ?? this.ds).query(
      'SELECT households FROM community WHERE id = $1',
      [communityId],
    );
    return rows[0]?.households ?? 0;
  }

  /**
   * Who is told of each later step besides the author: the residents who support it now and
   * those who follow it (explicitly, from a case of theirs, or carried by a merge).
   */
  async audience(m: EntityManager, id: string): Promise<string[]> {
    const rows: { resident_id: string }[] = await m.query(
      `SELECT resident_id FROM proposal_support WHERE proposal_id = $1 AND withdrawn_at IS NULL
       UNION SELECT resident_id FROM proposal_follower WHERE proposal_id = $1`,
      [id],
    );
    return rows.map((r) => r.resident_id);
  }

  // Writes (inside the caller's transaction)

  async nextNumber(m: EntityManager, localDate: string): Promise<string> {
    const [{ n }] = (await m.query(`SELECT nextval('proposal_number_seq')::int AS n`)) as [
      { n: number },
    ];
    return `YS${localDate.replace(/-/g, '')}-${String(n).padStart(6, '0')}`;
  }

  async insert(m: EntityManager, p: Partial<ProposalEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(ProposalEntity)
      .values(p)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  /** Takes the proposal's row lock: its supports, merges and moves run one after the other. */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query('SELECT 1 FROM proposal WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Locks several proposals in id order, so two merges crossing each other cannot deadlock. */
  async lockAll(m: EntityManager, ids: string[]): Promise<void> {
    await m.query('SELECT 1 FROM proposal WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
      ids,
    ]);
  }

  /** Applies a change only if nobody changed the proposal since `version` was read. */
  async updateIfVersion(
    m: EntityManager,
    id: string,
    version: number,
    patch: Partial<ProposalEntity>,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(ProposalEntity)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  /** Counts and marks (supports, readiness) and process moves: the version moves on with a move only. */
  async update(
    m: EntityManager,
    id: string,
    patch: Partial<ProposalEntity>,
    bumpVersion = false,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ProposalEntity)
      .set(bumpVersion ? { ...patch, version: () => 'version + 1' } : patch)
      .where('id = :id', { id })
      .execute();
  }

  async insertPhotos(m: EntityManager, id: string, photoIds: string[]): Promise<void> {
    if (photoIds.length === 0) return;
    await m.query(
      `INSERT INTO proposal_photo (photo_id, proposal_id, position)
       SELECT u.id, $1, u.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [id, photoIds],
    );
  }

  /** Adds photos after the proposal's own, in the order given; how many it holds then. */
  async appendPhotos(m: EntityManager, id: string, photoIds: string[]): Promise<number> {
    await m.query(
      `INSERT INTO proposal_photo (photo_id, proposal_id, position)
       SELECT u.id, $1, u.ord + coalesce(
         (SELECT max(position) FROM proposal_photo WHERE proposal_id = $1 AND progress_id IS NULL), 0)
         FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [id, photoIds],
    );
    const [{ n }] = (await m.query(
      'SELECT count(*)::int AS n FROM proposal_photo WHERE proposal_id = $1 AND progress_id IS NULL',
      [id],
    )) as [{ n: number }];
    return n;
  }

  /**
   * Takes a photo off a proposal and hands it back to its uploader's unattached photos, so the
   * clean-up of photos never attached removes it with its bytes; false when it was not there.
   */
  async removePhoto(m: EntityManager, id: string, photoId: string): Promise<boolean> {
    const [rows] = (await m.query(
      `DELETE FROM proposal_photo WHERE proposal_id = $1 AND photo_id = $2 AND progress_id IS NULL
       RETURNING photo_id`,
      [id, photoId],
    )) as [unknown[], number];
    if (rows.length === 0) return false;
    await m.query('UPDATE photo SET attached_at = NULL WHERE id = $1', [photoId]);
    return true;
  }

  async linkCases(
    m: EntityManager,
    id: string,
    communityId: string,
    caseIds: string[],
    by: string | null,
    at: Date,
  ): Promise<void> {
    if (caseIds.length === 0) return;
    await m.query(
      `INSERT INTO proposal_case (proposal_id, case_id, community_id, linked_at, linked_by_id)
       SELECT $1, unnest($2::uuid[]), $3, $4, $5 ON CONFLICT DO NOTHING`,
      [id, caseIds, communityId, at, by],
    );
  }

  /**
   * Moves what a merged proposal gathered into its target: active supports of residents who have
   * no support row there yet (a resident never counts twice; one who withdrew from the target
   * stays withdrawn), its followers and author as followers, and its cases. Returns the supports
   * carried.
   */
  async carryInto(
    m: EntityManager,
    from: ProposalEntity,
    into: ProposalEntity,
    at: Date,
  ): Promise<number> {
    const carried: unknown[] = await m.query(
      `INSERT INTO proposal_support (proposal_id, resident_id, community_id, supported_at, carried_from_id)
       SELECT $2, s.resident_id, s.community_id, s.supported_at, $1
         FROM proposal_support s WHERE s.proposal_id = $1 AND s.withdrawn_at IS NULL
       ON CONFLICT (proposal_id, resident_id) DO NOTHING RETURNING id`,
      [from.id, into.id],
    );
    await m.query(
      `INSERT INTO proposal_follower (proposal_id, resident_id, community_id, reason)
       SELECT $2::uuid, f.resident_id, f.community_id, 'merged'::varchar FROM proposal_follower f WHERE f.proposal_id = $1
       UNION SELECT $2::uuid, $3::uuid, $4::uuid, 'merged'::varchar WHERE $3::uuid IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [from.id, into.id, from.authorResidentId, from.communityId],
    );
    await m.query(
      `INSERT INTO proposal_case (proposal_id, case_id, community_id, linked_at, linked_by_id, carried_from_id)
       SELECT $2, k.case_id, k.community_id, $3, k.linked_by_id, $1 FROM proposal_case k WHERE k.proposal_id = $1
       ON CONFLICT DO NOTHING`,
      [from.id, into.id, at],
    );
    return carried.length;
  }
}
