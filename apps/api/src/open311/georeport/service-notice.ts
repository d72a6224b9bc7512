import type { CategoryEntity } from '../../cases/case.entities';

export type NoticeLanguage = 'zh' | 'en';

/** `Accept-Language` starting with `en` answers in English; anything else in Chinese. */
export const noticeLanguage = (acceptLanguage: string | undefined): NoticeLanguage =>
  /^\s*en/i.test(acceptLanguage ?? '') ? 'en' : 'zh';

function shanghai(d: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * The `service_notice` of a filed request: that it was received, the category's resolve target
 * and the due time the SLA clock computed (the desk's opening hours and the holiday calendar).
 */
export function serviceNotice(
  category: Pick<CategoryEntity, 'resolveWithinValue' | 'resolveWithinUnit'>,
  resolveDueAt: Date | null,
  lang: NoticeLanguage,
): string {
  const n = category.resolveWithinValue;
  const days = category.resolveWithinUnit === 'working_days';
  if (lang === 'en') {
    const within = days
      ? `${n} working day${n === 1 ? '' : 's'}`
      : `${n} office hour${n === 1 ? '' : 's'}`;
    return `Received; to be resolved within ${within}${resolveDueAt ? `, by ${shanghai(resolveDueAt)} (Beijing time)` : ''}.`;
  }
  const within = days ? `${n} 个工作日` : `${n} 个办公小时`;
  return `已受理，将在 ${within}内办结${resolveDueAt ? `（${shanghai(resolveDueAt)} 前）` : ''}。`;
}
