import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { onBeforeUnmount, onMounted, type Ref, shallowRef, watch } from 'vue';

// Only what a bar chart needs, so the console does not ship the whole of ECharts. SVG keeps the
// bars sharp on a phone and needs no canvas.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** Draws `option` into the element once it has a size, follows its changes and the box's size. */
export function useBarChart(el: Ref<HTMLElement | undefined>, option: Ref<BarChartOption>) {
  const chart = shallowRef<ECharts | null>(null);
  let observer: ResizeObserver | null = null;

  // ECharts cannot lay out a chart in a box of no size.
  function draw() {
    const box = el.value;
    if (!box || box.clientWidth === 0 || box.clientHeight === 0) return;
    if (chart.value) {
      chart.value.resize();
      return;
    }
    chart.value = init(box, null, { renderer: 'svg' });
    chart.value.setOption(option.value);
  }

  // The box may appear after mounting (a page that shows its charts once the data is in).
  function attach(box: HTMLElement | undefined) {
    observer?.disconnect();
    observer = null;
    if (chart.value && chart.value.getDom() !== box) {
      chart.value.dispose();
      chart.value = null;
    }
    if (!box) return;
    draw();
    // The card changes width with the menu and on rotation, not only with the window.
    if (typeof ResizeObserver === 'function') {
      observer = new ResizeObserver(draw);
      observer.observe(box);
    }
  }

  onMounted(() => attach(el.value));
  watch(el, (box, before) => {
    if (box !== before) attach(box);
  });

  // A chart whose bars change in number is laid out anew, not merged with the old bars.
  watch(option, (next) => chart.value?.setOption(next, { notMerge: true }));

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart };
}
