// Audit coverage (issue 14): every write operation of the API declares the audit actions its use case records
// (`config: { audit: ['action.name'] }`) or why it records none (`config: { audit: { exempt: 'why' } }`). This test
// walks the app's route table and fails naming
// 1. each POST/PUT/PATCH/DELETE operation without a declaration;
// 2. each declared action that no recordAudit call in src/server writes (the source is scanned for the action);
// 3. each operation declared exempt whose service checks a staff permission (authorize, can, reachesOf, grantsFor,
//    canAbove, authorizeRoleGrant): a staff write must be audited.
// Both databases (the route table does not depend on them; the app is built on each).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WriteRoute, writeRoutesOf } from '../../src/server/platform/auditDeclaration.js';
import { createTestEnv, DIALECTS, type TestEnv, testApp } from '../support.js';

const SRC = path.resolve('src/server');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

interface AuditSource {
  /**
   * Actions written as plain strings: action: 'x.y' (also each branch of a conditional), or any dotted string of a
   * file that calls recordAudit.
   */
  literals: Set<string>;
  /** Actions written as templates, `merchant.${action}`: the prefix and suffix, and the file's string literals. */
  templates: Array<{ file: string; prefix: string; suffix: string; words: Set<string> }>;
}

/** Every audit action the server's source can write. */
export function scanAuditActions(files: Array<{ file: string; text: string }>): AuditSource {
  const literals = new Set<string>();
  const templates: AuditSource['templates'] = [];
  for (const { file, text } of files) {
    const words = new Set([...text.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!));
    // A file that writes audit events may name its actions in a table (e.g. a step → action map): any dotted string
    // of it counts. Route files are skipped: there the string is the declaration itself.
    if (text.includes('recordAudit(') && !file.endsWith('.routes.ts'))
      for (const lit of text.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.add(lit[1]!);
    for (const m of text.matchAll(/\baction: *([^\n]*)/g)) {
      const expr = m[1]!;
      for (const lit of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.add(lit[1]!);
      for (const t of expr.matchAll(/`([a-z_.]*)\$\{[^}]+\}([a-z_.]*)`/g))
        if (t[1]!.includes('.')) templates.push({ file, prefix: t[1]!, suffix: t[2]!, words });
    }
  }
  return { literals, templates };
}

/** Whether an action is written somewhere: a literal, or a template whose variable part is a word of its file. */
export function isWritten(action: string, source: AuditSource): boolean {
  if (source.literals.has(action)) return true;
  return source.templates.some(
    (t) =>
      action.startsWith(t.prefix) &&
      action.endsWith(t.suffix) &&
      action.length > t.prefix.length + t.suffix.length &&
      t.words.has(action.slice(t.prefix.length, action.length - t.suffix.length)),
  );
}

/** The body of `function name` in a source text (brace-matched), or null. */
function functionBody(text: string, name: string): string | null {
  const m = new RegExp(`export (?:async )?function ${name}\\b`).exec(text);
  if (!m) return null;
  // Past the parameter list (parentheses matched), the body opens with the first "{" that ends a line.
  let i = text.indexOf('(', m.index);
  for (let depth = 0; i < text.length; i++) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) break;
  }
  const start = text.indexOf('{\n', i);
  if (start < 0) return null;
  let depth = 0;
  for (i = start; i < text.length; i++) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

const PERMISSION_CHECK =
  /\b(authorize|can|canAbove|reachesOf|grantsFor)\(\s*actor,\s*'([a-z_.]+)'|authorizeRoleGrant\(/;

/** The staff permission a write's service checks, following the handler to the functions it calls with deps. */
export function staffPermissionOf(route: WriteRoute, files: Array<{ file: string; text: string }>): string | null {
  const called = new Set(
    [...route.handlerSource.matchAll(/\b(\w+)\(\s*deps\b/g)].map((m) => m[1]!).filter((n) => n !== 'requireActor'),
  );
  for (const name of called)
    for (const { file, text } of files) {
      const body = functionBody(text, name);
      const m = body && PERMISSION_CHECK.exec(body);
      if (m) return `${path.relative(SRC, file)} ${name}: ${m[0]}`;
    }
  return null;
}

/** The findings: one line per write operation that breaks the rule. */
export function auditCoverageProblems(routes: WriteRoute[], files: Array<{ file: string; text: string }>): string[] {
  const source = scanAuditActions(files);
  const problems: string[] = [];
  for (const r of routes) {
    const name = `${r.method} ${r.url} (${r.operationId ?? 'no operationId'})`;
    const decl = r.audit;
    if (!decl) {
      problems.push(`${name}: no audit declaration (config.audit: ['action'] or { exempt: 'why' })`);
      continue;
    }
    if (Array.isArray(decl)) {
      const actions = decl as readonly string[];
      if (actions.length === 0) problems.push(`${name}: declares an empty list of audit actions`);
      for (const a of actions)
        if (!isWritten(a, source)) problems.push(`${name}: declares '${a}', which no recordAudit call writes`);
    } else {
      const exempt = (decl as { exempt: string }).exempt;
      if (!exempt?.trim()) problems.push(`${name}: exempt without a reason`);
      const staff = staffPermissionOf(r, files);
      if (staff) problems.push(`${name}: declared exempt but checks a staff permission (${staff})`);
    }
  }
  return problems;
}

const files = sourceFiles(SRC).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));

describe.each(DIALECTS)('audit coverage on %s', (dialect) => {
  let env: TestEnv;
  let routes: WriteRoute[];

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    const app = await testApp(env);
    await app.ready();
    routes = writeRoutesOf(app);
    await app.close();
  });
  afterAll(() => env.close());

  it('finds the write routes of the app', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.map((r) => r.operationId)).toEqual(expect.arrayContaining(['login', 'awardPoints', 'unlockAccount']));
  });

  it('has every write operation declare its audit actions (each one written) or why it has none', () => {
    expect(auditCoverageProblems(routes, files)).toEqual([]);
  });

  it('names an undeclared write, a declared action nobody writes, and a staff write declared exempt', () => {
    const route = (operationId: string, audit: WriteRoute['audit'], handlerSource = ''): WriteRoute => ({
      method: 'POST',
      url: `/api/v1/${operationId}`,
      operationId,
      audit,
      handlerSource,
    });
    const reveal = routes.find((r) => r.operationId === 'revealPerson');
    expect(reveal).toBeDefined();
    const problems = auditCoverageProblems(
      [
        route('undeclared', undefined),
        route('phantom', ['person.never_written']),
        route('templated', ['merchant.approve', 'merchant.nonsense']),
        route('lazyExempt', { exempt: 'staff only, but says exempt' }, reveal!.handlerSource),
        route('ownData', { exempt: 'a resident acting on their own data' }, '(req) => x.getMe(deps, req.actor)'),
      ],
      files,
    );
    expect(problems).toEqual([
      expect.stringContaining('(undeclared): no audit declaration'),
      expect.stringContaining("(phantom): declares 'person.never_written'"),
      expect.stringContaining("(templated): declares 'merchant.nonsense'"),
      expect.stringMatching(/\(lazyExempt\): declared exempt but checks a staff permission .*people\.reveal/),
    ]);
  });
});
