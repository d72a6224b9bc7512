import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { scopeSql } from '../auth/scope';

/** Every contact a case holds, unmasked: only the audited contact read uses this. */
export interface CaseContactRow {
  caseId: string;
  communityId: string;
  residentId: string | null;
  residentName: string | null;
  residentPhone: string | null;
  residentIdNumber: string | null;
  walkInName: string | null;
  walkInPhone: string | null;
  /** An Open311 submitter's e-mail, device and account ids. */
  submitter: { email?: string } | null;
  parties: { name: string; role: string; phone?: string }[];
}

@Injectable()
export class CaseContactsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The case's contacts when the actor's scope holds the case (the same scope as the case read). */
  async findContacts(actor: Actor, caseId: string): Promise<CaseContactRow | null> {
    const params: unknown[] = [caseId];
    const scope = scopeSql(
      actor,
      {
        community: 'c.community_id',
        compound: 'c.compound_id',
        resident: 'c.resident_id',
        assignee: 'c.assignee_id',
      },
      params,
    );
    const rows: CaseContactRow[] = await this.ds.query(
      `SELECT c.id AS "caseId", c.community_id AS "communityId", c.resident_id AS "residentId",
              r.name AS "residentName", r.phone AS "residentPhone", r.id_number AS "residentIdNumber",
              c.walk_in_name AS "walkInName", c.walk_in_phone AS "walkInPhone",
              c.submitter,
              COALESCE(m.parties, '[]'::jsonb) AS parties
         FROM service_case c
         LEFT JOIN resident r ON r.id = c.resident_id
         LEFT JOIN case_mediation m ON m.case_id = c.id
        WHERE c.id = $1 AND ${scope}`,
      params,
    );
    return rows[0] ?? null;
  }
}
