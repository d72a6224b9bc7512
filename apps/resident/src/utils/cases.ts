import type {
  CaseEvent,
  CaseStatus,
  CaseSummary,
  Category,
  SystemNoteCode,
  ThirdParty,
} from '@baitong/contracts';
import type { AppLocale } from '@/i18n';

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 2000;
export const PLACE_MAX = 200;
export const MAX_PHOTOS = 9;
/** The API's limit per photo (docs/API.md: ≤ 8 MB). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;

/** Statuses in which a request is still being worked on (a due time applies). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'accepted',
  'in_progress',
  'waiting_resident',
  'waiting_third_party',
];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The category's name in the reader's language (Chinese when there is no English name). */
export function categoryName(
  item: Pick<Category, 'nameZh' | 'nameEn'> | null | undefined,
  locale: AppLocale,
): string {
  if (!item) return '';
  return locale === 'en' && item.nameEn.trim() ? item.nameEn : item.nameZh;
}

export function caseCategoryName(
  item: Pick<CaseSummary, 'categoryName' | 'categoryNameEn'>,
  locale: AppLocale,
): string {
  return locale === 'en' && item.categoryNameEn?.trim() ? item.categoryNameEn : item.categoryName;
}

export type StatusTone = 'primary' | 'success' | 'warning' | 'danger' | 'default';

export const STATUS_TONES: Record<CaseStatus, StatusTone> = {
  submitted: 'primary',
  accepted: 'primary',
  in_progress: 'primary',
  waiting_resident: 'warning',
  waiting_third_party: 'primary',
  resolved: 'success',
  closed: 'default',
  rejected: 'danger',
};

/** What the due line says for a request: when it is to be accepted or resolved, or paused. */
export type Due =
  { kind: 'accept' | 'resolve'; at: string; overdue: boolean } | { kind: 'paused' } | null;

/**
 * The due time the resident cares about now, from the API's `sla`: acceptance while the
 * request waits to be accepted, resolution while it is worked on; none once it is finished.
 * A due time that has passed counts as overdue even before the server's next scan says so.
 */
export function dueOf(item: Pick<CaseSummary, 'status' | 'sla'>, now: Date): Due {
  const { sla } = item;
  const passed = (at: string) => Date.parse(at) <= now.getTime();
  switch (item.status) {
    case 'submitted':
      return sla.acceptDueAt
        ? {
            kind: 'accept',
            at: sla.acceptDueAt,
            overdue: sla.acceptOverdue || sla.resolveOverdue || passed(sla.acceptDueAt),
          }
        : null;
    // Waiting for the property company or another third party: the clock keeps running.
    case 'accepted':
    case 'in_progress':
    case 'waiting_third_party':
      if (sla.paused) return { kind: 'paused' };
      return sla.resolveDueAt
        ? {
            kind: 'resolve',
            at: sla.resolveDueAt,
            overdue: sla.resolveOverdue || passed(sla.resolveDueAt),
          }
        : null;
    case 'waiting_resident':
      return { kind: 'paused' };
    default:
      return null;
  }
}

/**
 * Message key of a request's status: one waiting for a third party says whom ("waiting for the
 * property company"), never that the resident owes documents.
 */
export function statusKey(status: CaseStatus, waitingFor?: ThirdParty | null): string {
  if (status === 'waiting_third_party' && waitingFor) return `requests.waitingFor.${waitingFor}`;
  return `requests.status.${status}`;
}

/** Message key of a timeline entry. */
export function eventKey(
  event: Pick<CaseEvent, 'type' | 'fromStatus' | 'toStatus'> & Partial<Pick<CaseEvent, 'data'>>,
): string {
  if (event.type !== 'transition') return `requests.events.${event.type}`;
  const { fromStatus, toStatus } = event;
  const party = event.data?.['thirdParty'];
  if (toStatus === 'waiting_third_party' && typeof party === 'string') {
    return `requests.waitingFor.${party}`;
  }
  if (toStatus === 'in_progress' && (fromStatus === 'resolved' || fromStatus === 'closed')) {
    return 'requests.events.reopened';
  }
  if (
    toStatus === 'in_progress' &&
    (fromStatus === 'waiting_resident' || fromStatus === 'waiting_third_party')
  ) {
    return 'requests.events.resumed';
  }
  return toStatus ? `requests.events.to.${toStatus}` : 'requests.events.transition';
}

/** System notes the resident's timeline says in words (the others stay on the staff side). */
const RESIDENT_NOTE_CODES: readonly SystemNoteCode[] = [
  'auto_closed',
  'due_recomputed',
  'followup_satisfied',
  'followup_declined',
  'followup_unreachable',
  'followup_dissatisfied',
];

/**
 * The message of a system-made event (`data.noteCode`, `data.noteParams`): its key and the values
 * it needs, instants left as ISO strings for the caller to format. Null when the event has no
 * code the app knows: a staff member's note, or an older event's stored text, is shown instead.
 */
export function systemNote(
  data: Record<string, unknown> | undefined,
): { key: string; params: Record<string, string | number>; instants: string[] } | null {
  const code = data?.['noteCode'];
  if (typeof code !== 'string' || !(RESIDENT_NOTE_CODES as readonly string[]).includes(code))
    return null;
  const raw = data?.['noteParams'];
  const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (code === 'auto_closed') {
    const days = Number(p['days']);
    return {
      key: 'requests.notes.auto_closed',
      params: { days: days > 0 ? days : 3 },
      instants: [],
    };
  }
  if (code === 'followup_dissatisfied') {
    const due = typeof p['reworkDueAt'] === 'string' ? p['reworkDueAt'] : '';
    return due
      ? { key: 'requests.notes.followup_dissatisfied', params: { due }, instants: ['due'] }
      : { key: 'requests.notes.followup_dissatisfiedNoTime', params: {}, instants: [] };
  }
  if (code !== 'due_recomputed') return { key: `requests.notes.${code}`, params: {}, instants: [] };
  // Without a new due time (the clock is paused) the event's title says all there is.
  const due = typeof p['resolveDueAt'] === 'string' ? p['resolveDueAt'] : '';
  return due ? { key: 'requests.notes.due_recomputed', params: { due }, instants: ['due'] } : null;
}

/** A text field of an event's `data`, when the API sends one. */
export function eventText(data: Record<string, unknown> | undefined, ...names: string[]): string {
  for (const name of names) {
    const value = data?.[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return '';
}

export type PhotoProblem = 'type' | 'size';

const EXTENSION_TYPES: Record<string, (typeof PHOTO_TYPES)[number]> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
};

/**
 * The photo's type as the API will see it. Some phones give HEIC pictures no type at all; the
 * file name tells then.
 */
export function photoType(file: Pick<File, 'type' | 'name'>): string {
  if (file.type) return file.type.toLowerCase();
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? '';
}

export function photoProblem(file: Pick<File, 'type' | 'name' | 'size'>): PhotoProblem | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(photoType(file))) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
}

/** The file with its type set when the browser left it empty, so the upload names it. */
export function withPhotoType(file: File): File {
  if (file.type) return file;
  return new File([file], file.name, { type: photoType(file), lastModified: file.lastModified });
}

// One key per form, sent unchanged on every retry (shared with the console).
export { newIdempotencyKey } from '@baitong/web-client';

/** Newest first by submission time; ties by number. */
export function newestFirst(a: CaseSummary, b: CaseSummary): number {
  const byTime = Date.parse(b.submittedAt) - Date.parse(a.submittedAt);
  return byTime !== 0 ? byTime : b.number.localeCompare(a.number);
}
