import type { ScopeRef } from '@baitong/contracts';
import type { AppLocale } from '@/i18n';
import { localName } from '@/utils/names';

/**
 * "社区 · 翠渝路社区" says 社区 twice: the level is left out when the name already ends with it
 * (翠渝路社区, 翠云街道, Hemu Road Community), and kept where it adds something
 * ("Community · 翠渝路社区", "全区 · 两江新区"). The name is the English one in English mode.
 */
export function scopeText(
  scope: Pick<ScopeRef, 'name' | 'nameEn'>,
  levelLabel: string,
  locale: AppLocale = 'zh-CN',
): string {
  const name = localName(scope, locale);
  if (!name) return levelLabel;
  return name.toLowerCase().endsWith(levelLabel.toLowerCase()) ? name : `${levelLabel} · ${name}`;
}
