import type { AchievementKind } from '../domain/badges';

/** Colours and a glyph per kind, for the default achievement images. */
const LOOK: Record<AchievementKind, { fill: string; glyph: string }> = {
  participated: { fill: '#2f6f5e', glyph: '●' },
  facilitated: { fill: '#8a4f1d', glyph: '◆' },
  contributed: { fill: '#2d4f8a', glyph: '✎' },
  request: { fill: '#6b3a7a', glyph: '★' },
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function badgeSvg(kind: AchievementKind, name: string, inner = ''): string {
  const { fill, glyph } = LOOK[kind];
  const label = escapeXml(name.length > 28 ? `${name.slice(0, 27)}…` : name);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${inner ? ' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' : ''} width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${label}">` +
    inner +
    `<circle cx="128" cy="128" r="120" fill="${fill}"/><circle cx="128" cy="128" r="104" fill="none" stroke="#fff" stroke-width="4"/>` +
    `<text x="128" y="120" font-size="72" text-anchor="middle" fill="#fff" font-family="sans-serif">${glyph}</text>` +
    `<text x="128" y="176" font-size="15" text-anchor="middle" fill="#fff" font-family="sans-serif">${label}</text></svg>`
  );
}

/** The default image of an achievement: an SVG as a `data:` URI (kept in the credential itself). */
export function achievementImage(kind: AchievementKind, name: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(badgeSvg(kind, name)).toString('base64')}`;
}

/**
 * A baked badge (Open Badges 3.0 §5.3.2, SVG): the image with the signed credential inside an
 * `openbadges:credential` element, so the file alone carries what a verifier needs.
 */
export function bakedSvg(kind: AchievementKind, name: string, credential: unknown): string {
  const json = JSON.stringify(credential).replaceAll(']]>', ']]]]><![CDATA[>');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${badgeSvg(kind, name, `<openbadges:credential><![CDATA[${json}]]></openbadges:credential>`)}`;
}

/** The credential baked into an SVG by `bakedSvg` (or null). */
export function unbakeSvg(svg: string): unknown {
  const open = '<openbadges:credential><![CDATA[';
  const start = svg.indexOf(open);
  const end = svg.lastIndexOf(']]></openbadges:credential>');
  if (start < 0 || end < start) return null;
  return JSON.parse(svg.slice(start + open.length, end).replaceAll(']]]]><![CDATA[>', ']]>'));
}
