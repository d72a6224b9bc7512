/**
 * 李明 → 李*, 欧阳娜娜 → 欧***, John Smith → J*** S****: enough to recognise the person one is
 * talking to, not enough to read a list of who lives where.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/(\s+)/)
    .map((part) => {
      if (/^\s*$/.test(part)) return part;
      const chars = [...part];
      return chars.length === 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
    })
    .join('');
}
