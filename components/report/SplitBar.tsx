import { Bar } from '@visx/shape';
import { scaleLinear } from '@visx/scale';
import { ChartFigure, INK, type FigureTable } from './ChartFigure';
import { Patterns, fillOf } from './patterns';

const W = 640;

/**
 * Parts of a whole as one bar cut in segments (on site / online / neither), each segment with its
 * pattern, its label and its share written beside a swatch below the bar.
 */
export function SplitBar({
  id,
  title,
  description,
  partHead,
  valueHead,
  shareHead,
  parts,
  format,
  formatShare,
}: {
  id: string;
  title: string;
  description: string;
  partHead: string;
  valueHead: string;
  shareHead: string;
  parts: { key: string; label: string; value: number }[];
  format: (n: number) => string;
  formatShare: (share: number) => string;
}) {
  const total = parts.reduce((s, p) => s + p.value, 0);
  const x = scaleLinear<number>({ domain: [0, Math.max(1, total)], range: [16, W - 16] });
  const before = (i: number) => parts.slice(0, i).reduce((s, p) => s + p.value, 0);
  const segments = parts.map((p, i) => {
    const x0 = x(before(i));
    return { ...p, i, x0, w: x(before(i) + p.value) - x0, share: total ? p.value / total : 0 };
  });
  const table: FigureTable = {
    head: [partHead, valueHead, shareHead],
    rows: segments.map((s) => ({ key: s.key, cells: [s.label, { text: format(s.value), value: s.value }, { text: formatShare(s.share), value: s.share }] })),
  };
  return (
    <ChartFigure id={id} kind="split" title={title} description={description} table={table}>
      <Patterns id={id} />
      {segments.map((s) => (
        <Bar key={s.key} data-part={s.key} x={s.x0} y={24} width={Math.max(0, s.w)} height={96} {...fillOf(id, s.i)} strokeWidth={2} />
      ))}
      {segments.map((s) => (
        <g key={s.key} transform={`translate(16,${150 + s.i * 34})`}>
          <rect width="24" height="24" y="-18" {...fillOf(id, s.i)} strokeWidth={2} />
          <text x="34" fontSize="20" fill={INK.axis}>
            {s.label} — {format(s.value)} ({formatShare(s.share)})
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
