import type {
  RatingGradeImportError,
  RatingGradeImportResult,
  RatingGradeImportRow,
  RatingGradeValue,
} from '@baitong/contracts';
import type { Tx } from '../../database/tx';
import type { GradeField, SheetGradeRow } from './rating-grade-sheet';
import type { ImportedGrade, RatingHistoryRepository } from './rating-history.repository';

/** Who imports: a bureau admin, or the demo loader. */
export interface GradeImporter {
  id: string | null;
  name: string;
}

const key = (year: number, communityId: string) => `${year}:${communityId}`;

/**
 * The one import path (the console's upload and the demo): rows are matched to communities by
 * code (or by name when no code is given) and checked across the file and against the database;
 * any problem and nothing is written. A year with a published run is refused: a run's grades are
 * never overwritten by an import. An imported grade of the same year and community is replaced.
 */
export async function importGradeRows(
  tx: Tx,
  repo: RatingHistoryRepository,
  sheet: {
    rows: SheetGradeRow[];
    errors: RatingGradeImportError[];
    header: Map<GradeField, string>;
  },
  by: GradeImporter,
  dryRun: boolean,
): Promise<RatingGradeImportResult> {
  const errors = [...sheet.errors];
  const col = (f: GradeField) => sheet.header.get(f)!;
  const years = [...new Set(sheet.rows.map((r) => r.year).filter((y): y is number => y !== null))];
  const ctx = await repo.importContext(tx, years);
  const byCode = new Map(ctx.communities.map((c) => [c.code.toLowerCase(), c]));
  const byName = new Map<string, (typeof ctx.communities)[number][]>();
  for (const c of ctx.communities) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const seen = new Map<string, number>();
  const out: RatingGradeImportRow[] = [];
  const refusedRows = new Set(sheet.errors.map((e) => e.row));
  for (const r of sheet.rows) {
    const fail = (f: GradeField, code: RatingGradeImportError['code'], message: string) => {
      errors.push({ row: r.row, column: col(f), code, message });
      refusedRows.add(r.row);
    };
    let community: (typeof ctx.communities)[number] | undefined;
    if (r.code) {
      community = byCode.get(r.code.toLowerCase());
      if (!community) fail('code', 'not_found', `no community has the code "${r.code}"`);
      else if (r.name && r.name !== community.name)
        fail('name', 'invalid', `the code "${r.code}" is ${community.name}, not ${r.name}`);
    } else if (r.name) {
      const found = byName.get(r.name) ?? [];
      if (found.length === 1) community = found[0];
      else if (found.length === 0) fail('name', 'not_found', `no community is named "${r.name}"`);
      else
        fail(
          'name',
          'duplicate',
          `${found.length} communities are named "${r.name}": give the code`,
        );
    } else fail('code', 'required', 'the community code or name is required');
    if (r.year !== null && ctx.publishedYears.has(r.year))
      fail('year', 'locked', `${r.year} has a published rating run: its grades are not imported`);
    if (community && r.year !== null) {
      const k = key(r.year, community.id);
      const first = seen.get(k);
      if (first !== undefined)
        fail(
          community && r.code ? 'code' : 'name',
          'duplicate',
          `${community.name} ${r.year} is already on row ${first}`,
        );
      else seen.set(k, r.row);
      const existing = ctx.existing.get(k);
      if (existing?.source === 'run')
        fail('year', 'locked', `${community.name} ${r.year} was graded by a published run`);
    }
    if (refusedRows.has(r.row) || !community || r.year === null || r.grade === null) continue;
    const existing = ctx.existing.get(key(r.year, community.id));
    const same =
      existing &&
      existing.grade === r.grade &&
      existing.total === r.total &&
      existing.rank === r.rank &&
      existing.notice === r.notice;
    out.push({
      row: r.row,
      year: r.year,
      communityId: community.id,
      communityName: community.name,
      grade: r.grade,
      total: r.total,
      rank: r.rank,
      notice: r.notice,
      action: !existing ? 'create' : same ? 'unchanged' : 'replace',
    });
  }
  errors.sort((a, b) => a.row - b.row);
  const count = (a: RatingGradeImportRow['action']) => out.filter((r) => r.action === a).length;
  const result: RatingGradeImportResult = {
    dryRun,
    applied: false,
    rows: out,
    errors,
    counts: {
      rows: sheet.rows.length,
      create: count('create'),
      replace: count('replace'),
      unchanged: count('unchanged'),
      errors: errors.length,
    },
    years: years.sort((a, b) => a - b),
  };
  if (dryRun || errors.length > 0 || sheet.rows.length === 0) return result;
  const writes: ImportedGrade[] = out
    .filter((r) => r.action !== 'unchanged')
    .map((r) => ({
      year: r.year,
      communityId: r.communityId,
      grade: r.grade satisfies RatingGradeValue,
      total: r.total,
      rank: r.rank,
      notice: r.notice,
    }));
  await repo.upsertImported(tx, writes, by);
  await repo.recountRanked(tx, result.years);
  return { ...result, applied: true };
}
