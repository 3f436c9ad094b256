import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleTime } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { CHART, ChartFigure, INK, type FigureTable } from './ChartFigure';

/** A moment marked on the curve: a question put on air, a poll launched. */
export type ChartMarker = { at: string; kind: 'question' | 'poll'; label: string };

const dash = { question: '6 3', poll: '2 3' } as const;

/**
 * A curve over time (a session's attendance), with moments marked as vertical rules, each with a
 * short tag (Q1, P1) drawn on the chart and spelt out in the list beneath it.
 */
export function LineChart({
  id,
  title,
  description,
  timeHead,
  valueHead,
  points,
  markers = [],
  markerTag,
  markersTitle,
  formatTime,
  format,
  foldLabel,
}: {
  id: string;
  title: string;
  description: string;
  timeHead: string;
  valueHead: string;
  points: { at: string; value: number }[];
  markers?: ChartMarker[];
  /** The short tag of a marker on the chart: ("question", 1) → "Q1". */
  markerTag: (kind: ChartMarker['kind'], n: number) => string;
  markersTitle: string;
  formatTime: (d: Date) => string;
  format: (n: number) => string;
  foldLabel?: string;
}) {
  const { width, height, margin } = CHART;
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const times = points.map((p) => Date.parse(p.at));
  const first = Math.min(...times, ...markers.map((m) => Date.parse(m.at)));
  const last = Math.max(...times, ...markers.map((m) => Date.parse(m.at)));
  const x = scaleTime<number>({ domain: [new Date(first), new Date(Math.max(last, first + 60_000))], range: [0, innerW] });
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...points.map((p) => p.value))], range: [innerH, 0], nice: true });
  const counters = { question: 0, poll: 0 };
  const tagged = markers.map((m) => ({ ...m, tag: markerTag(m.kind, ++counters[m.kind]) }));
  const table: FigureTable = {
    head: [timeHead, valueHead],
    rows: points.map((p) => ({ key: p.at, cells: [formatTime(new Date(p.at)), { text: format(p.value), value: p.value }] })),
  };
  const notes =
    tagged.length > 0 ? (
      <div className="text-sm">
        <p className="font-semibold">{markersTitle}</p>
        <ul className="list-none" data-markers={id}>
          {tagged.map((m) => (
            <li key={`${m.tag}-${m.at}`} data-marker={m.kind}>
              <span className="font-mono font-semibold">{m.tag}</span> · <span className="tabular-nums">{formatTime(new Date(m.at))}</span> · {m.label}
            </li>
          ))}
        </ul>
      </div>
    ) : undefined;
  return (
    <ChartFigure id={id} kind="line" title={title} description={description} table={table} foldLabel={foldLabel} notes={notes}>
      <Group left={margin.left} top={margin.top}>
        {tagged.map((m, i) => {
          const mx = x(new Date(m.at));
          const colour = m.kind === 'question' ? INK.question : INK.poll;
          return (
            <g key={`${m.tag}-${m.at}`} data-marker={m.kind}>
              <line x1={mx} x2={mx} y1={0} y2={innerH} stroke={colour} strokeWidth="1.5" strokeDasharray={dash[m.kind]} />
              <text x={mx + 3} y={-6 + (i % 2) * 16} fontSize="16" fontWeight="bold" fill={colour}>
                {m.tag}
              </text>
            </g>
          );
        })}
        <LinePath
          data={points}
          x={(p) => x(new Date(p.at))}
          y={(p) => y(p.value)}
          stroke={INK.primary}
          strokeWidth={2.5}
          data-line={points.length}
        />
        <AxisLeft scale={y} tickValues={y.ticks(5).filter(Number.isInteger)} tickFormat={(v) => format(Number(v))} stroke={INK.axis} tickStroke={INK.axis} tickLabelProps={{ fill: INK.axis, fontSize: 17 }} />
        <AxisBottom
          top={innerH}
          scale={x}
          numTicks={6}
          tickFormat={(d) => formatTime(d instanceof Date ? d : new Date(Number(d)))}
          stroke={INK.axis}
          tickStroke={INK.axis}
          tickLabelProps={{ fill: INK.axis, fontSize: 17, textAnchor: 'middle' }}
        />
      </Group>
    </ChartFigure>
  );
}
