import type { CaseContact, CaseDetail } from '@baitong/contracts';
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CaseDetailView from '@/views/cases/CaseDetail.vue';
import { makeCategory, makeDesk, makeDetail, makeEvent } from './case-fixtures';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';
import { answerMessageBox } from './message-box';

enableAutoUnmount(afterEach);

type Routes = Parameters<typeof stubFetch>[0];

async function openCase(
  detail: CaseDetail,
  extra: Routes = {},
  role: Parameters<typeof makeUser>[0] = 'desk_staff',
) {
  storeSession(makeUser(role, 'community', 'c1'), 'c1');
  const fetch = stubFetch({
    'GET /api/cases/k1': () => jsonResponse(200, detail),
    'GET /api/cases/k1/events': () => jsonResponse(200, [makeEvent()]),
    'GET /api/cases/k1/repeat-candidates': () => jsonResponse(200, []),
    'GET /api/categories': () => jsonResponse(200, [makeCategory()]),
    'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('d1')]),
    ...extra,
  });
  const mounted = await mountInApp(CaseDetailView, { path: '/cases/k1', stubViews: true });
  await vi.waitFor(() =>
    expect(mounted.wrapper.find('[data-testid="case-number"]').exists()).toBe(true),
  );
  return { ...mounted, ...fetch };
}

const contactReads = (calls: { path: string }[]) =>
  calls.filter((c) => c.path.includes('/contact')).map((c) => c.path);

const answerConfirmation = (confirm: boolean) =>
  answerMessageBox(confirm, 'contact-reveal-confirm');

const walkInContact: CaseContact = {
  caseId: 'k1',
  source: 'walk_in',
  residentId: null,
  partyIndex: null,
  name: '赵大妈',
  phone: '13800001111',
  idNumber: null,
};

describe('the audited contact read on the case', () => {
  it("reads a walk-in caller's number from the case only after confirming, and shows it in full", async () => {
    const walkIn = makeDetail({
      residentId: null,
      residentName: '赵大妈',
      residentPhoneMasked: '138****1111',
    });
    const { wrapper, calls } = await openCase(walkIn, {
      'GET /api/cases/k1/contact': () => jsonResponse(200, walkInContact),
    });

    await wrapper.find('[data-testid="show-contact"]').trigger('click');
    const asked = await answerConfirmation(false);
    expect(asked).toContain('来访人 赵大妈');
    expect(asked).toContain('审计日志');
    expect(contactReads(calls)).toEqual([]);

    await wrapper.find('[data-testid="show-contact"]').trigger('click');
    await answerConfirmation(true);
    await vi.waitFor(() => expect(contactReads(calls)).toEqual(['/api/cases/k1/contact']));
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="contact-phone"]')).not.toBeNull(),
    );
    const phone = document.body.querySelector<HTMLAnchorElement>('[data-testid="contact-phone"]')!;
    expect(phone.textContent).toBe('13800001111');
    expect(phone.getAttribute('href')).toBe('tel:13800001111');
    expect(document.body.querySelector('[data-testid="contact-dialog"]')?.textContent).toContain(
      '来访人',
    );
  });

  it('reads a resident on record through the case too, with the ID number', async () => {
    const { wrapper, calls } = await openCase(makeDetail(), {
      'GET /api/cases/k1/contact': () =>
        jsonResponse(200, {
          caseId: 'k1',
          source: 'resident',
          residentId: 'r1',
          partyIndex: null,
          name: '王建国',
          phone: '13812345678',
          idNumber: '500101199001011234',
        } satisfies CaseContact),
    });

    await wrapper.find('[data-testid="show-contact"]').trigger('click');
    const asked = await answerConfirmation(true);
    expect(asked).toContain('证件号码');
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="contact-phone"]')?.textContent).toBe(
        '13812345678',
      ),
    );
    // The case's own endpoint, never the resident's: the audit row names the case.
    expect(contactReads(calls)).toEqual(['/api/cases/k1/contact']);
    expect(document.body.textContent).toContain('500101199001011234');
  });

  it("reads a mediation party's number by its place in the record", async () => {
    const dispute = makeDetail({
      kind: 'dispute',
      mediation: {
        locked: false,
        parties: [
          { name: '张三', role: '楼上住户' },
          { name: '李四', role: '楼下住户', phoneMasked: '139****0002' },
        ],
        mediatorName: '周洋',
        sessions: [],
        outcome: null,
        agreement: null,
      },
    });
    const { wrapper, calls } = await openCase(dispute, {
      'GET /api/cases/k1/parties/1/contact': () =>
        jsonResponse(200, {
          caseId: 'k1',
          source: 'party',
          residentId: null,
          partyIndex: 1,
          name: '李四',
          phone: '13900000002',
          idNumber: null,
        } satisfies CaseContact),
    });

    // Only a party who left a number can be read.
    expect(wrapper.find('[data-testid="party-contact-0"]').exists()).toBe(false);
    await wrapper.find('[data-testid="party-contact-1"]').trigger('click');
    const asked = await answerConfirmation(true);
    expect(asked).toContain('调解当事人 李四');
    await vi.waitFor(() =>
      expect(document.body.querySelector('[data-testid="contact-phone"]')?.textContent).toBe(
        '13900000002',
      ),
    );
    expect(contactReads(calls)).toEqual(['/api/cases/k1/parties/1/contact']);
    expect(document.body.querySelector('[data-testid="contact-dialog"]')?.textContent).toContain(
      '调解当事人 2',
    );
  });

  it('offers no contact read to a role that does not see personal data', async () => {
    const { wrapper } = await openCase(makeDetail(), {}, 'street_admin');
    expect(wrapper.find('[data-testid="show-contact"]').exists()).toBe(false);
  });

  it('offers nothing to read for a patrol finding with nobody behind it', async () => {
    const { wrapper } = await openCase(
      makeDetail({ residentId: null, residentName: null, residentPhoneMasked: null }),
    );
    expect(wrapper.find('[data-testid="show-contact"]').exists()).toBe(false);
  });
});
