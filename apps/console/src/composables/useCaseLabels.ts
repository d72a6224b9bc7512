import type { CaseSummary, Category } from '@baitong/contracts';
import { SYSTEM_NOTE_CODES, type SystemNoteCode } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';
import { useFormat } from '@/composables/useFormat';

const isSystemNoteCode = (value: unknown): value is SystemNoteCode =>
  (SYSTEM_NOTE_CODES as readonly unknown[]).includes(value);

/** Names of the case vocabulary (statuses, kinds, channels, actions …) in the current language. */
export function useCaseLabels() {
  const { t, te, locale } = useI18n();
  const label = (prefix: string, value: string | null | undefined) => {
    if (!value) return '';
    const key = `${prefix}.${value}`;
    return te(key) ? t(key) : value;
  };
  const english = () => locale.value === 'en';
  const format = useFormat();
  const instant = (value: unknown) => (typeof value === 'string' ? format.dateTime(value) : '');

  /**
   * The sentence of a system-made event (`data.noteCode` and `data.noteParams`), in the current
   * language; null when the event carries no code (a person's note, or an older event's text).
   */
  function systemNote(data: Record<string, unknown> | null | undefined): string | null {
    const code = data?.['noteCode'];
    if (!isSystemNoteCode(code)) return null;
    const raw = data?.['noteParams'];
    const p = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    switch (code) {
      case 'accept_overdue':
      case 'resolve_overdue':
        return p['dueAt']
          ? t(`timeline.notes.${code}`, { dueAt: instant(p['dueAt']) })
          : t(`timeline.notes.${code}NoTime`);
      case 'overdue_escalated':
        return t('timeline.notes.overdue_escalated');
      case 'auto_closed':
        return t('timeline.notes.auto_closed', { days: Number(p['days'] ?? 3) });
      case 'due_recomputed': {
        const due = p['resolveDueAt'] ?? p['acceptDueAt'];
        return due
          ? t('timeline.notes.due_recomputed', { due: instant(due) })
          : t('timeline.notes.due_recomputedNoTime');
      }
      case 'followup_satisfied':
      case 'followup_declined':
        return t(`timeline.notes.${code}`);
      case 'followup_unreachable':
        return t('timeline.notes.followup_unreachable', { tries: Number(p['tries'] ?? 3) });
      case 'followup_dissatisfied':
        return p['reworkDueAt']
          ? t('timeline.notes.followup_dissatisfied', { due: instant(p['reworkDueAt']) })
          : t('timeline.notes.followup_dissatisfiedNoTime');
      case 'reopened_escalated':
        return t('timeline.notes.reopened_escalated', { count: Number(p['reopenCount'] ?? 3) });
    }
  }

  return {
    status: (value: string | null | undefined) => label('case.status', value),
    kind: (value: string | null | undefined) => label('case.kind', value),
    channel: (value: string | null | undefined) => label('case.channel', value),
    action: (value: string | null | undefined) => label('case.action', value),
    outcome: (value: string | null | undefined) => label('mediation.outcome', value),
    thirdParty: (value: string | null | undefined) => label('case.thirdParty', value),
    repeatReason: (value: string | null | undefined) => label('repeat.reason', value),
    role: (value: string | null | undefined) => label('roles', value),
    /** The category of a case, in English when the English name is known. */
    caseCategory: (c: Pick<CaseSummary, 'categoryName' | 'categoryNameEn'>) =>
      english() && c.categoryNameEn ? c.categoryNameEn : c.categoryName,
    category: (c: Pick<Category, 'nameZh' | 'nameEn'>) =>
      english() && c.nameEn ? c.nameEn : c.nameZh,
    systemNote,
    english,
  };
}
