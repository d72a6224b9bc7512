import { ApiRequestError } from '@/api/api-error';
import { i18n } from '@/i18n';

/** One sentence in the current language explaining what went wrong. */
export function describeError(error: unknown): string {
  const { t } = i18n.global;
  if (!(error instanceof ApiRequestError)) return t('errors.INTERNAL');
  if (error.unreachable) return t('errors.UNREACHABLE');
  const text = t(`errors.${error.code}`);
  const wait = error.retryAfterSeconds;
  return wait === null ? text : `${text} ${t('errors.retryAfter', { seconds: wait })}`;
}
