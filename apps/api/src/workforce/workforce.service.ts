import {
  WORKFORCE_IMPORT_MAX_BYTES,
  WORKFORCE_IMPORT_MAX_ROWS,
  type CreateWorkforceEntryRequest,
  type LeaveWorkforceRequest,
  type UpdateWorkforceEntryRequest,
  type WorkforceEntry,
  type WorkforceEntryDetail,
  type WorkforceImportResult,
  type WorkforcePage,
  type WorkforceRevision,
  type WorkforceStatus,
} from '@baitong/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { policy } from '../auth/policy';
import { AppException } from '../common/app-exception';
import { CLOCK, type Clock } from '../common/clock';
import type { RequestMeta } from '../common/request-context';
import { Db } from '../database/db';
import type { Tx } from '../database/tx';
import { localDate } from '../org/opening-hours';
import { type ImportRow, type SheetLanguage, parseRoster, rosterWorkbook } from './workforce-sheet';
import {
  type FieldProblem,
  levelProblems,
  recordProblems,
  sameFacts,
  sameRecord,
} from './workforce-rules';
import {
  type EntryRow,
  type RevisionRow,
  type WorkforceFacts,
  type WorkforceRecord,
  WorkforceRepository,
} from './workforce.repository';

const PERSONAL_FIELDS = ['birthDate', 'monthlyPayYuan'];
const MAX_REPORTED_ERRORS = 1000;

export interface UploadedFile {
  buffer: Buffer;
  size: number;
}

function toEntry(e: EntryRow, personal: boolean): WorkforceEntry {
  return {
    id: e.id,
    communityId: e.communityId,
    workerNumber: e.workerNumber,
    name: e.name,
    gender: e.gender,
    ...(personal ? { birthDate: e.birthDate } : {}),
    hiredOn: e.hiredOn,
    leftOn: e.leftOn,
    leaveReason: e.leaveReason,
    position: e.position,
    certified: e.certified,
    certificateLevel: e.certificateLevel,
    education: e.education,
    ...(personal ? { monthlyPayYuan: e.monthlyPayYuan } : {}),
    factsEffectiveOn: e.factsEffectiveOn,
    version: e.version,
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

function toRevision(r: RevisionRow, personal: boolean): WorkforceRevision {
  return {
    id: r.id,
    entryId: r.entryId,
    effectiveOn: r.effectiveOn,
    position: r.position,
    certified: r.certified,
    certificateLevel: r.certificateLevel,
    education: r.education,
    ...(personal ? { monthlyPayYuan: r.monthlyPayYuan } : {}),
    recordedById: r.recordedById,
    recordedByName: r.recordedByName,
    recordedAt: new Date(r.recordedAt).toISOString(),
  };
}

const facts = (x: WorkforceFacts): WorkforceFacts => ({
  position: x.position,
  certified: x.certified,
  certificateLevel: x.certificateLevel,
  education: x.education,
  monthlyPayYuan: x.monthlyPayYuan,
});

const record = (x: WorkforceRecord): WorkforceRecord => ({
  name: x.name,
  gender: x.gender,
  birthDate: x.birthDate,
  hiredOn: x.hiredOn,
  leftOn: x.leftOn,
  leaveReason: x.leaveReason,
});

function refuse(problems: FieldProblem[]): AppException {
  const first = problems[0]!;
  return new AppException('VALIDATION_FAILED', `${first.field}: ${first.message}`, problems);
}

const stale = (current: number) =>
  new AppException(
    'STALE_VERSION',
    'Someone else changed this worker’s record; reload and try again',
    undefined,
    { currentVersion: current },
  );

const duplicate = () =>
  new AppException('CONFLICT', 'This community already has a worker with this number', [
    { field: 'workerNumber', code: 'duplicate', message: 'already on the roster' },
  ]);

/** The workforce roster (docs/WORKFORCE.md): its records, dated revisions, import and export. */
@Injectable()
export class WorkforceService {
  constructor(
    private readonly repo: WorkforceRepository,
    private readonly audit: AuditService,
    private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  /** The community in the reader's scope (404 outside it); staff only. */
  private async community(actor: Actor, communityId: string): Promise<{ id: string }> {
    if (actor.kind !== 'staff') throw AppException.forbidden('Staff read the roster');
    const c = await this.repo.community(actor, communityId);
    if (!c) throw AppException.notFound('Community');
    return c;
  }

  private async entry(actor: Actor, id: string): Promise<EntryRow> {
    if (actor.kind !== 'staff') throw AppException.forbidden('Staff read the roster');
    const e = await this.repo.find(actor, id);
    if (!e) throw AppException.notFound('Worker');
    return e;
  }

  private mayManage(actor: Actor, communityId: string): void {
    if (!policy.manageWorkforce(actor, communityId))
      throw AppException.forbidden('Only the community’s admin and the bureau change the roster');
  }

  /** A read of pay and birth dates is answered only once its audit row has committed. */
  private async auditRead(
    actor: Actor,
    communityId: string,
    meta: RequestMeta,
    detail: Record<string, unknown>,
    entityId?: string,
  ): Promise<void> {
    await this.db.transaction((tx) =>
      this.audit.record(
        actor,
        {
          action: 'personal_data.read',
          entity: 'workforce_entry',
          entityId,
          communityId,
          detail: { fields: PERSONAL_FIELDS, ...detail },
        },
        meta,
        tx,
      ),
    );
  }

  async list(
    actor: Actor,
    communityId: string,
    q: { status?: WorkforceStatus; page: number; pageSize: number },
    meta: RequestMeta,
  ): Promise<WorkforcePage> {
    await this.community(actor, communityId);
    const { rows, total } = await this.repo.list(communityId, {
      status: q.status ?? 'active',
      today: this.today(),
      page: q.page,
      pageSize: q.pageSize,
    });
    const personal = policy.manageWorkforce(actor, communityId);
    if (personal && rows.length > 0)
      await this.auditRead(actor, communityId, meta, {
        via: 'list',
        entryIds: rows.map((r) => r.id),
      });
    return { items: rows.map((r) => toEntry(r, personal)), total };
  }

  async detail(actor: Actor, id: string, meta: RequestMeta): Promise<WorkforceEntryDetail> {
    const e = await this.entry(actor, id);
    const personal = policy.manageWorkforce(actor, e.communityId);
    const revisions = await this.repo.revisions(id);
    if (personal) await this.auditRead(actor, e.communityId, meta, { via: 'detail' }, id);
    return { ...toEntry(e, personal), revisions: revisions.map((r) => toRevision(r, personal)) };
  }

  async create(
    actor: Actor,
    communityId: string,
    dto: CreateWorkforceEntryRequest,
  ): Promise<WorkforceEntryDetail> {
    await this.community(actor, communityId);
    this.mayManage(actor, communityId);
    const row: WorkforceRecord & WorkforceFacts = {
      name: dto.name,
      gender: dto.gender ?? null,
      birthDate: dto.birthDate,
      hiredOn: dto.hiredOn,
      leftOn: null,
      leaveReason: null,
      position: dto.position,
      certified: dto.certified,
      certificateLevel: dto.certificateLevel ?? null,
      education: dto.education,
      monthlyPayYuan: dto.monthlyPayYuan,
    };
    const problems = recordProblems(row, this.today());
    if (problems.length) throw refuse(problems);
    const created = await this.db.transaction(async (tx) => {
      const e = await this.repo.insert(tx, {
        ...row,
        communityId,
        workerNumber: dto.workerNumber,
        factsEffectiveOn: dto.hiredOn,
      });
      if (!e) throw duplicate();
      await this.revise(tx, actor, e, facts(row), dto.hiredOn);
      return e;
    });
    return {
      ...toEntry(created, true),
      revisions: toRevisions(await this.repo.revisions(created.id)),
    };
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateWorkforceEntryRequest,
  ): Promise<WorkforceEntryDetail> {
    const found = await this.entry(actor, id);
    this.mayManage(actor, found.communityId);
    const changesFacts =
      dto.position !== undefined ||
      dto.certified !== undefined ||
      dto.certificateLevel !== undefined ||
      dto.education !== undefined ||
      dto.monthlyPayYuan !== undefined;
    if (changesFacts && !dto.effectiveOn)
      throw AppException.invalid(
        'effectiveOn',
        'the day a change of position, certificate or its level, degree or pay takes effect',
        'required',
      );
    await this.db.transaction(async (tx) => {
      const e = await this.repo.lock(tx, id);
      if (e.version !== dto.version) throw stale(e.version);
      const next: WorkforceRecord = {
        ...record(e),
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.gender !== undefined ? { gender: dto.gender } : {}),
        ...(dto.birthDate !== undefined ? { birthDate: dto.birthDate } : {}),
        ...(dto.hiredOn !== undefined ? { hiredOn: dto.hiredOn } : {}),
      };
      // Whether a level goes with a certificate is judged on the facts of `effectiveOn` (in
      // apply), not today's: a level back-dated to a year the certificate was held is right.
      const problems = recordProblems(
        { ...next, ...facts(e), ...pickFacts(dto) },
        this.today(),
        dto.effectiveOn,
      ).filter((p) => !(p.field === 'certificateLevel' && p.code === 'paired'));
      if (problems.length) throw refuse(problems);
      await this.apply(
        tx,
        actor,
        e,
        next,
        changesFacts ? pickFacts(dto) : null,
        dto.effectiveOn ?? null,
      );
    });
    return this.written(id);
  }

  async leave(actor: Actor, id: string, dto: LeaveWorkforceRequest): Promise<WorkforceEntryDetail> {
    const found = await this.entry(actor, id);
    this.mayManage(actor, found.communityId);
    await this.db.transaction(async (tx) => {
      const e = await this.repo.lock(tx, id);
      if (dto.version !== undefined && e.version !== dto.version) throw stale(e.version);
      if (e.leftOn !== null)
        throw new AppException('ILLEGAL_TRANSITION', 'This worker has already left', [
          { field: 'leftOn', code: 'unchanged', message: `left on ${e.leftOn}` },
        ]);
      const next = { ...record(e), leftOn: dto.leftOn, leaveReason: dto.reason?.trim() || null };
      const problems = recordProblems({ ...next, ...facts(e) }, this.today());
      if (problems.length) throw refuse(problems);
      await this.apply(tx, actor, e, next, null, null);
    });
    return this.written(id);
  }

  private async written(id: string): Promise<WorkforceEntryDetail> {
    const e = (await this.repo.find(
      { kind: 'system_read', purpose: 'answer a roster write' },
      id,
    ))!;
    return { ...toEntry(e, true), revisions: toRevisions(await this.repo.revisions(id)) };
  }

  /**
   * Writes the record and, when facts change, a revision from `effectiveOn` holding the facts in
   * force that day with the change; the entry then shows the facts in force today.
   */
  private async apply(
    tx: Tx,
    actor: Actor,
    e: EntryRow,
    next: WorkforceRecord,
    change: Partial<WorkforceFacts> | null,
    effectiveOn: string | null,
  ): Promise<void> {
    let current = { facts: facts(e), on: e.factsEffectiveOn };
    if (change && effectiveOn) {
      const base = await this.repo.factsAsOf(tx, e.id, effectiveOn);
      const revised = { ...facts(base), ...change };
      // Checked on the facts of that day, not today's: a level back-dated to before the
      // certificate was held is refused here, not by the database's CHECK.
      const problems = levelProblems(revised);
      if (problems.length) throw refuse(problems);
      if (!sameFacts(revised, facts(base))) {
        await this.revise(tx, actor, e, revised, effectiveOn);
        const now = await this.repo.factsAsOf(tx, e.id, this.today());
        current = { facts: facts(now), on: now.effectiveOn };
      }
    }
    const ok = await this.repo.updateIfVersion(tx, e.id, e.version, {
      ...next,
      ...current.facts,
      factsEffectiveOn: current.on,
    });
    if (!ok) throw stale(e.version);
  }

  private revise(
    tx: Tx,
    actor: Actor,
    e: { id: string; communityId: string },
    f: WorkforceFacts,
    effectiveOn: string,
  ): Promise<void> {
    return this.repo.insertRevision(tx, {
      ...f,
      entryId: e.id,
      communityId: e.communityId,
      effectiveOn,
      recordedById: actor.id,
      recordedByName: actor.name,
      recordedAt: this.clock.now(),
    });
  }

  /** The whole roster of the community as xlsx, for its admin and the bureau; audited. */
  async export(
    actor: Actor,
    communityId: string,
    lang: SheetLanguage,
    meta: RequestMeta,
  ): Promise<{ file: Buffer; filename: string }> {
    await this.community(actor, communityId);
    this.mayManage(actor, communityId);
    const entries = await this.repo.allOf(communityId);
    await this.auditRead(actor, communityId, meta, { via: 'export', rows: entries.length });
    return {
      file: await rosterWorkbook(entries, lang),
      filename: `roster-${this.today()}.xlsx`,
    };
  }

  /**
   * All or nothing: every row is checked first and any error refuses the file (422, each error
   * with its row and column); then, in one transaction, rows are matched to the roster by worker
   * number and created, updated or left as they are.
   */
  async import(
    actor: Actor,
    communityId: string,
    file: UploadedFile | undefined,
  ): Promise<WorkforceImportResult> {
    await this.community(actor, communityId);
    this.mayManage(actor, communityId);
    if (!file)
      throw AppException.invalid('file', 'send the xlsx roster in the field "file"', 'required');
    if (file.size === 0 || file.buffer.length === 0)
      throw AppException.invalid('file', 'the file is empty', 'empty_file');
    if (file.buffer.length > WORKFORCE_IMPORT_MAX_BYTES) throw importTooLarge();
    // An xlsx workbook is a zip archive: anything else is refused before it is parsed.
    if (file.buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw notASpreadsheet();
    const today = this.today();
    const parsed = await parseRoster(file.buffer, today, WORKFORCE_IMPORT_MAX_ROWS);
    if (!parsed.ok && 'unreadable' in parsed) throw notASpreadsheet();
    if (!parsed.ok)
      // The first problems are enough to fix a file; a wholly wrong one stays a small answer.
      throw new AppException(
        'IMPORT_REJECTED',
        `The roster was not imported: ${parsed.errors.length} problem(s); nothing was changed`,
        undefined,
        {
          errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS),
          ...(parsed.errors.length > MAX_REPORTED_ERRORS
            ? { moreErrors: parsed.errors.length - MAX_REPORTED_ERRORS }
            : {}),
        },
      );
    return this.db.transaction(async (tx) => {
      const existing = new Map(
        (await this.repo.allOf(communityId, tx, true)).map((e) => [e.workerNumber, e]),
      );
      const out: WorkforceImportResult = { created: 0, updated: 0, unchanged: 0 };
      for (const parsedRow of parsed.rows) {
        const e = existing.get(parsedRow.workerNumber);
        const row = withLevel(parsedRow, e);
        if (!e) {
          await this.importNew(tx, actor, communityId, row);
          out.created++;
          continue;
        }
        const recordSame = sameRecord(record(row), record(e));
        const factsSame = sameFacts(facts(row), facts(e));
        if (recordSame && factsSame) {
          out.unchanged++;
          continue;
        }
        const effectiveOn =
          row.effectiveOn && row.effectiveOn !== e.factsEffectiveOn ? row.effectiveOn : today;
        await this.apply(
          tx,
          actor,
          e,
          record(row),
          factsSame ? null : facts(row),
          factsSame ? null : effectiveOn,
        );
        out.updated++;
      }
      return out;
    });
  }

  private async importNew(
    tx: Tx,
    actor: Actor,
    communityId: string,
    row: ImportRow & WorkforceFacts,
  ): Promise<void> {
    const from = row.effectiveOn ?? row.hiredOn;
    const e = await this.repo.insert(tx, {
      ...record(row),
      ...facts(row),
      communityId,
      workerNumber: row.workerNumber,
      factsEffectiveOn: from,
    });
    if (!e) throw duplicate();
    await this.revise(tx, actor, e, facts(row), from);
  }
}

/**
 * A file without the certificate-level column (one written before it existed) keeps the level on
 * the roster while the worker stays certified, rather than erasing every level it does not name.
 */
function withLevel(row: ImportRow, e: EntryRow | undefined): ImportRow & WorkforceFacts {
  if (row.certificateLevel !== undefined) return { ...row, certificateLevel: row.certificateLevel };
  return { ...row, certificateLevel: row.certified ? (e?.certificateLevel ?? null) : null };
}

const toRevisions = (rows: RevisionRow[]) => rows.map((r) => toRevision(r, true));

function pickFacts(dto: Partial<WorkforceFacts>): Partial<WorkforceFacts> {
  const out: Partial<WorkforceFacts> = {};
  if (dto.position !== undefined) out.position = dto.position;
  if (dto.certified !== undefined) out.certified = dto.certified;
  if (dto.certificateLevel !== undefined) out.certificateLevel = dto.certificateLevel;
  // Losing the certificate loses its level: the writer need not clear it by hand.
  else if (dto.certified === false) out.certificateLevel = null;
  if (dto.education !== undefined) out.education = dto.education;
  if (dto.monthlyPayYuan !== undefined) out.monthlyPayYuan = dto.monthlyPayYuan;
  return out;
}

const MAX_MB = WORKFORCE_IMPORT_MAX_BYTES / 1024 / 1024;

/** Over the size limit, whether multer stopped reading it or the check above caught it. */
export function importTooLarge(): AppException {
  return new AppException('PAYLOAD_TOO_LARGE', `A roster file may be at most ${MAX_MB} MB`, [
    {
      field: 'file',
      code: 'file_too_large',
      params: { maxMb: MAX_MB },
      message: `at most ${MAX_MB} MB`,
    },
  ]);
}

function notASpreadsheet(): AppException {
  return new AppException('UNSUPPORTED_MEDIA_TYPE', 'The file is not an xlsx workbook', [
    { field: 'file', code: 'not_a_spreadsheet', message: 'not an Excel workbook (.xlsx)' },
  ]);
}
