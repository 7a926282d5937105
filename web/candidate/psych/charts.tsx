// uPlot charts of the psych report: five factors (percent of maximum, bars) and the Kraepelin work curve.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface ChartProps {
  /** Accessible name of the chart (the same numbers are in the table next to it). */
  label: string;
  xLabels: string[];
  values: Array<number | null>;
  yLabel: string;
  yMax?: number;
  bars?: boolean;
}

const WIDTH = 640;
const HEIGHT = 260;

export function PsychChart({ label, xLabels, values, yLabel, yMax, bars }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const xs = xLabels.map((_, i) => i + 1);
    const plot = new uPlot(
      {
        width: WIDTH,
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [0.5, xs.length + 0.5] },
          y: { range: [0, yMax ?? Math.max(1, ...values.map((v) => v ?? 0)) + 1] },
        },
        axes: [
          {
            values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (xLabels[t - 1] ?? '') : '')),
            stroke: '#111827',
          },
          { label: yLabel, stroke: '#111827' },
        ],
        series: [
          {},
          bars
            ? {
                label: yLabel,
                fill: '#1e40af',
                stroke: '#1e40af',
                paths: uPlot.paths.bars?.({ size: [0.6, 80] }),
                points: { show: false },
              }
            : {
                label: yLabel,
                stroke: '#1e40af',
                width: 2,
                points: { show: true, size: 7, fill: '#1e40af' },
              },
        ],
      },
      [xs, values],
      el.current,
    );
    return () => plot.destroy();
  }, [xLabels, values, yLabel, yMax, bars]);
  return <div className="chart" role="img" aria-label={label} ref={el} />;
}
