import type { CaptionLine } from '../realtime/protocol';

/**
 * A `caption:line` added to the lines shown: a recognised line arrives partial (`final: false`),
 * grows, then arrives final; each one replaces that speaker's line under way in place (where it
 * started, among the other speakers' lines) rather than adding to it. Typed lines are final and
 * simply added. At most `keep` lines are kept.
 */
export function addCaptionLine(lines: CaptionLine[], line: CaptionLine, keep: number): CaptionLine[] {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.speaker !== line.speaker) continue;
    if (l.final) break;
    return lines.with(i, line);
  }
  return [...lines, line].slice(-keep);
}

/**
 * The lines a screen reader is told of (the caption area's live region): the last `count` final
 * lines. A partial line changes every second or two while recognition goes on: announced, it
 * would flood the listener with drafts of the same sentence.
 */
export const announcedCaptionLines = (lines: CaptionLine[], count: number): CaptionLine[] => lines.filter((l) => l.final).slice(-count);
