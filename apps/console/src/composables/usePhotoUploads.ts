import { ElMessage } from 'element-plus';
import { computed, onBeforeUnmount, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { uploadPhoto } from '@/api/cases';
import { errorMessage } from '@/api/error-message';
import { fieldErrorTexts } from '@/composables/useFieldErrors';

/** The API's photo rules (`POST /api/photos`): the same for cases and council projects. */
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];

export interface PhotoDraft {
  key: string;
  name: string;
  preview: string | null;
  status: 'uploading' | 'done' | 'error';
  id: string | null;
  /** Why the upload failed, in the user's language (not an image, too large …). */
  reason: string;
}

/**
 * Photos uploaded as soon as they are chosen, attached by id when the form is sent. A failed
 * upload stays in the list with its reason until removed.
 */
export function usePhotoUploads(max = MAX_PHOTOS) {
  const { t } = useI18n();
  const photos = ref<PhotoDraft[]>([]);
  let seq = 0;
  const uploading = computed(() => photos.value.some((p) => p.status === 'uploading'));
  const failed = computed(() => photos.value.filter((p) => p.status === 'error'));
  const ids = computed(() => photos.value.map((p) => p.id).filter((id): id is string => !!id));

  function acceptable(file: File): string | null {
    const heic = /\.(heic|heif)$/i.test(file.name);
    if (!PHOTO_TYPES.includes(file.type) && !heic)
      return t('intake.photoType', { name: file.name });
    if (file.size > MAX_PHOTO_BYTES) return t('intake.photoSize', { name: file.name });
    return null;
  }

  function update(key: string, patch: Partial<PhotoDraft>) {
    photos.value = photos.value.map((p) => (p.key === key ? { ...p, ...patch } : p));
  }

  async function upload(draft: PhotoDraft, file: File) {
    try {
      const saved = await uploadPhoto(file, { silent: true });
      update(draft.key, { status: 'done', id: saved.id });
    } catch (err) {
      const reason = fieldErrorTexts(err)['file'] ?? errorMessage(err);
      update(draft.key, { status: 'error', reason });
    }
  }

  function add(files: File[]) {
    for (const file of files) {
      if (photos.value.length >= max) {
        ElMessage.warning(t('intake.photoLimit', { n: max }));
        break;
      }
      const problem = acceptable(file);
      if (problem) {
        ElMessage.warning(problem);
        continue;
      }
      const canPreview = typeof URL.createObjectURL === 'function' && !/heic|heif/i.test(file.type);
      const draft: PhotoDraft = {
        key: `p${++seq}`,
        name: file.name,
        preview: canPreview ? URL.createObjectURL(file) : null,
        status: 'uploading',
        id: null,
        reason: '',
      };
      photos.value = [...photos.value, draft];
      void upload(draft, file);
    }
  }

  function remove(draft: PhotoDraft) {
    if (draft.preview) URL.revokeObjectURL(draft.preview);
    photos.value = photos.value.filter((p) => p.key !== draft.key);
  }

  function clear() {
    for (const p of photos.value) if (p.preview) URL.revokeObjectURL(p.preview);
    photos.value = [];
  }

  onBeforeUnmount(clear);

  return { max, photos, uploading, failed, ids, add, remove, clear };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
