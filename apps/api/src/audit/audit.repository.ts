import type { AuditEntry } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { communityScope } from '../auth/scope';
import { AuditLogEntity } from './audit-log.entity';

export type AuditInsert = Pick<
  AuditLogEntity,
  | 'actorKind'
  | 'actorId'
  | 'actorName'
  | 'action'
  | 'entity'
  | 'entityId'
  | 'communityId'
  | 'ip'
  | 'requestId'
  | 'detail'
>;

@Injectable()
export class AuditRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(row: AuditInsert, manager?: EntityManager): Promise<void> {
    // jsonb detail is plain data; TypeORM's deep-partial type cannot express that.
    await (manager ?? this.ds.manager).insert(AuditLogEntity, row as never);
  }

  async listForActor(
    actor: Actor,
    filter: { action?: string; page: number; pageSize: number },
  ): Promise<{ items: AuditEntry[]; total: number }> {
    const scope = communityScope(actor, 'a.community_id');
    const qb = this.ds
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      // District roles see everything; others only rows tied to communities in their scope.
      .where(scope.sql, scope.params)
      .orderBy('a.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    const [rows, total] = await qb.getManyAndCount();
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        ip: r.ip,
        detail: r.detail,
      })),
    };
  }
}
