import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveTokens } from '@/api/token-storage';
import { useCasesStore } from '@/stores/cases';
import { casePage, json, makeCase, stubFetch, summaryOf } from './helpers';

const rows = Array.from({ length: 20 }, (_, i) =>
  summaryOf(
    makeCase({
      id: `c-${i}`,
      submittedAt: new Date(Date.UTC(2026, 10, 26) - i * 3_600_000).toISOString(),
    }),
  ),
);

describe('requests store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    saveTokens({ accessToken: 'a-1' });
  });

  it('keeps a pushed older request out of a list not loaded that far, and counts new ones', async () => {
    stubFetch(() => json(casePage(rows, 45)));
    const store = useCasesStore();
    await store.refresh();
    expect(store.finished).toBe(false);

    const old = summaryOf(makeCase({ id: 'c-old', submittedAt: '2025-01-01T00:00:00Z' }));
    store.applyPush({ eventId: '1', type: 'transition', case: old });
    expect(store.items.some((r) => r.id === 'c-old')).toBe(false);
    expect(store.total).toBe(45);

    const fresh = summaryOf(makeCase({ id: 'c-new', submittedAt: '2026-11-27T00:00:00Z' }));
    store.applyPush({ eventId: '2', type: 'created', case: fresh });
    expect(store.items[0]?.id).toBe('c-new');
    expect(store.total).toBe(46);
  });

  it('keeps a push that arrives while the first page is loading', async () => {
    let release: (r: Response) => void = () => undefined;
    stubFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    const store = useCasesStore();
    const loading = store.refresh();

    const first = rows[0]!;
    store.applyPush({
      eventId: '9',
      type: 'transition',
      case: { ...first, status: 'accepted', version: 2 },
    });
    release(json(casePage(rows)));
    await loading;

    expect(store.items.find((r) => r.id === first.id)?.status).toBe('accepted');
  });
});
