import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only what the dashboard draws (bars, axes, legend, tooltip, SVG): the chunk stays a fraction of full ECharts.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** What a click on a bar names: its series and its category. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/** Props of {@link EChart}. */
export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  onClick?: (click: ChartClick) => void;
  testId?: string;
}

/**
 * A tiny ECharts wrapper (no echarts-for-react: it would pull the whole library): one chart, resized with
 * its box, disposed on unmount. Hidden from screen readers: every chart sits beside a table of the same
 * figures with links, which is the accessible way in (and the keyboard's).
 */
export default function EChart({ option, height, onClick, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} aria-hidden="true" data-testid={testId} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
