/** 13812345678 → 138****5678; foreign or odd numbers keep only their last 4 digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 4 ? '****' : `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}

/** 18-character ID → first 6 and last 4 kept. */
export function maskIdNumber(id: string): string {
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
}
