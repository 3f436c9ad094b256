/**
 * What a `next=` path looks like, for the API description: one leading `/` (not `//` nor `/\`) and
 * no control character. `sitePath` is the rule; a value it refuses is answered with 400.
 */
export const SITE_PATH_PATTERN = /^\/(?![/\\])[^\u0000-\u001f\u007f]*$/;

/**
 * A `next=` parameter as a path of this site, or null. Browsers read `\` as `/` and drop tabs and
 * new lines, so `/\evil.example` and `/\t/evil.example` lead elsewhere: the value is resolved the
 * way a browser would, against a placeholder origin, and kept only if it stays there.
 */
export function sitePath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/')) return null;
  // Control characters (tab, new line, NUL…) have no place in a path given to us.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const base = 'http://chemins.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? null : path;
}
