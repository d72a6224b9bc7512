import type { CaseContact } from '@baitong/contracts';
import { ElMessageBox } from 'element-plus';
import { ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';

/** Whose contact is read: the confirmation says what will be shown. */
export type ContactKind = CaseContact['source'];

/**
 * An unmasked contact, read only after the reader confirmed that the read is audited; it stays
 * in memory only while its dialog is open.
 */
export function useContactReveal() {
  const { t } = useI18n();
  const contact = shallowRef<CaseContact | null>(null);
  /** The key of the read under way (a button shows it loading). */
  const revealing = ref<string | null>(null);

  async function reveal(
    key: string,
    who: { name: string; kind: ContactKind },
    read: () => Promise<CaseContact>,
  ): Promise<boolean> {
    try {
      await ElMessageBox.confirm(
        t(`caseContact.confirm.${who.kind}`, { name: who.name }),
        t('caseContact.title'),
        {
          type: 'warning',
          confirmButtonText: t('resident.revealConfirmButton'),
          cancelButtonText: t('common.cancel'),
          confirmButtonClass: 'contact-reveal-confirm',
        },
      );
    } catch {
      return false;
    }
    revealing.value = key;
    try {
      contact.value = await read();
      return true;
    } catch {
      // The request client has already explained the failure.
      return false;
    } finally {
      revealing.value = null;
    }
  }

  function close() {
    contact.value = null;
  }

  return { contact, revealing, reveal, close };
}
