import type { ProposalAction, ProposalStatus, ProposalTopic } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';

/** The council's codes in the reader's language. */
export function useCouncilLabels() {
  const { t, te } = useI18n();
  const pick = (prefix: string, code: string | null | undefined) =>
    code && te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : (code ?? '—');
  return {
    status: (s: ProposalStatus | null | undefined) => pick('council.status', s),
    column: (key: string) => pick('council.column', key),
    topic: (topic: ProposalTopic | null | undefined) => pick('council.topic', topic),
    action: (a: ProposalAction | string) => pick('council.action', a),
    origin: (o: string) => pick('council.origin', o),
  };
}
