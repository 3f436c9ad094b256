import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { CHART, ChartFigure, INK, type FigureTable } from './ChartFigure';
import { Legend, Patterns, fillOf } from './patterns';

export type BarSeries = { label: string; values: number[] };

/**
 * Bars per category, one per series side by side (registrations by day; this edition beside the
 * previous one). Each bar carries its figure when there is room; the table beneath holds them all.
 */
export function BarChart({
  id,
  title,
  description,
  categoryHead,
  categories,
  series,
  format,
  foldLabel,
}: {
  id: string;
  title: string;
  description: string;
  /** The table's first column heading ("Day", "Session"). */
  categoryHead: string;
  categories: { key: string; label: string; short?: string }[];
  series: BarSeries[];
  format: (n: number) => string;
  foldLabel?: string;
}) {
  const { width, height, margin } = CHART;
  const legend = series.length > 1;
  const top = margin.top + (legend ? 12 : 0);
  const innerW = width - margin.left - margin.right;
  const innerH = height - top - margin.bottom;
  const x = scaleBand<string>({ domain: categories.map((c) => c.key), range: [0, innerW], padding: categories.length < 4 ? 0.5 : 0.2 });
  const inner = scaleBand<number>({ domain: series.map((_, i) => i), range: [0, x.bandwidth()], padding: 0.08 });
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0], nice: true });
  const every = Math.max(1, Math.ceil(categories.length / (categories.every((c) => (c.short ?? c.label).length <= 3) ? 16 : 7)));
  const shortOf = new Map(categories.map((c) => [c.key, c.short ?? c.label]));
  const showValues = categories.length * series.length <= 24;
  const table: FigureTable = {
    head: [categoryHead, ...series.map((s) => s.label)],
    rows: categories.map((c, ci) => ({ key: c.key, cells: [c.label, ...series.map((s) => ({ text: format(s.values[ci] ?? 0), value: s.values[ci] ?? 0 }))] })),
  };
  return (
    <ChartFigure id={id} kind="bar" title={title} description={description} table={table} foldLabel={foldLabel}>
      <Patterns id={id} />
      {legend && <Legend id={id} labels={series.map((s) => s.label)} x={margin.left} y={16} />}
      <Group left={margin.left} top={top}>
        {categories.map((c, ci) =>
          series.map((s, si) => {
            const v = s.values[ci] ?? 0;
            const bx = (x(c.key) ?? 0) + (inner(si) ?? 0);
            const by = y(v);
            const { fill, stroke } = fillOf(id, si);
            return (
              <g key={`${c.key}-${si}`} data-bar={c.key} data-series={si}>
                <Bar x={bx} y={by} width={inner.bandwidth()} height={innerH - by} fill={fill} stroke={stroke} />
                {showValues && (
                  <text x={bx + inner.bandwidth() / 2} y={by - 4} textAnchor="middle" fontSize="16" fill={INK.axis}>
                    {format(v)}
                  </text>
                )}
              </g>
            );
          }),
        )}
        <AxisLeft scale={y} tickValues={y.ticks(5).filter(Number.isInteger)} tickFormat={(v) => format(Number(v))} stroke={INK.axis} tickStroke={INK.axis} tickLabelProps={{ fill: INK.axis, fontSize: 17 }} />
        <AxisBottom
          top={innerH}
          scale={x}
          tickValues={categories.filter((_, i) => i % every === 0).map((c) => c.key)}
          tickFormat={(k) => shortOf.get(k) ?? k}
          stroke={INK.axis}
          tickStroke={INK.axis}
          tickLabelProps={{ fill: INK.axis, fontSize: 17, textAnchor: 'middle' }}
        />
      </Group>
    </ChartFigure>
  );
}
