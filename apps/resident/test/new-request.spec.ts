import type { CaseKind, CaseStatus, Category } from '@baitong/contracts';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import App from '@/App.vue';
import { setLocale } from '@/i18n';
import {
  apiError,
  calls,
  casePage,
  headersOf,
  json,
  makeCase,
  makeCategory,
  mountWithApp,
  resident,
  signIn,
  stubFetch,
  summaryOf,
  type FetchHandler,
} from './helpers';

const CATEGORIES: Partial<Record<CaseKind, Category[]>> = {
  concern: [
    makeCategory(),
    makeCategory({
      id: 'cat-noise',
      code: 'noise',
      nameZh: '噪音扰民',
      nameEn: 'Noise',
      resolveWithin: { value: 8, unit: 'open_hours' },
    }),
  ],
  affair: [
    makeCategory({
      id: 'cat-cert',
      kind: 'affair',
      code: 'residence_cert',
      nameZh: '居住证明',
      nameEn: 'Proof of residence',
    }),
  ],
};

const EARLIER = {
  resolved: [
    summaryOf(
      makeCase({
        id: 'old-1',
        number: 'BT20261001-0007',
        status: 'resolved',
        submittedAt: '2026-10-01T02:00:00Z',
      }),
    ),
  ],
  closed: [
    summaryOf(
      makeCase({
        id: 'old-2',
        number: 'BT20260901-0003',
        status: 'closed',
        submittedAt: '2026-09-01T02:00:00Z',
      }),
    ),
  ],
} as Record<string, ReturnType<typeof summaryOf>[]>;

const CREATED = makeCase({ id: 'case-new', number: 'BT20261127-0099' });

/** A fake API for the form; `create` answers `POST /api/cases`. */
function api(create: FetchHandler = () => json(CREATED, 201), photo?: FetchHandler): FetchHandler {
  let photoCount = 0;
  return (url, init) => {
    const { pathname, searchParams } = new URL(url, 'http://app.test');
    if (pathname === '/api/auth/me') return json(resident);
    if (pathname === '/api/categories') {
      return json(CATEGORIES[searchParams.get('kind') as CaseKind] ?? []);
    }
    if (pathname === '/api/photos' && init.method === 'POST') {
      if (photo) return photo(url, init);
      photoCount += 1;
      return json(
        {
          id: `ph-${photoCount}`,
          contentType: 'image/jpeg',
          sizeBytes: 10,
          url: `/api/photos/ph-${photoCount}`,
        },
        201,
      );
    }
    if (pathname === '/api/cases' && init.method === 'POST') return create(url, init);
    if (pathname === '/api/cases') {
      return json(casePage(EARLIER[searchParams.get('status') as CaseStatus] ?? []));
    }
    if (pathname.startsWith('/api/cases/')) {
      return pathname.endsWith('/events') ? json([]) : json(CREATED);
    }
    return apiError(404, 'NOT_FOUND');
  };
}

async function openForm(handler: FetchHandler = api(), path = '/requests/new') {
  signIn();
  const fetchMock = stubFetch(handler);
  const mounted = await mountWithApp(App, { path });
  await vi.waitFor(() =>
    expect(mounted.wrapper.findAll('[data-testid="kind-option"]')).toHaveLength(4),
  );
  return { ...mounted, fetchMock };
}

async function toDetails(wrapper: VueWrapper, kind: CaseKind = 'concern', code = 'stair_light') {
  await wrapper.get(`[data-testid="kind-option"][data-kind="${kind}"]`).trigger('click');
  await vi.waitFor(() =>
    expect(wrapper.find(`[data-testid="category-option"][data-code="${code}"]`).exists()).toBe(
      true,
    ),
  );
  await wrapper.get(`[data-testid="category-option"][data-code="${code}"]`).trigger('click');
  await vi.waitFor(() =>
    expect(wrapper.find('[data-testid="description-input"]').exists()).toBe(true),
  );
}

async function submit(wrapper: VueWrapper) {
  await wrapper.get('[data-testid="submit-request"]').trigger('click');
  await flushPromises();
}

function file(name: string, type: string, size = 1024): File {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

async function choosePhotos(wrapper: VueWrapper, files: File[]) {
  const input = wrapper.get('[data-testid="photo-uploader"] input[type="file"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await flushPromises();
}

function posts(fetchMock: ReturnType<typeof stubFetch>, path: string) {
  return fetchMock.mock.calls.filter(
    ([url, init]) =>
      init?.method === 'POST' && new URL(String(url), 'http://app.test').pathname === path,
  );
}

describe('new request form', () => {
  it('asks for the kind first, each with a one-line explanation, then the categories of that kind', async () => {
    const { wrapper, fetchMock } = await openForm();

    const kinds = wrapper.findAll('[data-testid="kind-option"]');
    expect(kinds.map((k) => k.attributes('data-kind'))).toEqual([
      'affair',
      'inquiry',
      'concern',
      'dispute',
    ]);
    expect(kinds[2]!.text()).toContain('Raise a concern');
    expect(kinds[2]!.text()).toContain('A complaint, a suggestion or a safety hazard');

    await wrapper.get('[data-kind="concern"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.findAll('[data-testid="category-option"]')).toHaveLength(2),
    );
    expect(calls(fetchMock)).toContain('GET /api/categories?kind=concern');
    const options = wrapper.findAll('[data-testid="category-option"]');
    expect(options.map((o) => o.attributes('data-code'))).toEqual(['stair_light', 'noise']);
    expect(options[0]!.text()).toContain('Stairwell lighting');
    expect(options[0]!.text()).toContain('Usually resolved within 3 working day(s)');

    await options[1]!.trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="description-input"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="step-details"]').text()).toContain('Raise a concern · Noise');
    expect(wrapper.get('[data-testid="place-input"]').element.tagName).toBe('INPUT');
    expect(wrapper.get('[data-testid="description-input"]').element.tagName).toBe('TEXTAREA');
  });

  it('shows kinds and category names in Chinese', async () => {
    setLocale('zh-CN');
    const { wrapper } = await openForm();
    const kinds = wrapper.findAll('[data-testid="kind-option"]').map((k) => k.text());
    expect(kinds[0]).toContain('办事');
    expect(kinds[1]).toContain('问事');
    expect(kinds[2]).toContain('说事');
    expect(kinds[3]).toContain('矛盾纠纷');

    await wrapper.get('[data-kind="concern"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-code="noise"]').exists()).toBe(true));
    expect(wrapper.get('[data-code="noise"]').text()).toContain('噪音扰民');
    expect(wrapper.get('[data-code="noise"]').text()).toContain('一般在服务时间内 8 小时内办结');
  });

  it('refuses an empty or too short description without calling the API', async () => {
    const { wrapper, fetchMock } = await openForm();
    await toDetails(wrapper);

    await submit(wrapper);
    expect(wrapper.text()).toContain('Please describe your request.');
    expect(wrapper.get('[data-testid="description-input"]').attributes('aria-invalid')).toBe(
      'true',
    );

    await wrapper.get('[data-testid="description-input"]').setValue('灯坏了');
    await submit(wrapper);
    expect(wrapper.text()).toContain('Please write at least 5 characters.');
    expect(posts(fetchMock, '/api/cases')).toHaveLength(0);
  });

  it('counts the characters of the description', async () => {
    const { wrapper } = await openForm();
    await toDetails(wrapper);
    await wrapper.get('[data-testid="description-input"]').setValue('楼道灯坏了');
    expect(wrapper.get('[data-testid="description-counter"]').text()).toBe('5/2000');
    expect(wrapper.get('[data-testid="description-input"]').attributes('maxlength')).toBe('2000');
  });

  it('refuses pictures of the wrong type or over 8 MB before uploading, with a clear message', async () => {
    const { wrapper, fetchMock } = await openForm();
    await toDetails(wrapper);

    await choosePhotos(wrapper, [
      file('cat.gif', 'image/gif'),
      file('scan.pdf', 'application/pdf'),
      file('huge.jpg', 'image/jpeg', 8 * 1024 * 1024 + 1),
      file('ok.png', 'image/png'),
    ]);

    const message = wrapper.get('[data-testid="photo-error"]').text();
    expect(message).toContain('"cat.gif" is not a supported picture (JPG, PNG, WebP or HEIC).');
    expect(message).toContain('"scan.pdf" is not a supported picture');
    expect(message).toContain('"huge.jpg" is larger than 8 MB.');
    await vi.waitFor(() => expect(posts(fetchMock, '/api/photos')).toHaveLength(1));
    const sent = posts(fetchMock, '/api/photos')[0]![1]!.body as FormData;
    expect((sent.get('file') as File).name).toBe('ok.png');
  });

  it('takes at most 9 photos and says how many were left out', async () => {
    const { wrapper, fetchMock } = await openForm();
    await toDetails(wrapper);

    await choosePhotos(
      wrapper,
      Array.from({ length: 11 }, (_, i) => file(`p${i}.jpg`, 'image/jpeg')),
    );

    expect(wrapper.get('[data-testid="photo-error"]').text()).toContain(
      'You can add up to 9 photos; 2 more were not added.',
    );
    await vi.waitFor(() => expect(posts(fetchMock, '/api/photos')).toHaveLength(9));
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="photo-progress"]').text()).toBe('9 of 9 photos uploaded'),
    );

    await choosePhotos(wrapper, [file('late.jpg', 'image/jpeg')]);
    expect(wrapper.get('[data-testid="photo-error"]').text()).toContain('1 more were not added');
    expect(posts(fetchMock, '/api/photos')).toHaveLength(9);
  });

  it('says why the API refused a photo, beside the photos', async () => {
    const { wrapper } = await openForm(
      api(undefined, () =>
        apiError(415, 'UNSUPPORTED_MEDIA_TYPE', {
          fields: [{ field: 'file', code: 'not_an_image', message: 'JPEG, PNG, WebP or HEIC' }],
        }),
      ),
    );
    await toDetails(wrapper);
    await choosePhotos(wrapper, [file('scan.jpg', 'image/jpeg')]);
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="photo-error"]').text()).toBe(
        '"scan.jpg" was not uploaded: Not an image we can read (JPEG, PNG, WebP or HEIC)',
      ),
    );
  });

  it('uploads each photo as multipart `file`, shows a failed one, retries it and sends the ids', async () => {
    let failNext = true;
    let n = 0;
    const { wrapper, fetchMock } = await openForm(
      api(undefined, () => {
        if (failNext) {
          failNext = false;
          return apiError(500, 'INTERNAL');
        }
        n += 1;
        return json(
          { id: `ph-${n}`, contentType: 'image/jpeg', sizeBytes: 1, url: `/api/photos/ph-${n}` },
          201,
        );
      }),
    );
    await toDetails(wrapper);
    await wrapper.get('[data-testid="description-input"]').setValue('楼道灯坏了，晚上很黑');

    await choosePhotos(wrapper, [file('a.jpg', 'image/jpeg'), file('b.heic', '')]);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="retry-photos"]').exists()).toBe(true),
    );
    expect(wrapper.text()).toContain('Failed');
    const firstUpload = posts(fetchMock, '/api/photos')[0]![1]!;
    expect(
      headersOf(fetchMock, fetchMock.mock.calls.indexOf(posts(fetchMock, '/api/photos')[0]!))[
        'Content-Type'
      ],
    ).toBeUndefined();
    expect(firstUpload.body).toBeInstanceOf(FormData);
    // A HEIC picture the phone gave no type is sent as image/heic.
    const heic = (posts(fetchMock, '/api/photos')[1]![1]!.body as FormData).get('file') as File;
    expect(heic.type).toBe('image/heic');

    await submit(wrapper);
    expect(wrapper.get('[data-testid="submit-error"]').text()).toBe(
      'Some photos failed to upload. Retry or remove them first.',
    );
    expect(posts(fetchMock, '/api/cases')).toHaveLength(0);

    await wrapper.get('[data-testid="retry-photos"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="photo-progress"]').text()).toBe('2 of 2 photos uploaded'),
    );
    await submit(wrapper);

    await vi.waitFor(() => expect(posts(fetchMock, '/api/cases')).toHaveLength(1));
    const body = JSON.parse(String(posts(fetchMock, '/api/cases')[0]![1]!.body));
    expect(new Set(body.photoIds)).toEqual(new Set(['ph-1', 'ph-2']));
  });

  it('keeps the Idempotency-Key on a retry after a failed submit, and goes to the new request', async () => {
    let attempt = 0;
    const { wrapper, fetchMock, router } = await openForm(
      api(() => {
        attempt += 1;
        if (attempt === 1) throw new TypeError('Failed to fetch');
        return json(CREATED, 201);
      }),
    );
    await toDetails(wrapper);
    await wrapper.get('[data-testid="description-input"]').setValue('  3栋2单元楼道灯坏了  ');
    await wrapper.get('[data-testid="place-input"]').setValue('3栋2单元楼道');

    await submit(wrapper);
    expect(wrapper.get('[data-testid="submit-error"]').text()).toBe(
      "We can't reach the service right now. Check your connection and try again.",
    );
    await submit(wrapper);

    await expect.poll(() => document.body.textContent).toContain("Submitted. We'll be on it soon.");
    // The first visit to a page compiles it: allow for that.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/requests/case-new'), {
      timeout: 10_000,
    });
    const sent = posts(fetchMock, '/api/cases');
    expect(sent).toHaveLength(2);
    const keys = sent.map(
      ([, init]) => (init!.headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(String(sent[0]![1]!.body))).toEqual({
      categoryId: 'cat-light',
      description: '3栋2单元楼道灯坏了',
      place: '3栋2单元楼道',
    });
    expect(sent[1]![1]!.body).toBe(sent[0]![1]!.body);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="request-detail"]').exists()).toBe(true),
    );

    // A new form is a new request: a new key.
    await router.push('/requests/new');
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="kind-option"]')).toHaveLength(4));
    await toDetails(wrapper);
    await wrapper.get('[data-testid="description-input"]').setValue('另一件事：路灯不亮');
    await submit(wrapper);
    await vi.waitFor(() => expect(posts(fetchMock, '/api/cases')).toHaveLength(3));
    const third = posts(fetchMock, '/api/cases')[2]![1]!.headers as Record<string, string>;
    expect(third['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(third['Idempotency-Key']).not.toBe(keys[0]);
  });

  it('disables the button while sending, so a double tap sends once', async () => {
    let release: (r: Response) => void = () => undefined;
    const { wrapper, fetchMock } = await openForm(
      api(() => new Promise<Response>((resolve) => (release = resolve))),
    );
    await toDetails(wrapper);
    await wrapper.get('[data-testid="description-input"]').setValue('楼道灯坏了，晚上很黑');

    await submit(wrapper);
    expect(wrapper.get('[data-testid="submit-request"]').attributes('disabled')).toBeDefined();
    await submit(wrapper);
    expect(posts(fetchMock, '/api/cases')).toHaveLength(1);

    release(json(CREATED, 201));
    await flushPromises();
    await vi.waitFor(() => expect(posts(fetchMock, '/api/cases')).toHaveLength(1));
  });

  it('offers the resident\'s resolved and closed requests as "about my earlier request"', async () => {
    const { wrapper, fetchMock } = await openForm();
    await toDetails(wrapper);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="earlier-picker"]').exists()).toBe(true),
    );
    expect(calls(fetchMock)).toEqual(
      expect.arrayContaining([
        'GET /api/cases?status=resolved&page=1&pageSize=50',
        'GET /api/cases?status=closed&page=1&pageSize=50',
      ]),
    );

    await wrapper.get('[data-testid="earlier-picker"]').trigger('click');
    await flushPromises();
    const options = [...document.querySelectorAll('[data-testid="earlier-option"]')];
    expect(options.map((o) => o.getAttribute('data-case-id'))).toEqual(['old-1', 'old-2']);
    (options[1] as HTMLElement).click();
    await flushPromises();
    expect(wrapper.get('[data-testid="earlier-picker"]').text()).toContain('BT20260901-0003');

    await wrapper.get('[data-testid="description-input"]').setValue('楼道灯又坏了，上次修过');
    await submit(wrapper);
    await vi.waitFor(() => expect(posts(fetchMock, '/api/cases')).toHaveLength(1));
    expect(JSON.parse(String(posts(fetchMock, '/api/cases')[0]![1]!.body)).earlierCaseId).toBe(
      'old-2',
    );
  });

  it('preselects the earlier request when coming from "Not solved? Submit a follow-up"', async () => {
    const { wrapper } = await openForm(api(), '/requests/new?earlier=old-1');
    await toDetails(wrapper);
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="earlier-picker"]').exists()).toBe(true),
    );
    expect(wrapper.get('[data-testid="earlier-picker"]').text()).toContain('BT20261001-0007');
  });

  it("shows the API's field error, translated, when it refuses the description", async () => {
    const { wrapper } = await openForm(
      api(() =>
        apiError(400, 'VALIDATION_FAILED', {
          fields: [
            {
              field: 'description',
              code: 'too_long',
              params: { max: 2000 },
              message: 'must be shorter than or equal to 2000 characters',
            },
          ],
        }),
      ),
    );
    await toDetails(wrapper);
    await wrapper.get('[data-testid="description-input"]').setValue('楼道灯坏了，晚上很黑');
    await submit(wrapper);
    expect(wrapper.text()).toContain('At most 2000 characters');
    expect(wrapper.get('[data-testid="submit-error"]').text()).toBe(
      'Some details are not right. Please check and try again.',
    );
  });
});
