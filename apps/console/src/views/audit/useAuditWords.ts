import type { AuditEntry } from '@baitong/contracts';
import { AUDIT_ACTIONS, AUDIT_TARGET_KINDS } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';

/**
 * Actions the filter offers: those the contracts list, and the residents' registration,
 * verification and merge, which the people module records.
 */
export const AUDIT_FILTER_ACTIONS: readonly string[] = [
  ...new Set<string>([
    ...AUDIT_ACTIONS,
    'resident.registered',
    'resident.verified',
    'resident.merged',
  ]),
];

export { AUDIT_TARGET_KINDS };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** An audit row in words: what was done, to what, and the detail that matters, in the UI's language. */
export function useAuditWords() {
  const { t, te, locale } = useI18n();
  const english = () => locale.value === 'en';
  const list = (items: string[]) => items.join(t('common.listSeparator'));

  /** `personal_data.read` → 查看个人信息; an unknown code is shown as it is. */
  const action = (code: string) =>
    te(`audit.actions.${code}`) ? t(`audit.actions.${code}`) : code;

  const kind = (value: string | null) =>
    value && te(`audit.kinds.${value}`) ? t(`audit.kinds.${value}`) : (value ?? '');

  const actor = (e: AuditEntry) => e.actorName ?? t(`audit.actorKind.${e.actorKind}`);

  /** The record in words: a case number, a masked resident, a community's name; else a short id. */
  const target = (e: AuditEntry): string => {
    const label = english() ? e.targetLabelEn || e.targetLabel : e.targetLabel;
    if (label) return label;
    if (e.entityId) return `#${e.entityId.slice(0, 8)}`;
    return '';
  };

  const community = (e: AuditEntry) =>
    (english() ? e.communityNameEn || e.communityName : e.communityName) ?? '';

  const field = (name: string) => (te(`audit.fields.${name}`) ? t(`audit.fields.${name}`) : name);

  /** The detail that explains the row, phrase by phrase (phones inside are masked by the API). */
  function detail(e: AuditEntry): string[] {
    const d = e.detail;
    const out: string[] = [];
    switch (e.action) {
      case 'personal_data.read': {
        const fields = Array.isArray(d['fields']) ? d['fields'].filter((f) => text(f)) : [];
        if (fields.length) out.push(t('audit.detail.fields', { fields: list(fields.map(field)) }));
        if (d['contact'] === 'walk_in') out.push(t('audit.detail.walkIn'));
        if (d['contact'] === 'party')
          out.push(t('audit.detail.party', { n: (count(d['partyIndex']) ?? 0) + 1 }));
        break;
      }
      case 'staff.write': {
        const method = text(d['method']);
        const route = text(d['route']);
        if (method || route) out.push([method, route].filter(Boolean).join(' '));
        if (d['outcome'] === 'refused')
          out.push(t('audit.detail.refused', { code: text(d['code']) ?? '—' }));
        break;
      }
      case 'audit.exported': {
        const rows = count(d['rows']);
        if (rows !== null) out.push(t('audit.detail.rows', { n: rows }));
        break;
      }
      case 'resident.merged': {
        const moved = Array.isArray(d['movedCaseIds']) ? d['movedCaseIds'].length : 0;
        out.push(t('audit.detail.movedCases', { n: moved }));
        break;
      }
      case 'resident.registered':
        out.push(t(d['via'] === 'intake' ? 'audit.detail.viaIntake' : 'audit.detail.viaApp'));
        break;
      default:
        break;
    }
    const username = text(d['username']);
    if (username) out.push(t('audit.detail.username', { username }));
    const phone = text(d['phone']);
    if (phone) out.push(t('audit.detail.phone', { phone }));
    const wait = count(d['retryAfterSeconds']);
    if (wait !== null) out.push(t('audit.detail.retryAfter', { n: wait }));
    const reason = text(d['reason']);
    if (reason) out.push(t('audit.detail.reason', { reason }));
    return out;
  }

  /** The case a row was about, when it names one: its own target, or the case a contact was read through. */
  const caseId = (e: AuditEntry): string | null =>
    e.entity === 'case' && e.entityId ? e.entityId : text(e.detail['caseId']);

  return { action, kind, actor, target, community, detail, caseId };
}
