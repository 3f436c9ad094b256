import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The catalogue reaches the browser only through `ClientMessages` layouts (components/ClientMessages.tsx).
// A page that renders, however deep, a client component that translates must sit under one, or
// that component fails at run time (next-intl: no messages). This walks the import graph.
const ROOT = path.resolve(import.meta.dirname, '..');
const HOOKS = /\b(useTranslations|useFormatter|useLocale|useNow|useMessages|useTimeZone)\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, 'index.tsx'), path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
const source = (file: string) => sources.get(file) ?? (sources.set(file, readFileSync(file, 'utf8')), sources.get(file)!);
const imports = (file: string) =>
  [...source(file).matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'|import\('([^']+)'\)/g)]
    .map((m) => resolve(file, m[1] ?? m[2]!))
    .filter((f): f is string => f !== null);
const translatingClient = (file: string) => /^\s*['"]use client['"]/.test(source(file)) && HOOKS.test(source(file)) && /from 'next-intl'/.test(source(file));

/** The translating client components a module renders or imports, however deep. */
function reached(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return [...(translatingClient(file) ? [file] : []), ...imports(file).flatMap((f) => reached(f, seen))];
}

/** Whether a layout above the page (or the page itself) provides the messages. */
function provided(page: string): boolean {
  if (/ClientMessages|NextIntlClientProvider/.test(source(page))) return true;
  for (let dir = path.dirname(page); dir.startsWith(path.join(ROOT, 'app')); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    if (existsSync(layout) && layout !== page && /ClientMessages|NextIntlClientProvider/.test(source(layout))) return true;
  }
  return false;
}

describe('client components that translate', () => {
  const entries = files(path.join(ROOT, 'app')).filter((f) => /\/(page|layout|not-found|error|loading|template)\.tsx$/.test(f));

  it('are rendered only under a layout that gives them the catalogue', () => {
    const missing = entries.filter((e) => !provided(e) && reached(e).length > 0).map((e) => `${path.relative(ROOT, e)} → ${reached(e).map((f) => path.relative(ROOT, f)).join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('are found by this walk (it is not vacuous)', () => {
    const session = entries.find((e) => e.endsWith(path.join('sessions', '[sessionSlug]', 'page.tsx')));
    expect(session && reached(session).map((f) => path.basename(f))).toContain('LivePanel.tsx');
  });

  it('are not on the light pages (programme, path, resource): they ship no catalogue', () => {
    for (const page of ['app/events/[slug]/page.tsx', 'app/paths/[slug]/page.tsx', 'app/resources/[slug]/page.tsx']) {
      expect({ page, provided: provided(path.join(ROOT, page)) }).toEqual({ page, provided: false });
    }
  });
});
