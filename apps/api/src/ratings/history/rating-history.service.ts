import {
  RATING_GRADE_IMPORT_MAX_BYTES,
  RATING_GRADE_IMPORT_MAX_ROWS,
  type RatingCommunityHistory,
  type RatingGradeImportResult,
  type RatingGradeList,
  type ResidentCommunityRating,
} from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { policy } from '../../auth/policy';
import { AppException } from '../../common/app-exception';
import { Db } from '../../database/db';
import { importGradeRows } from './rating-grade-import';
import { gradeTemplate, readGradeSheet } from './rating-grade-sheet';
import type { GradeFilter } from './rating-history.repository';
import { RatingHistoryRepository } from './rating-history.repository';

export interface UploadedGradeFile {
  buffer: Buffer;
  size: number;
}

const MAX_MB = RATING_GRADE_IMPORT_MAX_BYTES / 1024 / 1024;
const RESIDENT_YEARS = 8;

/** Over the size limit, whether multer stopped reading it or the check below caught it. */
export function gradeImportTooLarge(): AppException {
  return new AppException('PAYLOAD_TOO_LARGE', `A results file may be at most ${MAX_MB} MB`, [
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

/** Published grades by year, the import of past results, and a community's grade for residents. */
@Injectable()
export class RatingHistoryService {
  constructor(
    private readonly repo: RatingHistoryRepository,
    private readonly db: Db,
  ) {}

  private staffOnly(actor: Actor): void {
    if (actor.kind !== 'staff') throw AppException.forbidden('Staff read the rating history');
  }

  /** Grades in the reader's scope; a street or community outside it simply lists nothing. */
  async list(actor: Actor, f: GradeFilter): Promise<RatingGradeList> {
    this.staffOnly(actor);
    const items = await this.repo.listGrades(actor, f);
    return { items, years: [...new Set(items.map((i) => i.year))] };
  }

  async communityHistory(actor: Actor, communityId: string): Promise<RatingCommunityHistory> {
    this.staffOnly(actor);
    const c = await this.repo.community(actor, communityId);
    if (!c) throw AppException.notFound('Community');
    return {
      communityId: c.id,
      communityName: c.name,
      communityNameEn: c.nameEn,
      streetName: c.streetName,
      streetNameEn: c.streetNameEn,
      years: await this.repo.listGrades(actor, { communityId }),
    };
  }

  template(actor: Actor): Promise<Buffer> {
    if (!policy.importRatingGrades(actor))
      throw AppException.forbidden('The bureau imports past rating results');
    return gradeTemplate();
  }

  /**
   * All or nothing, in one transaction. A dry run answers the preview (rows and errors, 200); a
   * real import with any error is refused (422 IMPORT_REJECTED, `details` the same preview).
   */
  async import(
    actor: Actor,
    file: UploadedGradeFile | undefined,
    dryRun: boolean,
  ): Promise<RatingGradeImportResult> {
    if (!policy.importRatingGrades(actor))
      throw AppException.forbidden('The bureau imports past rating results');
    if (!file)
      throw AppException.invalid('file', 'send the xlsx results in the field "file"', 'required');
    if (file.size === 0 || file.buffer.length === 0)
      throw AppException.invalid('file', 'the file is empty', 'empty_file');
    if (file.buffer.length > RATING_GRADE_IMPORT_MAX_BYTES) throw gradeImportTooLarge();
    // An xlsx workbook is a zip archive: anything else is refused before it is parsed.
    if (file.buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw notASpreadsheet();
    const sheet = await readGradeSheet(file.buffer, RATING_GRADE_IMPORT_MAX_ROWS);
    if (!sheet.ok) throw notASpreadsheet();
    const result = await this.db.transaction((tx) =>
      importGradeRows(tx, this.repo, sheet, { id: actor.id, name: actor.name }, dryRun),
    );
    if (!dryRun && result.errors.length > 0)
      throw new AppException(
        'IMPORT_REJECTED',
        `The results were not imported: ${result.errors.length} problem(s); nothing was changed`,
        undefined,
        { ...result, errors: result.errors.slice(0, 1000) },
      );
    if (!dryRun && result.rows.length === 0)
      throw AppException.invalid('file', 'the file has no rows of results', 'empty_file');
    return result;
  }

  /** The resident's own community: never another one, whatever is asked. */
  async residentRating(actor: Actor): Promise<ResidentCommunityRating> {
    if (actor.kind !== 'resident' || !actor.communityId)
      throw AppException.forbidden('Residents see their own community’s grade');
    const c = await this.repo.community(actor, actor.communityId);
    if (!c) throw AppException.notFound('Community');
    const grades = await this.repo.listGrades(actor, { communityId: c.id });
    const latestRow = grades[0];
    let latest: ResidentCommunityRating['latest'] = null;
    if (latestRow) {
      const card =
        latestRow.source === 'run' && latestRow.runId
          ? await this.repo.publishedScorecard(latestRow.runId, c.id)
          : null;
      const names = new Map(card?.sections.map((s) => [s.key, s.name]) ?? []);
      latest = {
        year: latestRow.year,
        grade: latestRow.grade,
        total: latestRow.total,
        maxTotal: card?.community?.maxTotal ?? (latestRow.total !== null ? 100 : null),
        rank: latestRow.rank,
        ratedCount: latestRow.ratedCount,
        movement: card?.community?.movement ?? latestRow.movement,
        recommended: latestRow.recommended,
        notice: latestRow.notice,
        source: latestRow.source,
        contentHash: card?.contentHash ?? null,
        sections: (card?.community?.sections ?? []).map((s) => ({
          key: s.key,
          name: names.get(s.key) ?? { zh: s.key, en: s.key },
          points: s.points,
          maxPoints: s.maxPoints,
        })),
      };
    }
    return {
      communityId: c.id,
      communityName: c.name,
      communityNameEn: c.nameEn,
      latest,
      years: grades.slice(0, RESIDENT_YEARS).map((g) => ({
        year: g.year,
        grade: g.grade,
        total: g.total,
        rank: g.rank,
        ratedCount: g.ratedCount,
        source: g.source,
      })),
    };
  }
}
