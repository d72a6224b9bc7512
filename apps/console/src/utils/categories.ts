/** The API's bounds for SLA targets (minutes to accept, hours or working days to resolve). */
export const SLA_MAX = 10_000;

/** A whole number from 1 to 10 000 typed into a field, or null when it is not one. */
export function parseSlaNumber(value: string | number | null | undefined): number | null {
  const text = String(value ?? '').trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= SLA_MAX ? n : null;
}
