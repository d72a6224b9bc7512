import type { ScopeRef } from '@baitong/contracts';

/**
 * "社区 · 翠渝路社区" says 社区 twice: the level is left out when the name already ends with it
 * (翠渝路社区, 翠云街道), and kept where it adds something ("Community · 翠渝路社区", "全区 · 两江新区").
 */
export function scopeText(scope: Pick<ScopeRef, 'name'>, levelLabel: string): string {
  if (!scope.name) return levelLabel;
  return scope.name.endsWith(levelLabel) ? scope.name : `${levelLabel} · ${scope.name}`;
}
