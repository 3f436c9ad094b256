import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Everything a person reads comes from messages/fr.json and messages/en.json (docs/i18n.md). This
// test reads the pages and components with the TypeScript compiler and lists the text written in
// them: JSX text, string literals given to attributes a person reads or hears (aria-label, title,
// placeholder, alt…), string literals inside JSX expressions, page titles and descriptions; then
// the mail and export code, whose string literals must not hold sentences. A finding is either moved to the catalogues or, when it is not
// language (a brand, a technical name, a symbol), added to ALLOWED with the reason.

const ROOT = path.resolve(import.meta.dirname, '..');

/** Text that is the same in every language, each with why. */
const ALLOWED = new Set([
  'Chemins', // the platform's name
  'EndorsementCredential', // the Open Badges 3.0 type name, linked to its JSON
  'Open Badges', // the standard's name
  'JSON',
  'CSV',
  'Markdown',
  'iCal',
  'RSS',
  'Atom',
  'ORCID',
  'LiveKit',
  'QR',
  'OpenBadgeCredential (JSON-LD)', // a link to the credential's JSON, named by its type
  'iCalendar (.ics)', // formats, named by their standards and file names
  'schedule.xml',
  'schedule.json',
  '/people/', // a path shown as it is typed (admin, after merging two people)
  'CC', // licence families on a licence badge (Creative Commons, open licences), as written on licences
  'OL',
]);

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/** Holds a word (two letters in a row); symbols, numbers and punctuation alone are not language. */
const hasWords = (s: string) => /\p{L}{2,}/u.test(s);

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ext.test(d.name) && !d.name.includes('.test.'))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

type Finding = string;

/** The text written in one .tsx file for a person to read. */
export function jsxFindings(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const report = (n: ts.Node, text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (hasWords(t) && !ALLOWED.has(t)) out.push(`${where(n)} ${JSON.stringify(t)}`);
  };
  /** String literals that end up as text: the expression itself or either branch of a condition. */
  const literalsOf = (e: ts.Expression, visit: (l: ts.StringLiteralLike) => void) => {
    if (ts.isStringLiteralLike(e)) visit(e);
    else if (ts.isParenthesizedExpression(e)) literalsOf(e.expression, visit);
    else if (ts.isConditionalExpression(e)) {
      literalsOf(e.whenTrue, visit);
      literalsOf(e.whenFalse, visit);
    } else if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      literalsOf(e.right, visit);
    } else if (ts.isTemplateExpression(e)) {
      const parts = [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
      if (hasWords(parts)) report(e, parts);
    }
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) report(n, n.text);
    else if (ts.isJsxExpression(n) && n.expression && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
      literalsOf(n.expression, (l) => report(l, l.text));
    } else if (ts.isPropertyAssignment(n) && /^(title|description)$/.test(n.name.getText(sf)) && ts.isStringLiteralLike(n.initializer)) {
      // Page metadata (the tab's title, the description): `generateMetadata` with the catalogue.
      report(n.initializer, n.initializer.text);
    } else if (ts.isJsxAttribute(n) && READ_ATTRIBUTES.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) literalsOf(init.expression, (l) => report(l, l.text));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * Sentences in mail code: string literals and template text with two words in a row. Headers,
 * URLs and content types are not sentences (no space between words), nor are log and error
 * messages for operators (the argument of logger calls and of `new …Error`), nor the `message` of
 * an API refusal (`apiError`), which is for API clients: a person reads its code's text.
 */
export function mailFindings(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Finding[] = [];
  const sentence = (s: string) => /\p{L}{2,}[ \u00a0]+\p{L}{2,}/u.test(s);
  const forOperators = (n: ts.Node): boolean => {
    for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
      if (ts.isNewExpression(p) && /Error$/.test(p.expression.getText(sf))) return true;
      if (ts.isCallExpression(p) && /^(logger\(\)\.\w+|apiError|markMailInvalid)$/.test(p.expression.getText(sf))) return true;
      if (ts.isImportDeclaration(p)) return true;
    }
    return false;
  };
  const visit = (n: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteralLike(n)) text = n.text;
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) text = n.text;
    if (text !== null && sentence(text) && !forOperators(n)) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1} ${JSON.stringify(text)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('no text for a person outside the catalogues', () => {
  it('finds written text (the scanner itself)', () => {
    const sample = `export const A = () => <p title="Fermer la fenêtre" aria-label={x ? 'Ouvrir' : t('y')}>Bonjour {'à vous'} {t('ok')} ▲ 1 <b>Chemins</b></p>;`;
    expect(jsxFindings('sample.tsx', sample).map((f) => f.replace(/^sample\.tsx:\d+ /, ''))).toEqual(['"Fermer la fenêtre"', '"Ouvrir"', '"Bonjour"', '"à vous"']);
    expect(jsxFindings('page.tsx', "export const metadata = { title: 'Connexion', robots: { index: false } };")).toHaveLength(1);
    expect(mailFindings('m.ts', "send({ subject: `Inscription confirmée : ${x}`, text: t('body') }); logger().info('Mail not sent here'); throw new Error('Too many links');")).toHaveLength(1);
  });

  it('pages and components: JSX text and read attributes come from the catalogues', () => {
    const findings = [...files('app', /\.tsx$/), ...files('components', /\.tsx$/)].flatMap((f) => jsxFindings(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(findings).toEqual([]);
  });

  it('mail code: subjects and bodies come from the catalogues', () => {
    // (server/mail/transport.ts is the transport: its only sentences are for operators and developers.)
    const mailCode = ['server/mail/worker.ts', 'server/mail/registration.ts', 'server/mail/kinds.ts', 'server/auth/options.ts', 'server/paths/mail.ts', 'server/calls/mail.ts', 'lib/exports/ical.ts', 'lib/exports/qa.ts', 'server/exports/qa.ts'];
    const findings = mailCode.flatMap((f) => mailFindings(f, readFileSync(path.join(ROOT, f), 'utf8')));
    expect(findings).toEqual([]);
  });
});
