/** An organisation unit as the API names it: in Chinese, and in English when known. */
export interface Named {
  name: string;
  nameEn?: string | null;
}

/**
 * Chinese text or its English form in the reader's language (`en` or `zh-CN`): the English in
 * English mode when there is one, else the Chinese (an English name not given yet is empty).
 */
export function localText(
  zh: string | null | undefined,
  en: string | null | undefined,
  locale: string,
): string {
  return locale === 'en' && en?.trim() ? en.trim() : (zh ?? '');
}

/** A street's, community's, compound's or desk's name in the reader's language. */
export function localName(unit: Named | null | undefined, locale: string): string {
  return unit ? localText(unit.name, unit.nameEn, locale) : '';
}

/** An address in the reader's language. */
export function localAddress(
  unit: { address: string; addressEn?: string | null } | null | undefined,
  locale: string,
): string {
  return unit ? localText(unit.address, unit.addressEn, locale) : '';
}
