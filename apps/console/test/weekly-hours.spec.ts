import type { WeeklyHours } from '@baitong/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import TimeField from '@/components/hours/TimeField.vue';
import WeeklyHoursEditor from '@/components/hours/WeeklyHoursEditor.vue';
import { i18n } from '@/i18n';
import { summarizeWeek, validateIntervals } from '@/utils/hours';

describe('opening-hours validation', () => {
  it('accepts back-to-back intervals and a close at 24:00', () => {
    expect(
      validateIntervals([
        { opens: '08:30', closes: '12:00' },
        { opens: '12:00', closes: '24:00' },
      ]),
    ).toEqual([]);
  });

  it('flags overlapping intervals, whatever their order', () => {
    expect(
      validateIntervals([
        { opens: '13:00', closes: '18:00' },
        { opens: '08:30', closes: '21:30' },
        { opens: '22:00', closes: '23:00' },
      ]),
    ).toEqual([
      { index: 0, code: 'overlap' },
      { index: 1, code: 'overlap' },
    ]);
  });

  it('flags an interval that does not open before it closes, and malformed times', () => {
    expect(
      validateIntervals([
        { opens: '18:00', closes: '09:00' },
        { opens: '8:30', closes: '12:00' },
        { opens: '24:00', closes: '24:00' },
      ]),
    ).toEqual([
      { index: 0, code: 'order' },
      { index: 1, code: 'format' },
      { index: 2, code: 'format' },
    ]);
  });

  it('folds consecutive days with the same hours', () => {
    const week: WeeklyHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
      weekday: weekday as 1 | 2 | 3 | 4 | 5,
      intervals: [{ opens: '08:30', closes: '21:30' }],
    }));
    expect(summarizeWeek(week)).toEqual([
      { from: 1, to: 5, intervals: [{ opens: '08:30', closes: '21:30' }] },
      { from: 6, to: 7, intervals: [] },
    ]);
  });
});

describe('weekly hours editor', () => {
  const initial: WeeklyHours[] = [
    {
      weekday: 1,
      intervals: [
        { opens: '08:30', closes: '12:00' },
        { opens: '14:00', closes: '21:30' },
      ],
    },
  ];

  it('rejects overlapping intervals: shows why and does not save', async () => {
    const wrapper = mount(WeeklyHoursEditor, {
      props: { initial },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    const monday = wrapper.find('[data-weekday="1"]');
    const fields = wrapper.findAllComponents(TimeField);
    // Monday's first interval now closes at 15:00, into the afternoon interval.
    fields[1]?.vm.$emit('update:modelValue', '15:00');
    await flushPromises();

    expect(monday.classes()).toContain('hours-editor__row--invalid');
    expect(monday.text()).toContain('时段之间不能重叠');
    expect(wrapper.find('[data-testid="hours-invalid"]').text()).toContain('周一');
    const save = wrapper.find('[data-testid="hours-save"]');
    expect(save.attributes('disabled')).toBeDefined();
    await save.trigger('click');
    expect(wrapper.emitted('save')).toBeUndefined();

    // Back to a valid time: the week can be saved, Monday first and sorted.
    fields[1]?.vm.$emit('update:modelValue', '13:00');
    await flushPromises();
    expect(wrapper.find('[data-testid="hours-invalid"]').exists()).toBe(false);
    await wrapper.find('[data-testid="hours-save"]').trigger('click');
    const saved = wrapper.emitted('save')?.[0]?.[0] as WeeklyHours[];
    expect(saved).toHaveLength(7);
    expect(saved[0]).toEqual({
      weekday: 1,
      intervals: [
        { opens: '08:30', closes: '13:00' },
        { opens: '14:00', closes: '21:30' },
      ],
    });
    expect(saved[6]).toEqual({ weekday: 7, intervals: [] });
  });

  it('shows the hours without inputs when read-only', () => {
    const wrapper = mount(WeeklyHoursEditor, {
      props: { initial, readonly: true },
      global: { plugins: [i18n] },
    });
    expect(wrapper.findAllComponents(TimeField)).toHaveLength(0);
    expect(wrapper.find('[data-testid="hours-save"]').exists()).toBe(false);
    expect(wrapper.find('[data-weekday="1"]').text()).toContain('08:30 – 12:00');
  });
});
