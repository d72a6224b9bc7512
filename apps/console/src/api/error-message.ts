import { ApiRequestError } from '@/api/api-error';
import { i18n } from '@/i18n';

/** The user-facing explanation of a failed call, in the current language, chosen by `code`. */
export function errorMessage(err: unknown): string {
  const { t, te } = i18n.global;
  if (!(err instanceof ApiRequestError)) return t('errors.UNKNOWN');
  if (err.sessionExpired) return t('errors.SESSION_EXPIRED');
  if (err.kind === 'network') return t('errors.NETWORK');
  if (err.kind === 'unavailable') return t('errors.UNAVAILABLE');

  const seconds = err.retryAfterSeconds;
  if (err.code === 'TOO_MANY_REQUESTS' && seconds !== null) {
    return t('errors.TOO_MANY_REQUESTS_FOR', { seconds }, seconds);
  }
  const key = `errors.${err.code}`;
  return te(key) ? t(key) : t('errors.UNKNOWN');
}
