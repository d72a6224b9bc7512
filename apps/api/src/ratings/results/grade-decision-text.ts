import type {
  RatingGradeDecision,
  RatingGradeDecisionText,
  RatingQuotaFill,
} from '@baitong/contracts';

const GRADE_ORDER = ['AAA', 'AA', 'A'] as const;

const ranks = (from: number, to: number, zh: boolean): string =>
  from === to
    ? zh
      ? `第 ${from} 名`
      : `rank ${from}`
    : zh
      ? `第 ${from}–${to} 名`
      : `ranks ${from}–${to}`;

function quotaZh(q: RatingQuotaFill): string {
  if (q.cap === 0) return `${q.grade} 无名额`;
  if (q.filledRanks === null) return `${q.grade} 的 ${q.cap} 个名额无人获得`;
  const by = ranks(q.filledRanks.from, q.filledRanks.to, true);
  return q.assigned >= q.cap
    ? `${q.grade} 的 ${q.cap} 个名额已由${by}占满`
    : `${q.grade} 的 ${q.cap} 个名额由${by}占用 ${q.assigned} 个，其余空缺`;
}

function quotaEn(q: RatingQuotaFill): string {
  if (q.cap === 0) return `${q.grade} had no places`;
  const places = `${q.cap} place${q.cap === 1 ? '' : 's'}`;
  if (q.filledRanks === null) return `nobody took ${q.grade}'s ${places}`;
  const by = ranks(q.filledRanks.from, q.filledRanks.to, false);
  return q.assigned >= q.cap
    ? `${q.grade}'s ${places} were filled by ${by}`
    : `${q.grade}'s ${places}: ${q.assigned} taken by ${by}, the rest left empty`;
}

/** The quotas of the grades above `grade` (all of them when `grade` is null). */
const above = (d: RatingGradeDecision, grade: string | null): RatingQuotaFill[] => {
  const level = grade === null ? GRADE_ORDER.length : GRADE_ORDER.indexOf(grade as 'A');
  return d.quotas.filter((q) => GRADE_ORDER.indexOf(q.grade) < level);
};

/**
 * A grade decision in words, e.g. "第 16 名（共 42 个参评社区）；AA 的 12 个名额已由第 4–15 名占满，
 * 故为 A" / "Rank 16 of 42 rated; AA's 12 places were filled by ranks 4–15, so A." `noGradeDetail`
 * adds the engine's reason detail for communities that were not rated.
 */
export function gradeDecisionText(
  d: RatingGradeDecision,
  noGrade: Record<string, unknown> | null = null,
): RatingGradeDecisionText {
  const head = {
    zh: d.rank === null ? '' : `第 ${d.rank} 名（共 ${d.rated} 个参评社区）`,
    en: d.rank === null ? '' : `Rank ${d.rank} of ${d.rated} rated`,
  };
  const tie =
    d.tiedCount > 1
      ? {
          zh: `，与另 ${d.tiedCount - 1} 个社区并列`,
          en: `, tied with ${d.tiedCount - 1} other${d.tiedCount > 2 ? 's' : ''}`,
        }
      : { zh: '', en: '' };
  switch (d.reason) {
    case 'within_quota': {
      const grade = d.grade!;
      const higher = above(d, grade);
      const own = d.quotas.find((q) => q.grade === grade);
      const cap = own?.cap ?? 0;
      if (higher.length === 0) {
        return {
          zh: `${head.zh}${tie.zh}；在 ${grade} 的 ${cap} 个名额之内，评为 ${grade}`,
          en: `${head.en}${tie.en}; within ${grade}'s ${cap} place${cap === 1 ? '' : 's'}, so ${grade}.`,
        };
      }
      return {
        zh: `${head.zh}${tie.zh}；${higher.map(quotaZh).join('，')}，在 ${grade} 的 ${cap} 个名额之内，故为 ${grade}`,
        en: `${head.en}${tie.en}; ${higher.map(quotaEn).join('; ')}, so ${grade} (within its ${cap} place${cap === 1 ? '' : 's'}).`,
      };
    }
    case 'boundary_tie': {
      const missed = d.missedGrade!;
      const q = d.quotas.find((x) => x.grade === missed);
      const left = q === undefined ? 0 : Math.max(0, q.cap - q.assigned);
      const outcomeZh = d.grade === null ? '整组不评等级' : `整组评为 ${d.grade}`;
      const outcomeEn =
        d.grade === null ? 'so none of them has a grade' : `so all of them take ${d.grade}`;
      return {
        zh: `${head.zh}${tie.zh}；${missed} 剩余 ${left} 个名额，容不下并列的 ${d.tiedCount} 个社区，${outcomeZh}`,
        en: `${head.en}${tie.en}; ${missed} had ${left} place${left === 1 ? '' : 's'} left for a tie of ${d.tiedCount}, ${outcomeEn}.`,
      };
    }
    case 'quota_full':
      return {
        zh: `${head.zh}${tie.zh}；${d.quotas.map(quotaZh).join('，')}，名额已满，不评等级`,
        en: `${head.en}${tie.en}; ${d.quotas.map(quotaEn).join('; ')}: every place was taken, so no grade.`,
      };
    case 'below_minimum':
      return {
        zh: `${head.zh}；总分低于 ${d.minimumScore} 分，不评等级，予以通报批评`,
        en: `${head.en}; the total is below ${d.minimumScore} points: no grade, and a public notice.`,
      };
    case 'not_rated': {
      const reason = noGrade?.reason;
      if (reason === 'not_eligible')
        return {
          zh: `首次选举未满规定年限，本年度不参评${noGrade?.eligibleFrom ? `（${String(noGrade.eligibleFrom)} 起可参评）` : ''}`,
          en: `Not rated: first elected too recently${noGrade?.eligibleFrom ? ` (eligible from ${String(noGrade.eligibleFrom)})` : ''}.`,
        };
      if (reason === 'disqualified')
        return {
          zh: `取消评定资格：${String(noGrade?.detail ?? '')}${noGrade?.reference ? `（${String(noGrade.reference)}）` : ''}`,
          en: `Disqualified: ${String(noGrade?.detail ?? '')}${noGrade?.reference ? ` (${String(noGrade.reference)})` : ''}.`,
        };
      if (reason === 'incomplete_inputs')
        return {
          zh: `缺少 ${String(noGrade?.missing ?? '')} 项评分依据，暂不评定等级`,
          en: `Not rated: ${String(noGrade?.missing ?? '')} input(s) missing.`,
        };
      return { zh: '未参评', en: 'Not rated.' };
    }
  }
}
