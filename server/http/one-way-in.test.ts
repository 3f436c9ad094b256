import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue 27, "one way in": every route handler is made by `endpoint()` (server/http/endpoint.ts),
// every socket command by the command registrar (`commandsOf`, server/realtime/core.ts). A handler written another way
// fails here, unless it is one of the exceptions below, each with its reason.

const ROOT = join(__dirname, '..', '..');
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Route files answered by something else than `endpoint`, and why. */
const ROUTE_EXCEPTIONS: Record<string, string> = {
  // next-auth's own handler parses, checks (CSRF token, callback URLs) and answers its requests
  // (redirects, its own error pages); the principal is what it establishes.
  'app/api/auth/[...nextauth]/route.ts': 'next-auth v4 handler',
};

/**
 * Server-action files whose exports are not made by a wrapper of server/actions/form-action.ts
 * (`formAction`, `stateAction`, `redirectAction`), each with its reason. None today.
 */
const ACTION_EXCEPTIONS: Record<string, string> = {};

/** The wrappers of server/actions/form-action.ts. */
const ACTION_WRAPPERS = new Set(['formAction', 'stateAction', 'redirectAction']);

/** Socket.IO's own lifecycle events: not commands from a client. */
const SOCKET_LIFECYCLE = new Set(['disconnecting', 'disconnect']);

function files(dir: string, keep: (name: string) => boolean, skip: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return skip.includes(e.name) ? [] : files(full, keep, skip);
    return keep(e.name) ? [full] : [];
  });
}

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

const isEndpointCall = (node: ts.Expression | undefined): boolean =>
  !!node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'endpoint';

/** The HTTP method handlers of a route file that are not made by `endpoint(…)`. */
function handlersOutsideEndpoint(source: ts.SourceFile): string[] {
  const consts = new Map<string, ts.Expression | undefined>();
  for (const st of source.statements) {
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) consts.set(d.name.text, d.initializer);
  }
  const wrong: string[] = [];
  const exported = (mods: ts.NodeArray<ts.ModifierLike> | undefined) => !!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of source.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st.modifiers) && st.name && METHODS.has(st.name.text)) wrong.push(`${st.name.text}: a function`);
    if (ts.isVariableStatement(st) && exported(st.modifiers)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && METHODS.has(d.name.text) && !isEndpointCall(d.initializer)) wrong.push(`${d.name.text}: not endpoint(…)`);
      }
    }
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        if (!METHODS.has(el.name.text)) continue;
        const local = (el.propertyName ?? el.name).text;
        if (st.moduleSpecifier || !isEndpointCall(consts.get(local))) wrong.push(`${el.name.text}: ${local} is not endpoint(…)`);
      }
    }
  }
  return wrong;
}

/** The exported actions of a 'use server' file that are not made by `formAction(…)`. */
function actionsOutsideWrapper(source: ts.SourceFile): string[] {
  const wrong: string[] = [];
  for (const st of source.statements) {
    const exported = ts.canHaveModifiers(st) && !!ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st)) wrong.push(`${st.name?.text ?? 'default'}: a function`);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        const wrapped = !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && ACTION_WRAPPERS.has(init.expression.text);
        if (!wrapped) wrong.push(`${d.name.getText(source)}: not formAction / stateAction / redirectAction(…)`);
      }
    }
  }
  return wrong;
}

/**
 * Socket listeners registered another way than through the command registrar (`commandsOf(commands)`
 * in server/realtime/core.ts): any `socket.on('name', …)` / `socket.once('name', …)` but Socket.IO's
 * own lifecycle events, any `on('name', …)` that is not `on('name', schema, handler)` with `on`
 * made by `commandsOf`, and any catch-all listener (`socket.onAny`, `prependAny`) but the
 * registrar's `dispatch`.
 */
function listenersOutsideCommand(source: ts.SourceFile): string[] {
  const wrong: string[] = [];
  const registrars = new Set<string>();
  const isCommandsOf = (e: ts.Expression) => ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'commandsOf';
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isCommandsOf(node.initializer)) registrars.add(node.name.text);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const bySocket = ts.isPropertyAccessExpression(callee) && /^(on|once)$/.test(callee.name.text) && ts.isIdentifier(callee.expression) && callee.expression.text === 'socket';
      const byRegistrar = (ts.isIdentifier(callee) && callee.text === 'on') || isCommandsOf(callee);
      const [name] = node.arguments;
      const catchAll = ts.isPropertyAccessExpression(callee) && /^(onAny|prependAny)$/.test(callee.name.text);
      if (catchAll && !(name && ts.isIdentifier(name) && name.text === 'dispatch')) {
        wrong.push(`${callee.name.text} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
      }
      if (name && ts.isStringLiteralLike(name) && !SOCKET_LIFECYCLE.has(name.text)) {
        const registered = byRegistrar && node.arguments.length === 3 && (isCommandsOf(callee) || registrars.has((callee as ts.Identifier).text));
        if (bySocket || (byRegistrar && !registered)) wrong.push(`${name.text} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return wrong;
}

describe('one way in', () => {
  const routes = files(join(ROOT, 'app'), (n) => /^route\.(ts|tsx)$/.test(n)).map((f) => relative(ROOT, f));

  it('finds the route files', () => {
    expect(routes.length).toBeGreaterThan(50);
  });

  it('makes every route handler with endpoint()', () => {
    const wrong = routes.filter((f) => !(f in ROUTE_EXCEPTIONS)).flatMap((f) => handlersOutsideEndpoint(parse(join(ROOT, f))).map((w) => `${f} ${w}`));
    expect(wrong).toEqual([]);
  });

  it('lists only exceptions that exist and that need one', () => {
    for (const f of Object.keys(ROUTE_EXCEPTIONS)) {
      expect(routes).toContain(f);
      expect(handlersOutsideEndpoint(parse(join(ROOT, f))).length, f).toBeGreaterThan(0);
    }
  });

  const actionFiles = files(ROOT, (n) => /\.tsx?$/.test(n) && !n.endsWith('.test.ts'), ['node_modules', '.next', '.git', '.cache', '.data', '.test-data'])
    .filter((f) => /^\s*['"]use server['"]/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));

  it('finds the server-action files', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(10);
  });

  it('makes every server action with formAction(), stateAction() or redirectAction()', () => {
    const wrong = actionFiles.filter((f) => !(f in ACTION_EXCEPTIONS)).flatMap((f) => actionsOutsideWrapper(parse(join(ROOT, f))).map((w) => `${f} ${w}`));
    expect(wrong).toEqual([]);
    for (const f of Object.keys(ACTION_EXCEPTIONS)) {
      expect(actionFiles, f).toContain(f);
      expect(actionsOutsideWrapper(parse(join(ROOT, f))).length, f).toBeGreaterThan(0);
    }
  });

  it('registers every socket command through the command registrar', () => {
    const realtime = files(join(ROOT, 'server', 'realtime'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
    const wrong = realtime.flatMap((f) => listenersOutsideCommand(parse(f)).map((w) => `${relative(ROOT, f)}: ${w}`));
    expect(wrong).toEqual([]);
  });

  it('catches a handler written the old way', () => {
    const src = (code: string) => ts.createSourceFile('route.ts', code, ts.ScriptTarget.Latest, true);
    expect(handlersOutsideEndpoint(src('export async function GET(req: Request) { return new Response(); }'))).toEqual(['GET: a function']);
    expect(handlersOutsideEndpoint(src('const h = (req: Request) => new Response();\nexport { h as POST };'))).toEqual(['POST: h is not endpoint(…)']);
    expect(handlersOutsideEndpoint(src("export { GET } from './other';"))).toEqual(['GET: GET is not endpoint(…)']);
    expect(actionsOutsideWrapper(src("'use server';\nexport async function saveAction() {}\nexport const ok = formAction({}, run);"))).toEqual(['saveAction: a function']);
    expect(actionsOutsideWrapper(src("'use server';\nexport const a = redirectAction({}, run), b = stateAction({}, run);\nexport const c = wrap(run);\nexport type T = 1;"))).toEqual([
      'c: not formAction / stateAction / redirectAction(…)',
    ]);
    expect(handlersOutsideEndpoint(src('export const PUT = endpoint({}, () => new Response());\nexport const dynamic = 1;'))).toEqual([]);
    expect(listenersOutsideCommand(src("socket.on('question:ask', async () => {});"))).toEqual(['question:ask (line 1)']);
    expect(listenersOutsideCommand(src("const on = socket.on.bind(socket);\non('a:b', async () => {});"))).toEqual(['a:b (line 2)']);
    expect(listenersOutsideCommand(src("const on = commandsOf(commands);\non('a:b', h);"))).toEqual(['a:b (line 2)']);
    expect(listenersOutsideCommand(src("const on = commandsOf(commands);\non('a:b', s, h);\ncommandsOf(commands)('c:d', s, h);\nsocket.on('disconnecting', () => {});\nsocket.onAny(dispatch);"))).toEqual([]);
    expect(listenersOutsideCommand(src("socket.onAny((event, payload) => {});"))).toEqual(['onAny (line 1)']);
  });
});
