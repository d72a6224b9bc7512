import { useI18n } from 'vue-i18n';
import { KEYED_PARAMS, type NotificationLine } from '@/utils/notifications';

/** Words for an inbox line: its key, with statuses and event names translated in turn. */
export function useNotificationText(): (line: NotificationLine) => string {
  const { t, te } = useI18n();
  return (line) => {
    const params: Record<string, string> = { ...line.params };
    for (const name of KEYED_PARAMS) {
      const key = params[name];
      if (key) params[name] = te(key) ? t(key) : t('notifications.unknownStep');
    }
    return te(line.key) ? t(line.key, params) : t('notifications.unknownStep');
  };
}
