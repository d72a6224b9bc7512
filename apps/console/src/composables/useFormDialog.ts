import { ElMessage, type FormInstance } from 'element-plus';
import { reactive, ref, toValue, type MaybeRefOrGetter, type Reactive, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useFieldErrors } from '@/composables/useFieldErrors';

export interface FormDialogOptions<F extends object, R> {
  /** The dialog's `v-model`; set false after a successful save. */
  visible: Ref<boolean>;
  /** The form's values each time the dialog opens: from the record edited, or blank. */
  initial: () => F;
  /** Runs when the dialog opens, after the form is reset (e.g. loads the choices of a select). */
  onOpen?: () => void;
  /**
   * Checks beyond the form's rules, once they pass; false stops the submit. May write messages
   * into `fieldErrors` (cleared just before).
   */
  check?: (form: Reactive<F>, fieldErrors: Record<string, string>) => boolean;
  /** The API call that saves the form. */
  save: (form: Reactive<F>) => Promise<R>;
  /** After a successful save, before the dialog closes: usually `emit('saved', result)`. */
  saved: (result: R) => void;
  /** What the confirmation says when "saved" undersells it (e.g. who the task went to). */
  savedMessage?: (result: R) => string;
  /** The field a CONFLICT answer is shown on: the form's one unique field, if it has one. */
  conflictField?: MaybeRefOrGetter<string | undefined>;
  /**
   * After a failed save, once the API's field errors are beside their fields (`shown` says
   * whether there were any): for what a field cannot say, e.g. the reason of a CONFLICT, told in
   * the dialog of a save made `silent`.
   */
  failed?: (err: unknown, shown: boolean) => void;
}

/**
 * What every create/edit dialog with an Element Plus form does, around its own fields and save
 * call: reset the form on open, validate, submit with a busy state, put the API's field errors
 * beside their fields, confirm, emit and close. Bind `formRef` as the form's `ref`, `open` to
 * `FormDialog`'s `@opened` and `submit` to its `@submit`.
 */
export function useFormDialog<F extends object, R>(options: FormDialogOptions<F, R>) {
  const { t } = useI18n();
  const { fieldErrors, clear, capture } = useFieldErrors();
  const formRef = ref<FormInstance>();
  const form = reactive(options.initial());
  const saving = ref(false);

  function open() {
    clear();
    Object.assign(form, options.initial());
    formRef.value?.clearValidate();
    options.onOpen?.();
  }

  async function submit() {
    if (saving.value) return;
    if (!(await formRef.value?.validate().catch(() => false))) return;
    clear();
    if (options.check && !options.check(form, fieldErrors)) return;
    saving.value = true;
    try {
      const result = await options.save(form);
      ElMessage.success(options.savedMessage?.(result) ?? t('common.saved'));
      options.saved(result);
      options.visible.value = false;
    } catch (err) {
      const shown = capture(err, toValue(options.conflictField));
      options.failed?.(err, shown);
    } finally {
      saving.value = false;
    }
  }

  return { form, formRef, saving, fieldErrors, open, submit };
}
