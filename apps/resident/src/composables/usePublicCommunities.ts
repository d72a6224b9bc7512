import type { PublicCommunity } from '@baitong/contracts';
import { computed, onBeforeUnmount, ref, shallowRef, type Ref } from 'vue';
import { listPublicCommunities } from '@/api/communities';
import type { PickerOption } from '@/components/register/SearchPicker.vue';
import type { AppLocale } from '@/i18n';
import { describeError } from '@/i18n/errors';
import { localName, localText } from '@/utils/names';
import { foldForSearch } from '@/utils/search';
import { intlLocale } from '@/utils/time';

/**
 * The communities one may register in, with their compounds, as picker options in the reader's
 * language (the English name in English mode when there is one), grouped by street.
 */
export function usePublicCommunities(locale: Ref<AppLocale>) {
  const communities = shallowRef<PublicCommunity[]>([]);
  const loading = ref(false);
  const failure = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loading.value = true;
    try {
      communities.value = await listPublicCommunities({ silent: true, signal: current.signal });
      failure.value = null;
    } catch (error) {
      if (!current.signal.aborted) failure.value = error;
    } finally {
      if (controller === current) loading.value = false;
    }
  }

  onBeforeUnmount(() => controller?.abort());

  const loadError = computed(() => (failure.value ? describeError(failure.value) : ''));

  const communityOptions = computed<PickerOption[]>(() => {
    const collator = new Intl.Collator(intlLocale(locale.value));
    return communities.value
      .map((c) => ({
        value: c.id,
        label: localName(c, locale.value),
        group: localText(c.streetName, c.streetNameEn, locale.value),
        keywords: foldForSearch(`${c.name} ${c.nameEn} ${c.streetName} ${c.streetNameEn}`),
      }))
      .sort((a, b) => collator.compare(a.group, b.group) || collator.compare(a.label, b.label));
  });

  function find(id: string | null): PublicCommunity | undefined {
    return id ? communities.value.find((c) => c.id === id) : undefined;
  }

  /** The compounds of one community, sorted by name; first the choice of none. */
  function compoundOptions(communityId: string | null, noneLabel: string): PickerOption[] {
    const community = find(communityId);
    if (!community) return [];
    const collator = new Intl.Collator(intlLocale(locale.value));
    const compounds = community.compounds
      .map((c) => ({
        value: c.id,
        label: localName(c, locale.value),
        keywords: foldForSearch(`${c.name} ${c.nameEn}`),
      }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: '', label: noneLabel, keywords: foldForSearch(noneLabel) }, ...compounds];
  }

  return { communities, loading, loadError, load, find, communityOptions, compoundOptions };
}
