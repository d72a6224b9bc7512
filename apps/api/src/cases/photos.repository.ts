import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/tx';
import type { PhotoEntity } from './case.entities';

export type PhotoInsert = Omit<PhotoEntity, 'id' | 'case'>;

export interface PhotoUsage {
  /** Photos of the uploader not attached to a case or a proposal yet. */
  unattached: number;
  /** Bytes the uploader stored since the start of the window. */
  bytesSince: number;
}

interface PhotoRow {
  id: string;
  uploader_kind: PhotoEntity['uploaderKind'];
  uploader_id: string;
  case_id: string | null;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  sha256: string;
  attached_at: Date | null;
  created_at: Date;
}

const toEntity = (r: PhotoRow): PhotoEntity => ({
  id: r.id,
  uploaderKind: r.uploader_kind,
  uploaderId: r.uploader_id,
  caseId: r.case_id,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  storageKey: r.storage_key,
  sha256: r.sha256,
  attachedAt: r.attached_at,
  createdAt: r.created_at,
});

/** Uploaded photos: the quota an uploader has used, and the clean-up of photos never attached. */
@Injectable()
export class PhotosRepository {
  constructor(private readonly ds: DataSource) {}

  async find(id: string): Promise<PhotoEntity | null> {
    const rows: PhotoRow[] = await this.ds.query('SELECT * FROM photo WHERE id = $1', [id]);
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /**
   * What the uploader has used, with their uploads serialised (a transaction-scoped advisory
   * lock), so that parallel uploads cannot all pass the same check.
   */
  async lockUsage(tx: Tx, uploaderId: string, since: Date): Promise<PhotoUsage> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('photo-quota'), hashtext($1))`, [
      uploaderId,
    ]);
    const [row] = (await tx.query(
      `SELECT (count(*) FILTER (WHERE attached_at IS NULL))::int AS unattached,
              COALESCE(sum(size_bytes) FILTER (WHERE created_at >= $2), 0)::bigint AS bytes
         FROM photo WHERE uploader_id = $1`,
      [uploaderId, since],
    )) as [{ unattached: number; bytes: string }];
    return { unattached: row.unattached, bytesSince: Number(row.bytes) };
  }

  async insert(tx: Tx, p: PhotoInsert): Promise<PhotoEntity> {
    const rows: PhotoRow[] = await tx.query(
      `INSERT INTO photo (uploader_kind, uploader_id, case_id, content_type, size_bytes, storage_key, sha256, attached_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        p.uploaderKind,
        p.uploaderId,
        p.caseId,
        p.contentType,
        p.sizeBytes,
        p.storageKey,
        p.sha256,
        p.attachedAt,
        p.createdAt,
      ],
    );
    return toEntity(rows[0]!);
  }

  /**
   * Up to `limit` photos never attached and uploaded before `before`, locked for this
   * transaction; rows another process holds, or a case is attaching right now, are skipped.
   */
  async lockUnattachedBefore(tx: Tx, before: Date, limit: number): Promise<PhotoEntity[]> {
    const rows: PhotoRow[] = await tx.query(
      `SELECT * FROM photo WHERE attached_at IS NULL AND created_at < $1
        ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
    return rows.map(toEntity);
  }

  /**
   * Marks the uploader's own unattached photos as taken by another module (a proposal); returns
   * how many were. Inside the caller's transaction, so the taking row commits with the mark.
   */
  async attach(tx: Tx, ids: string[], uploaderId: string, at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    // TypeORM answers an UPDATE with [rows, count].
    const [, count] = (await tx.query(
      `UPDATE photo SET attached_at = $3
        WHERE id = ANY($1::uuid[]) AND uploader_id = $2 AND attached_at IS NULL`,
      [ids, uploaderId, at],
    )) as [unknown[], number];
    return count;
  }

  async deleteUnattached(tx: Tx, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query('DELETE FROM photo WHERE id = ANY($1::uuid[]) AND attached_at IS NULL', [ids]);
  }
}
