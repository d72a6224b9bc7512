import ExcelJS from 'exceljs';
import { createRatingRun } from '../ratings/run-fixture';
import type { TestContext } from './app';
import type { MatrixWorld } from './matrix-world';
import type { Call, Row } from './route-calls';

type Calls = Record<
  | 'GET /api/rating-runs/:runId/results'
  | 'GET /api/communities/:communityId/rating-results'
  | 'GET /api/rating-runs/:runId/export.xlsx'
  | 'GET /api/rating-runs/:runId/communities/:communityId/scorecard'
  | 'GET /api/rating-runs/:runId/communities/:communityId/scorecard.pdf'
  | 'GET /api/rating-runs/:runId/communities/:communityId/what-if'
  | 'GET /api/rating-runs/:runId/communities/:communityId/compare',
  (r: Row) => Call | Promise<Call>
>;

/**
 * The rating results routes (issue 12, part "results"): one published run over the matrix's
 * three communities, created on first use through the shared run fixture.
 */
export function ratingResultsCalls(t: TestContext, w: MatrixWorld): Calls {
  let run: Promise<string> | null = null;
  const runId = () =>
    (run ??= createRatingRun(t.ds, {
      year: 2031,
      status: 'published',
      communities: [
        { community: w.places.own.community, street: w.places.own.street, score: 90 },
        { community: w.places.sibling.community, street: w.places.sibling.street, score: 85 },
        {
          community: w.places.otherStreet.community,
          street: w.places.otherStreet.street,
          score: 80,
        },
      ],
    }).then((r) => r.runId));
  const rowsHold = (id: string) => (body: unknown) =>
    ((body as { rows?: { communityId: string }[] }).rows ?? []).some((r) => r.communityId === id);
  const xlsxHolds = (id: string) => async (body: unknown) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as ArrayBuffer);
    let found = false;
    book.worksheets[0]!.eachRow((row) => {
      if ((row.values as unknown[])[1] === id) found = true;
    });
    return found;
  };
  const community =
    (path: string, binary = false) =>
    async ({ p }: Row): Promise<Call> => ({
      method: 'GET',
      path: `/api/rating-runs/${await runId()}/communities/${p.community.id}/${path}`,
      ...(binary ? { binary: true } : {}),
    });
  return {
    'GET /api/rating-runs/:runId/results': async ({ p }) => ({
      method: 'GET',
      path: `/api/rating-runs/${await runId()}/results`,
      holds: rowsHold(p.community.id),
    }),
    'GET /api/communities/:communityId/rating-results': async ({ p }) => {
      const id = await runId();
      return {
        method: 'GET',
        path: `/api/communities/${p.community.id}/rating-results`,
        holds: (body: unknown) =>
          Array.isArray(body) && (body as { runId: string }[]).some((r) => r.runId === id),
      };
    },
    'GET /api/rating-runs/:runId/export.xlsx': async ({ p }) => ({
      method: 'GET',
      path: `/api/rating-runs/${await runId()}/export.xlsx`,
      binary: true,
      holds: xlsxHolds(p.community.id),
    }),
    'GET /api/rating-runs/:runId/communities/:communityId/scorecard': community('scorecard'),
    'GET /api/rating-runs/:runId/communities/:communityId/scorecard.pdf': community(
      'scorecard.pdf',
      true,
    ),
    'GET /api/rating-runs/:runId/communities/:communityId/what-if': community('what-if'),
    'GET /api/rating-runs/:runId/communities/:communityId/compare': community('compare'),
  };
}
