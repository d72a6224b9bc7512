import { Injectable } from '@nestjs/common';
import type { Framework } from '@baitong/rating-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { RatingFrameworkEntity } from '../rating.entities';

/** Framework versions (rating_framework). */
@Injectable()
export class RatingFrameworksRepository {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<RatingFrameworkEntity[]> {
    return this.ds.getRepository(RatingFrameworkEntity).find({
      order: { effectiveYear: 'DESC', createdAt: 'DESC', version: 'DESC' },
    });
  }

  find(id: string, m?: EntityManager): Promise<RatingFrameworkEntity | null> {
    return (m ?? this.ds.manager).findOneBy(RatingFrameworkEntity, { id });
  }

  /** The row, locked for the rest of the transaction. */
  lock(m: EntityManager, id: string): Promise<RatingFrameworkEntity | null> {
    return m
      .getRepository(RatingFrameworkEntity)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id })
      .getOne();
  }

  async versionsOf(m: EntityManager, key: string): Promise<Set<string>> {
    const rows: { version: string }[] = await m.query(
      'SELECT version FROM rating_framework WHERE framework_key = $1',
      [key],
    );
    return new Set(rows.map((r) => r.version));
  }

  async exists(key: string, version: string, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (m ?? this.ds.manager).query(
      'SELECT 1 FROM rating_framework WHERE framework_key = $1 AND version = $2',
      [key, version],
    );
    return rows.length > 0;
  }

  async insert(m: EntityManager, row: Partial<RatingFrameworkEntity>): Promise<string> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(RatingFrameworkEntity)
      .values(row)
      .returning('id')
      .execute();
    return (res.identifiers[0] as { id: string }).id;
  }

  /** Inserts a shipped sample unless its key and version are there already; true if inserted. */
  async insertSampleIfAbsent(fw: Framework): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO rating_framework
         (framework_key, version, name_zh, name_en, effective_year, sample, definition, created_by_name)
       VALUES ($1, $2, $3, $4, $5, true, $6::jsonb, 'system')
       ON CONFLICT (framework_key, version) DO NOTHING RETURNING id`,
      [fw.id, fw.version, fw.name.zh, fw.name.en, fw.effectiveYear, JSON.stringify(fw)],
    );
    return rows.length > 0;
  }

  /** Changes the row in place when its revision is still `revision`; false when it moved on. */
  async update(
    m: EntityManager,
    id: string,
    revision: number,
    patch: Partial<RatingFrameworkEntity>,
  ): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(RatingFrameworkEntity)
      .set({ ...patch, revision: () => 'revision + 1' })
      .where('id = :id AND revision = :revision AND locked_at IS NULL', { id, revision })
      .execute();
    return (res.affected ?? 0) > 0;
  }
}
