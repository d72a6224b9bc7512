import type { UploaderFileListItem } from 'vant';

/** A photo in a form: Vant's item plus the upload's state and the id the API gave it. */
export type PhotoItem = UploaderFileListItem & {
  phase?: 'waiting' | 'uploading' | 'done' | 'failed';
  photoId?: string;
  controller?: AbortController;
  /** Why the API refused the photo (not an image, too large …), in the current language. */
  reason?: string;
};

export function pendingPhotos(items: PhotoItem[]): PhotoItem[] {
  return items.filter((p) => p.phase === 'waiting' || p.phase === 'uploading');
}

export function failedPhotos(items: PhotoItem[]): PhotoItem[] {
  return items.filter((p) => p.phase === 'failed');
}

/** The uploaded photos' ids, in the order shown, to attach to what the form creates. */
export function photoIdsOf(items: PhotoItem[]): string[] {
  return items.map((p) => p.photoId).filter((id): id is string => Boolean(id));
}

/** Stops uploads and frees previews when the form goes away. */
export function releasePhotos(items: PhotoItem[]): void {
  for (const item of items) {
    item.controller?.abort();
    if (item.objectUrl) URL.revokeObjectURL(item.objectUrl);
  }
}
