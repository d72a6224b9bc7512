import type { RatingAssessorKind } from '@baitong/contracts';
import { useI18n } from 'vue-i18n';
import { ApiRequestError } from '@/api/api-error';
import { errorMessage } from '@/api/error-message';
import { fieldErrorTexts } from '@/composables/useFieldErrors';

/** Words of the rating's assessments part: kinds, statuses, and failed calls explained. */
export function useRatingAssess() {
  const { t, te } = useI18n();
  const kind = (k: RatingAssessorKind | string) =>
    te(`ratingAssess.kinds.${k}`) ? t(`ratingAssess.kinds.${k}`) : k;
  /** The error's code in words, then why (a refusal's reason) and each field's problem. */
  function explain(err: unknown): string {
    const parts = [errorMessage(err)];
    if (err instanceof ApiRequestError) {
      const reason = err.error.details?.['reason'];
      if (typeof reason === 'string' && te(`ratingAssess.reasons.${reason}`))
        parts.push(t(`ratingAssess.reasons.${reason}`));
      for (const [field, text] of Object.entries(fieldErrorTexts(err)))
        parts.push(
          `${te(`ratingAssess.fields.${field}`) ? t(`ratingAssess.fields.${field}`) : field}: ${text}`,
        );
    }
    return parts.join(' — ');
  }
  return { kind, explain };
}
