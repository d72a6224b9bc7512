import type { SystemNoteCode, SystemNoteParams } from '@baitong/contracts';

/**
 * The `data` fields that say what a system-made event means: a code the front ends translate,
 * never a sentence in one language stored in `note`.
 */
export function systemNote(
  code: SystemNoteCode,
  params?: SystemNoteParams,
): { noteCode: SystemNoteCode; noteParams?: SystemNoteParams } {
  return params ? { noteCode: code, noteParams: params } : { noteCode: code };
}

/** The system note of an event's data, as a resident's timeline may carry it. */
export function systemNoteOf(data: Record<string, unknown>): Record<string, unknown> {
  const code = data['noteCode'];
  if (typeof code !== 'string') return {};
  const params = data['noteParams'];
  return params && typeof params === 'object'
    ? { noteCode: code, noteParams: params }
    : { noteCode: code };
}
