import type { CaseEvent, ReplyTemplate } from '@baitong/contracts';
import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ActionDialog from '@/components/cases/ActionDialog.vue';
import CaseTimeline from '@/components/cases/CaseTimeline.vue';
import ResidentLanguageTag from '@/components/cases/ResidentLanguageTag.vue';
import CompoundDialog from '@/components/org/CompoundDialog.vue';
import { i18n } from '@/i18n';
import { formatDateTime, formatInstantDate, formatLocalDate } from '@/utils/format';
import { templateBody } from '@/utils/cases';
import { localAddress, localName, localText } from '@/utils/names';
import { scopeText } from '@/utils/scope';
import DesksTab from '@/views/org/community/DesksTab.vue';
import { makeDesk, makeEvent } from './case-fixtures';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

// Nothing here talks to a server: the router's session check gets a stub, never the network.
beforeEach(() => {
  stubFetch({});
});

describe('names in the reader’s language', () => {
  it('shows the English name in English and the Chinese one otherwise or when none is known', () => {
    const desk = { name: '美美国际之家', nameEn: 'Meimei International Home' };
    expect(localName(desk, 'en')).toBe('Meimei International Home');
    expect(localName(desk, 'zh-CN')).toBe('美美国际之家');
    expect(localName({ name: '尚格博园', nameEn: '  ' }, 'en')).toBe('尚格博园');
    expect(localName({ name: '尚格博园' }, 'en')).toBe('尚格博园');
    expect(localName(null, 'en')).toBe('');
    expect(localText('和睦路百通岗', null, 'en')).toBe('和睦路百通岗');
    expect(
      localAddress(
        { address: '重庆市两江新区和睦路12号', addressEn: 'No. 12 Hemu Road, Chongqing' },
        'en',
      ),
    ).toBe('No. 12 Hemu Road, Chongqing');
  });

  it('names the header scope in English without saying the level twice', () => {
    const scope = { name: '和睦路社区', nameEn: 'Hemu Road Community' };
    expect(scopeText(scope, 'Community', 'en')).toBe('Hemu Road Community');
    expect(scopeText(scope, '社区', 'zh-CN')).toBe('和睦路社区');
    expect(scopeText({ name: '翠云街道', nameEn: 'Cuiyun Subdistrict' }, 'Street', 'en')).toBe(
      'Street · Cuiyun Subdistrict',
    );
    expect(scopeText({ name: '翠云街道' }, 'Street', 'en')).toBe('Street · 翠云街道');
  });

  it('shows a community’s desks with their English names, compounds and addresses in English', async () => {
    i18n.global.locale.value = 'en';
    storeSession(makeUser('desk_staff', 'community', 'c1'), 'c1');
    stubFetch({
      'GET /api/communities/c1/desks': () => jsonResponse(200, [makeDesk('a', 'x1')]),
    });
    const { wrapper } = await mountInApp(DesksTab, {
      path: '/',
      stubViews: true,
      props: { communityId: 'c1' },
    });
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="desk-card"]')).toHaveLength(1));
    const card = wrapper.find('[data-testid="desk-card"]').text();
    expect(card).toContain('Desk a');
    expect(card).toContain('Compound x1');
    expect(card).toContain('No. 1 Cuiyu Road');
    expect(card).not.toContain('百通岗 a');
    expect(card).not.toContain('翠渝路 1 号');
  });
});

describe('dates in English', () => {
  const instant = '2026-12-03T06:05:00Z';

  it('put the day before a month name and keep Shanghai time', () => {
    expect(formatDateTime(instant, 'en')).toBe('3 Dec 2026, 14:05');
    expect(formatDateTime(instant, 'zh-CN')).toBe('2026/12/03 14:05');
    expect(formatInstantDate('2026-12-02T17:30:00Z', 'en')).toBe('3 Dec 2026');
    expect(formatLocalDate('2024-03-01', 'en')).toBe('1 Mar 2024');
    expect(formatDateTime(instant, 'en')).not.toMatch(/\d+\/\d+\/\d+/);
  });
});

describe('system notes in the timeline', () => {
  const events: CaseEvent[] = [
    makeEvent({
      id: '1',
      type: 'overdue',
      actorKind: 'system',
      actorName: null,
      toStatus: null,
      data: {
        which: 'accept',
        noteCode: 'accept_overdue',
        noteParams: { dueAt: '2026-12-03T06:05:00Z' },
      },
    }),
    makeEvent({
      id: '2',
      type: 'transition',
      actorKind: 'system',
      actorName: null,
      fromStatus: 'resolved',
      toStatus: 'closed',
      data: { action: 'close', noteCode: 'auto_closed', noteParams: { days: 3 } },
    }),
    makeEvent({
      id: '3',
      type: 'due_recomputed',
      actorKind: 'system',
      actorName: null,
      toStatus: null,
      data: { noteCode: 'due_recomputed', noteParams: { resolveDueAt: '2026-12-04T12:00:00Z' } },
    }),
    // Written before the codes: its stored sentence is all it has.
    makeEvent({
      id: '4',
      type: 'escalated',
      actorKind: 'system',
      actorName: null,
      toStatus: null,
      note: '办理超时，已自动上报社区书记。',
      data: {},
    }),
  ];
  const notes = async () => {
    const { wrapper } = await mountInApp(CaseTimeline, { props: { events } });
    return wrapper.findAll('[data-testid="timeline-note"]').map((n) => n.text());
  };

  it('translates the codes into Chinese', async () => {
    expect(await notes()).toEqual([
      '超过受理时限（2026/12/03 14:05）仍未受理，已提醒服务点并告知社区管理员。',
      '办结后 3 日内无异议，系统自动关闭。',
      '服务点办公时间调整，办理时限重算为 2026/12/04 20:00。',
      '办理超时，已自动上报社区书记。',
    ]);
  });

  it('translates the codes into English, keeping an old note as it was written', async () => {
    i18n.global.locale.value = 'en';
    expect(await notes()).toEqual([
      'Not accepted by 3 Dec 2026, 14:05: the desk was alerted and the community admin told.',
      'No objection within 3 days of the resolution: closed by the system.',
      'The desk’s opening hours changed: now due 4 Dec 2026, 20:00.',
      '办理超时，已自动上报社区书记。',
    ]);
  });
});

describe('reply templates in the resident’s language', () => {
  const template: ReplyTemplate = {
    id: 't1',
    titleZh: '证明已开具',
    titleEn: 'Certificate ready',
    bodyZh: '证明已开具，请携带身份证到窗口领取。',
    bodyEn: 'Your certificate is ready: collect it at the desk with your ID.',
  };

  it('picks the text by language, falling back to Chinese when there is no English', () => {
    expect(templateBody(template, 'en')).toBe(template.bodyEn);
    expect(templateBody(template, 'zh-CN')).toBe(template.bodyZh);
    expect(templateBody({ ...template, bodyEn: ' ' }, 'en')).toBe(template.bodyZh);
  });

  async function insert(replyLanguage: 'en' | 'zh-CN' | null): Promise<string> {
    await mountInApp(ActionDialog, {
      props: { modelValue: true, action: 'resolve', templates: [template], replyLanguage },
    });
    const button = await vi.waitFor(() => {
      const b = document.body.querySelector<HTMLButtonElement>('[data-testid="reply-template"]');
      expect(b).not.toBeNull();
      return b!;
    });
    // The dialog clears its form once it has opened; insert after that.
    await new Promise((r) => setTimeout(r, 400));
    await flushPromises();
    button.click();
    await flushPromises();
    return (
      document.body.querySelector<HTMLTextAreaElement>('[data-testid="resolution-input"]')?.value ??
      ''
    );
  }

  it('inserts the English text for a resident who reads English, in a Chinese console', async () => {
    expect(await insert('en')).toBe(template.bodyEn);
    expect(document.body.querySelector('[data-testid="template-language"]')?.textContent).toContain(
      'English',
    );
  });

  it('inserts the Chinese text for a Chinese reader, even in an English console', async () => {
    i18n.global.locale.value = 'en';
    expect(await insert('zh-CN')).toBe(template.bodyZh);
  });

  it('follows the console’s language when the resident’s is unknown (a walk-in)', async () => {
    i18n.global.locale.value = 'en';
    expect(await insert(null)).toBe(template.bodyEn);
    expect(document.body.querySelector('[data-testid="template-language"]')).toBeNull();
  });
});

describe('the resident’s language beside their name', () => {
  it('says a resident prefers English, in either console language', async () => {
    const zh = await mountInApp(ResidentLanguageTag, { props: { language: 'en' } });
    expect(zh.wrapper.find('[data-testid="resident-language"]').text()).toBe('首选语言：English');
    i18n.global.locale.value = 'en';
    const en = await mountInApp(ResidentLanguageTag, { props: { language: 'en' } });
    expect(en.wrapper.find('[data-testid="resident-language"]').text()).toBe('prefers English');
  });

  it('says nothing new for a Chinese reader in a Chinese console, or for a walk-in', async () => {
    const same = await mountInApp(ResidentLanguageTag, { props: { language: 'zh-CN' } });
    expect(same.wrapper.find('[data-testid="resident-language"]').exists()).toBe(false);
    const none = await mountInApp(ResidentLanguageTag, { props: { language: null } });
    expect(none.wrapper.find('[data-testid="resident-language"]').exists()).toBe(false);
    i18n.global.locale.value = 'en';
    const english = await mountInApp(ResidentLanguageTag, { props: { language: 'zh-CN' } });
    expect(english.wrapper.find('[data-testid="resident-language"]').text()).toBe(
      'prefers Chinese',
    );
  });
});

describe('English names and addresses in the org dialogs', () => {
  it('saves a compound with its English address, the English name left empty being allowed', async () => {
    storeSession(makeUser('community_admin', 'community', 'c1'), 'c1');
    const { calls } = stubFetch({
      'POST /api/compounds': (call) =>
        jsonResponse(201, {
          id: 'x9',
          households: 0,
          lat: null,
          lng: null,
          ...(call.body as object),
        }),
    });
    const { wrapper } = await mountInApp(CompoundDialog, {
      path: '/',
      stubViews: true,
      props: { modelValue: true, communityId: 'c1', compound: null },
    });
    await flushPromises();
    const inputs = [...document.body.querySelectorAll<HTMLInputElement>('.el-dialog input')];
    // Chinese name, English name (left empty), address, English address.
    const values = [
      '和睦国际花园',
      '',
      '重庆市两江新区和睦路310号',
      '  No. 310 Hemu Road, Liangjiang New Area, Chongqing ',
    ];
    values.forEach((value, i) => {
      inputs[i]!.value = value;
      inputs[i]!.dispatchEvent(new Event('input'));
    });
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="dialog-submit"]')?.click();
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      communityId: 'c1',
      name: '和睦国际花园',
      nameEn: '',
      address: '重庆市两江新区和睦路310号',
      addressEn: 'No. 310 Hemu Road, Liangjiang New Area, Chongqing',
    });
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1));
  });
});
