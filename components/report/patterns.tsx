import { INK } from './ChartFigure';

/** Fills that differ by pattern as well as by colour (WCAG 1.4.1): solid, hatched, dotted, empty. */
export function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={INK.secondary} strokeWidth="3" />
      </pattern>
      <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fff" />
        <circle cx="3" cy="3" r="1.6" fill={INK.poll} />
      </pattern>
    </defs>
  );
}

/** The fill and outline of the n-th series or part. */
export function fillOf(id: string, n: number): { fill: string; stroke: string } {
  if (n === 0) return { fill: INK.primary, stroke: INK.primary };
  if (n === 1) return { fill: `url(#${id}-hatch)`, stroke: INK.secondary };
  if (n === 2) return { fill: `url(#${id}-dots)`, stroke: INK.poll };
  return { fill: '#fff', stroke: INK.axis };
}

/** A legend drawn in the chart: a swatch and a label per series, left to right. */
export function Legend({ id, labels, x, y }: { id: string; labels: string[]; x: number; y: number }) {
  const widthOf = (label: string) => 40 + label.length * 10;
  return (
    <g>
      {labels.map((label, i) => {
        const left = x + labels.slice(0, i).reduce((s, l) => s + widthOf(l), 0);
        const { fill, stroke } = fillOf(id, i);
        return (
          <g key={label} transform={`translate(${left},${y})`}>
            <rect width="14" height="14" y="-11" fill={fill} stroke={stroke} />
            <text x="20" fontSize="17" fill={INK.axis}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
