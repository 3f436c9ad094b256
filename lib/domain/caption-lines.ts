import type { CaptionLine } from '../realtime/protocol';

/**
 * A `caption:line` added to the lines shown: a recognised line arrives partial (`final: false`),
 * grows, then arrives final; each one replaces that speaker's partial line under way rather than
 * adding to it. Typed lines are final and simply added. At most `keep` lines are kept.
 */
export function addCaptionLine(lines: CaptionLine[], line: CaptionLine, keep: number): CaptionLine[] {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.speaker !== line.speaker) continue;
    if (l.final) break;
    return [...lines.slice(0, i), ...lines.slice(i + 1), line].slice(-keep);
  }
  return [...lines, line].slice(-keep);
}
