// shardCheck: does one SQL statement keep to the shard-key discipline a Citus cluster distributed by district_id
// needs (docs/SCALING.md)? Pure: SQL text and the district tables in, violations out. No SQL parser is installed, so
// this reads the token stream Kysely (and our sql`` fragments) emit: query blocks (select / update / delete / insert,
// subqueries, CTEs, derived tables), their table references, and the equalities of their WHERE, ON and HAVING.
//
// A district_id column is "pinned" when an AND-ed equality ties it to a parameter or literal (`= $1`, `in ($1, $2)`,
// every branch of an OR), or to another pinned district_id (`a.district_id = b.district_id`, across subqueries too).
// Violations:
//   unscoped        a district table read, updated or deleted without its district_id pinned (reads every shard)
//   join-mismatch   a district table joined or correlated with another without matching district_id (neither the
//                   same equality class nor both pinned)
//   sets-district   an UPDATE (or ON CONFLICT DO UPDATE) that sets district_id
//   simple-case     `case x when …` in an UPDATE's SET, which Citus rewrites wrongly: write `case when x = …`

export type ShardViolationKind = 'unscoped' | 'join-mismatch' | 'sets-district' | 'simple-case';

export interface ShardViolation {
  kind: ShardViolationKind;
  table: string;
  /** A short explanation in words. */
  detail: string;
}

type Tok =
  | { t: 'word'; v: string } // bare word, lower-cased (keywords and unquoted identifiers)
  | { t: 'ident'; v: string } // "quoted" identifier
  | { t: 'param' | 'string' | 'number'; v: string }
  | { t: 'op'; v: string }
  | { t: 'group'; v: Tok[] };

/** Splits SQL into tokens, parentheses into nested groups. */
function tokenize(sqlText: string): Tok[] {
  const root: Tok[] = [];
  const stack: Tok[][] = [root];
  const push = (tok: Tok) => stack[stack.length - 1]?.push(tok);
  let i = 0;
  const s = sqlText;
  while (i < s.length) {
    const c = s.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && s.charAt(i + 1) === '-') {
      const end = s.indexOf('\n', i);
      i = end < 0 ? s.length : end;
    } else if (c === '/' && s.charAt(i + 1) === '*') {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 2;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < s.length) {
        if (s.charAt(j) === '"') {
          if (s.charAt(j + 1) === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += s.charAt(j++);
      }
      push({ t: 'ident', v });
      i = j + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < s.length) {
        if (s.charAt(j) === "'") {
          if (s.charAt(j + 1) === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      push({ t: 'string', v: s.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '$' && /[0-9]/.test(s.charAt(i + 1))) {
      let j = i + 1;
      while (/[0-9]/.test(s.charAt(j))) j++;
      push({ t: 'param', v: s.slice(i, j) });
      i = j;
    } else if (c === '?') {
      push({ t: 'param', v: '?' });
      i++;
    } else if (/[0-9]/.test(c)) {
      let j = i;
      while (/[0-9.eE]/.test(s.charAt(j))) j++;
      push({ t: 'number', v: s.slice(i, j) });
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (/[A-Za-z0-9_$]/.test(s.charAt(j))) j++;
      push({ t: 'word', v: s.slice(i, j).toLowerCase() });
      i = j;
    } else if (c === '(') {
      const group: Tok[] = [];
      push({ t: 'group', v: group });
      stack.push(group);
      i++;
    } else if (c === ')') {
      if (stack.length > 1) stack.pop();
      i++;
    } else if (c === ',' || c === '.' || c === ';' || c === '[' || c === ']') {
      push({ t: 'op', v: c });
      i++;
    } else {
      let j = i;
      while (j < s.length && /[<>=!~+\-*/%^|&:@#]/.test(s.charAt(j))) j++;
      if (j === i) j = i + 1;
      push({ t: 'op', v: s.slice(i, j) });
      i = j;
    }
  }
  return root;
}

const isWord = (tok: Tok | undefined, ...words: string[]): boolean =>
  !!tok && tok.t === 'word' && (words.length === 0 || words.includes(tok.v));
const isOp = (tok: Tok | undefined, op: string): boolean => !!tok && tok.t === 'op' && tok.v === op;
const isName = (tok: Tok | undefined): tok is { t: 'word' | 'ident'; v: string } =>
  !!tok && (tok.t === 'ident' || (tok.t === 'word' && !KEYWORDS.has(tok.v)));
const isSubquery = (tok: Tok | undefined): boolean =>
  !!tok && tok.t === 'group' && isWord(tok.v[0], 'select', 'with', 'values');

const KEYWORDS = new Set(
  (
    'select from where group by having order limit offset join inner left right full outer cross on using as and or ' +
    'not in is null exists union all intersect except distinct update set delete insert into values returning with ' +
    'recursive lateral for share nowait skip locked conflict do nothing case when then else end between like ilike ' +
    'any some asc desc nulls first last default true false cast window over partition filter natural'
  ).split(' '),
);

/** A simple CASE (`case x when …`) anywhere in the tokens, subqueries included. */
function hasSimpleCase(toks: Tok[]): boolean {
  return toks.some(
    (tok, i) => (isWord(tok, 'case') && !isWord(toks[i + 1], 'when')) || (tok.t === 'group' && hasSimpleCase(tok.v)),
  );
}

/** Splits a token list at top-level occurrences of a separator. */
function splitOn(toks: Tok[], sep: (tok: Tok, i: number) => boolean): Tok[][] {
  const out: Tok[][] = [[]];
  toks.forEach((tok, i) => {
    if (sep(tok, i)) out.push([]);
    else out[out.length - 1]?.push(tok);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Equality classes of district_id columns (union-find with a "pinned" flag per class)

class Classes {
  private parent: number[] = [];
  private pinnedFlag: boolean[] = [];
  node(): number {
    this.parent.push(this.parent.length);
    this.pinnedFlag.push(false);
    return this.parent.length - 1;
  }
  find(n: number): number {
    let r = n;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[ra] = rb;
    this.pinnedFlag[rb] = (this.pinnedFlag[rb] ?? false) || (this.pinnedFlag[ra] ?? false);
  }
  pin(n: number): void {
    this.pinnedFlag[this.find(n)] = true;
  }
  pinned(n: number): boolean {
    return this.pinnedFlag[this.find(n)] ?? false;
  }
  same(a: number, b: number): boolean {
    return this.find(a) === this.find(b);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Query blocks

interface Ref {
  table: string;
  alias: string;
  /** A district table (as opposed to a global table, CTE or derived table). */
  district: boolean;
  /** The node of this reference's district_id (for CTEs and derived tables: what they project as district_id). */
  node: number;
}

interface Block {
  parent: Block | null;
  refs: Ref[];
  ctes: Map<string, Block>;
  /** Conditions (WHERE, ON, HAVING, ON CONFLICT … WHERE) as token lists. */
  conds: Tok[][];
  /** Other tokens that may hold subqueries (select list, SET values, VALUES, …). */
  rest: Tok[][];
  /** The node for the district_id this block projects, when its select list names one. */
  projected: number | null;
  /** USING (… district_id …) joins: pairs of refs to link. */
  usingLinks: Array<[Ref, Ref]>;
}

class Analyzer {
  readonly classes = new Classes();
  readonly blocks: Block[] = [];
  readonly violations: ShardViolation[] = [];
  constructor(private readonly districtTables: ReadonlySet<string>) {}

  newBlock(parent: Block | null): Block {
    const b: Block = { parent, refs: [], ctes: new Map(), conds: [], rest: [], projected: null, usingLinks: [] };
    this.blocks.push(b);
    return b;
  }

  lookupCte(block: Block | null, name: string): Block | undefined {
    for (let b = block; b; b = b.parent) {
      const cte = b.ctes.get(name);
      if (cte) return cte;
    }
    return undefined;
  }

  /** Parses a statement or subquery body into blocks; returns the first (main) block. */
  parseQuery(toks: Tok[], parent: Block | null): Block {
    let i = 0;
    const ctes = new Map<string, Block>();
    if (isWord(toks[0], 'with')) {
      i = 1;
      if (isWord(toks[i], 'recursive')) i++;
      for (;;) {
        const name = toks[i];
        if (!isName(name)) break;
        i++;
        if (toks[i]?.t === 'group' && !isSubquery(toks[i])) i++; // column list
        if (isWord(toks[i], 'as')) i++;
        if (isWord(toks[i], 'not')) i++;
        if (isWord(toks[i], 'materialized')) i++;
        const body = toks[i];
        if (body?.t !== 'group') break;
        const holder = this.newBlock(parent);
        holder.ctes = new Map(ctes);
        ctes.set(name.v, this.parseQuery(body.v, holder));
        i++;
        if (isOp(toks[i], ',')) i++;
        else break;
      }
    }
    const rest = toks.slice(i);
    const scope = this.newBlock(parent);
    scope.ctes = ctes;
    // Set operations: each select is its own block sharing the CTEs.
    const parts = splitOn(rest, (tok) => isWord(tok, 'union', 'intersect', 'except'));
    let first: Block | null = null;
    for (const part of parts) {
      let p = part;
      while (isWord(p[0], 'all', 'distinct')) p = p.slice(1);
      const only = p[0];
      if (p.length === 1 && only?.t === 'group' && isSubquery(only)) {
        const inner = this.parseQuery(only.v, scope);
        first ??= inner;
        continue;
      }
      const b = this.parseSimple(p, scope);
      first ??= b;
    }
    return first ?? scope;
  }

  /** One SELECT / UPDATE / DELETE / INSERT without set operations. */
  parseSimple(toks: Tok[], parent: Block): Block {
    const b = this.newBlock(parent);
    const head = toks[0];
    if (isWord(head, 'select')) this.parseSelect(toks, b);
    else if (isWord(head, 'update')) this.parseUpdate(toks, b);
    else if (isWord(head, 'delete')) this.parseDelete(toks, b);
    else if (isWord(head, 'insert')) this.parseInsert(toks, b);
    else if (isWord(head, 'values')) b.rest.push(toks);
    else b.rest.push(toks);
    return b;
  }

  /** Clauses of a block, keyed by the keyword that opens them, in order. */
  clauses(toks: Tok[], openers: string[]): Array<{ key: string; toks: Tok[] }> {
    const out: Array<{ key: string; toks: Tok[] }> = [];
    let cur: { key: string; toks: Tok[] } = { key: '', toks: [] };
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i];
      if (tok && tok.t === 'word' && openers.includes(tok.v)) {
        // "on conflict" and "do update set" are single clauses; "group by"/"order by" keep their "by".
        let key = tok.v;
        if (key === 'on' && isWord(toks[i + 1], 'conflict')) {
          key = 'on conflict';
          i++;
        } else if (key === 'do' && isWord(toks[i + 1], 'update')) {
          key = 'do update';
          i += 2; // skip "update set"
        } else if (key === 'do' && isWord(toks[i + 1], 'nothing')) {
          i++;
          continue;
        }
        out.push(cur);
        cur = { key, toks: [] };
        continue;
      }
      if (tok) cur.toks.push(tok);
    }
    out.push(cur);
    return out;
  }

  parseSelect(toks: Tok[], b: Block): void {
    const cls = this.clauses(toks, [
      'select',
      'from',
      'where',
      'group',
      'having',
      'order',
      'limit',
      'offset',
      'for',
      'window',
    ]);
    for (const c of cls) {
      if (c.key === 'select') {
        b.rest.push(c.toks);
        b.projected = this.projectedDistrict(c.toks, b);
      } else if (c.key === 'from') this.parseFrom(c.toks, b);
      else if (c.key === 'where' || c.key === 'having') b.conds.push(c.toks);
      else b.rest.push(c.toks);
    }
  }

  parseUpdate(toks: Tok[], b: Block): void {
    // update "t" [as "a"] set … [from …] [where …] [returning …]
    let i = 1;
    if (isWord(toks[i], 'only')) i++;
    const target = this.tableAt(toks, i, b);
    const cls = this.clauses(toks.slice(target.next), ['set', 'from', 'where', 'returning']);
    for (const c of cls) {
      if (c.key === 'set') this.checkSet(c.toks, target.ref?.table ?? '?', b);
      else if (c.key === 'from') this.parseFrom(c.toks, b);
      else if (c.key === 'where') b.conds.push(c.toks);
      else b.rest.push(c.toks);
    }
  }

  parseDelete(toks: Tok[], b: Block): void {
    // delete from "t" [as "a"] [using …] [where …] [returning …]
    let i = 1;
    if (isWord(toks[i], 'from')) i++;
    if (isWord(toks[i], 'only')) i++;
    const target = this.tableAt(toks, i, b);
    const cls = this.clauses(toks.slice(target.next), ['using', 'where', 'returning']);
    for (const c of cls) {
      if (c.key === 'using') this.parseFrom(c.toks, b);
      else if (c.key === 'where') b.conds.push(c.toks);
      else b.rest.push(c.toks);
    }
  }

  parseInsert(toks: Tok[], b: Block): void {
    // insert into "t" [as "a"] [(cols)] values … | select … | default values [on conflict …] [returning …]
    let i = 1;
    if (isWord(toks[i], 'into')) i++;
    const nameTok = toks[i];
    const table = isName(nameTok) ? nameTok.v : '?';
    i++;
    if (isOp(toks[i], '.') && isName(toks[i + 1])) i += 2; // schema-qualified: keep the first as good enough
    if (isWord(toks[i], 'as')) i += 2;
    if (toks[i]?.t === 'group' && !isSubquery(toks[i])) i++;
    const body = toks.slice(i);
    // The source (VALUES or a query, whose own ON clauses stay its own) ends at ON CONFLICT or RETURNING.
    let end = body.findIndex(
      (tok, k) => (isWord(tok, 'on') && isWord(body[k + 1], 'conflict')) || isWord(tok, 'returning'),
    );
    if (end < 0) end = body.length;
    const source = body.slice(0, end);
    if (isWord(source[0], 'select', 'with')) this.parseQuery(source, b);
    else b.rest.push(source);
    const cls = this.clauses(body.slice(end), ['on', 'do', 'returning']);
    for (const c of cls) {
      if (c.key === '') {
        b.rest.push(c.toks);
      } else if (c.key === 'do update') {
        const w = splitOn(c.toks, (tok) => isWord(tok, 'where'));
        this.checkSet(w[0] ?? [], table, b);
        for (const cond of w.slice(1)) b.conds.push(cond);
      } else b.rest.push(c.toks);
    }
  }

  /** Flags SET items that assign district_id. */
  checkSet(toks: Tok[], table: string, b: Block): void {
    for (const item of splitOn(toks, (tok) => isOp(tok, ','))) {
      const eq = item.findIndex((tok) => isOp(tok, '='));
      const lhs = eq < 0 ? item : item.slice(0, eq);
      const names = lhs.flatMap((tok) => (tok.t === 'group' ? tok.v : [tok])).filter(isName);
      if (names.some((n) => n.v === 'district_id')) {
        this.violations.push({ kind: 'sets-district', table, detail: `UPDATE of ${table} sets district_id` });
      }
      const value = eq < 0 ? [] : item.slice(eq + 1);
      if (hasSimpleCase(value)) {
        this.violations.push({ kind: 'simple-case', table, detail: `UPDATE of ${table} uses case <expr> when …` });
      }
      b.rest.push(value);
    }
  }

  /** A table name (optionally schema-qualified) with optional alias at toks[i]. */
  tableAt(toks: Tok[], i: number, b: Block): { ref: Ref | null; next: number } {
    let j = i;
    const first = toks[j];
    if (!isName(first)) return { ref: null, next: j };
    let name = first.v;
    j++;
    if (isOp(toks[j], '.') && isName(toks[j + 1])) {
      name = (toks[j + 1] as { v: string }).v;
      j += 2;
    }
    let alias = name;
    if (isWord(toks[j], 'as') && isName(toks[j + 1])) {
      alias = (toks[j + 1] as { v: string }).v;
      j += 2;
    } else if (isName(toks[j])) {
      alias = (toks[j] as { v: string }).v;
      j++;
    }
    const ref = this.addRef(b, name, alias);
    return { ref, next: j };
  }

  addRef(b: Block, table: string, alias: string): Ref {
    const cte = this.lookupCte(b, table);
    const node = this.classes.node();
    if (cte?.projected != null) this.classes.union(node, cte.projected);
    const ref: Ref = { table, alias, district: !cte && this.districtTables.has(table), node };
    b.refs.push(ref);
    return ref;
  }

  /** FROM list with joins. */
  parseFrom(toks: Tok[], b: Block): void {
    let i = 0;
    let expectItem = true;
    while (i < toks.length) {
      const tok = toks[i];
      if (!tok) break;
      if (isOp(tok, ',')) {
        expectItem = true;
        i++;
        continue;
      }
      if (isWord(tok, 'join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'natural')) {
        if (isWord(tok, 'join')) expectItem = true;
        i++;
        continue;
      }
      if (isWord(tok, 'lateral')) {
        i++;
        continue;
      }
      if (isWord(tok, 'on')) {
        // ON condition: up to the next join keyword or comma.
        let j = i + 1;
        while (
          j < toks.length &&
          !isOp(toks[j], ',') &&
          !isWord(toks[j], 'join', 'inner', 'left', 'right', 'full', 'cross', 'natural')
        )
          j++;
        b.conds.push(toks.slice(i + 1, j));
        i = j;
        continue;
      }
      if (isWord(tok, 'using') && toks[i + 1]?.t === 'group') {
        const cols = (toks[i + 1] as { v: Tok[] }).v.filter(isName).map((t) => t.v);
        const last = b.refs[b.refs.length - 1];
        const prev = b.refs[b.refs.length - 2];
        if (cols.includes('district_id') && last && prev) b.usingLinks.push([prev, last]);
        i += 2;
        continue;
      }
      if (expectItem) {
        expectItem = false;
        if (tok.t === 'group') {
          // Derived table: (select …) [as] alias [(cols)]
          const inner = isSubquery(tok) ? this.parseQuery(tok.v, b) : null;
          let j = i + 1;
          if (isWord(toks[j], 'as')) j++;
          const aliasTok = toks[j];
          const alias = isName(aliasTok) ? aliasTok.v : `(derived ${b.refs.length})`;
          if (isName(aliasTok)) j++;
          if (toks[j]?.t === 'group') j++;
          const node = this.classes.node();
          if (inner?.projected != null) this.classes.union(node, inner.projected);
          b.refs.push({ table: `(subquery ${alias})`, alias, district: false, node });
          i = j;
          continue;
        }
        if (isName(tok) && toks[i + 1]?.t === 'group') {
          // Function in FROM (unnest, generate_series, json_to_recordset): not a table.
          b.rest.push((toks[i + 1] as { v: Tok[] }).v);
          let j = i + 2;
          if (isWord(toks[j], 'with')) j += 2; // with ordinality
          if (isWord(toks[j], 'as')) j++;
          const aliasTok = toks[j];
          if (isName(aliasTok)) {
            j++;
            b.refs.push({
              table: `(function ${aliasTok.v})`,
              alias: aliasTok.v,
              district: false,
              node: this.classes.node(),
            });
          }
          if (toks[j]?.t === 'group') j++;
          i = j;
          continue;
        }
        const r = this.tableAt(toks, i, b);
        i = Math.max(r.next, i + 1);
        continue;
      }
      i++;
    }
  }

  /** The district_id column a select list passes through (`"x"."district_id"`, `district_id`, `… as "district_id"`). */
  projectedDistrict(toks: Tok[], b: Block): number | null {
    for (const item of splitOn(toks, (tok) => isOp(tok, ','))) {
      const items = isWord(item[0], 'distinct') ? item.slice(1) : item;
      const asAt = items.findIndex((tok) => isWord(tok, 'as'));
      const expr = asAt < 0 ? items : items.slice(0, asAt);
      const outName = asAt < 0 ? null : items[asAt + 1];
      const star =
        expr.length > 0 && isOp(expr[expr.length - 1], '*') && (expr.length === 1 || isOp(expr[expr.length - 2], '.'));
      const col = star
        ? {
            qualifier: expr.length >= 3 ? ((expr[expr.length - 3] as { v: string }).v ?? null) : null,
            column: 'district_id',
          }
        : this.columnOf(expr);
      const name = star ? 'district_id' : outName && isName(outName) ? outName.v : col?.column;
      if (name === 'district_id' && col?.column === 'district_id') {
        // Resolved once the block's FROM is known: remember the expression and resolve lazily.
        const node = this.classes.node();
        this.pendingProjections.push({ node, col, block: b });
        return node;
      }
    }
    return null;
  }

  readonly pendingProjections: Array<{
    node: number;
    col: { qualifier: string | null; column: string };
    block: Block;
  }> = [];

  /** A bare column reference: `col`, `q.col`, `s.q.col`. */
  columnOf(expr: Tok[]): { qualifier: string | null; column: string } | null {
    const names = expr.filter((tok, i) => (i % 2 === 0 ? isName(tok) : isOp(tok, '.')));
    if (names.length !== expr.length || expr.length % 2 === 0) return null;
    const parts = expr.filter(isName).map((t) => t.v);
    const column = parts[parts.length - 1];
    if (!column) return null;
    return { qualifier: parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null, column };
  }

  /** The reference a column belongs to: by qualifier, else the nearest block with exactly one district table. */
  resolve(block: Block, col: { qualifier: string | null; column: string }): Ref | null {
    for (let b: Block | null = block; b; b = b.parent) {
      if (col.qualifier) {
        const ref = b.refs.find((r) => r.alias === col.qualifier);
        if (ref) return ref;
      } else {
        const candidates = b.refs.filter((r) => r.district || r.table.startsWith('('));
        if (candidates.length === 1) return candidates[0] ?? null;
        if (candidates.length > 1) return candidates.find((r) => r.district) ?? null;
      }
    }
    return null;
  }

  /** A constant operand: parameters, literals, casts, arrays of them. */
  isConstant(expr: Tok[]): boolean {
    if (expr.length === 0) return false;
    let sawValue = false;
    for (let i = 0; i < expr.length; i++) {
      const tok = expr[i];
      if (!tok) continue;
      if (tok.t === 'param' || tok.t === 'string' || tok.t === 'number') sawValue = true;
      else if (isOp(tok, '::'))
        i++; // skip the type name
      else if (isOp(tok, '[') || isOp(tok, ']')) continue;
      else if (isWord(tok, 'as'))
        i++; // cast(… as type)
      else if (isWord(tok, 'any', 'array', 'cast')) continue;
      else if (tok.t === 'group') {
        if (isSubquery(tok)) return false;
        const inner = splitOn(tok.v, (t) => isOp(t, ','));
        if (!inner.every((part) => this.isConstant(part))) return false;
        sawValue = true;
      } else return false;
    }
    return sawValue;
  }

  /** The district_id node a district_id operand denotes, or null. */
  districtNode(block: Block, expr: Tok[]): number | null {
    const col = this.columnOf(expr);
    if (!col || col.column !== 'district_id') return null;
    const ref = this.resolve(block, col);
    return ref ? ref.node : null;
  }

  /**
   * Reads a boolean expression: what it pins (nodes tied to constants) and links (node pairs it equates). AND keeps
   * both; OR keeps only what every branch pins; NOT and anything else keep nothing. Subqueries become blocks.
   */
  readBool(block: Block, toks: Tok[]): { pins: Set<number>; links: Array<[number, number]> } {
    const ors = splitOn(toks, (tok) => isWord(tok, 'or'));
    if (ors.length > 1) {
      const branches = ors.map((part) => this.readBool(block, part));
      const pins = new Set([...(branches[0]?.pins ?? [])].filter((n) => branches.every((br) => br.pins.has(n))));
      return { pins, links: [] };
    }
    const pins = new Set<number>();
    const links: Array<[number, number]> = [];
    let betweenOpen = false;
    const conjuncts = splitOn(toks, (tok) => {
      if (isWord(tok, 'between')) betweenOpen = true;
      if (isWord(tok, 'and')) {
        if (betweenOpen) {
          betweenOpen = false;
          return false;
        }
        return true;
      }
      return false;
    });
    for (const conj of conjuncts) {
      const only = conj[0];
      if (conj.length === 1 && only?.t === 'group' && !isSubquery(only)) {
        const inner = this.readBool(block, only.v);
        inner.pins.forEach((n) => pins.add(n));
        links.push(...inner.links);
        continue;
      }
      this.subqueriesIn(conj, block);
      if (isWord(conj[0], 'not')) continue;
      const eq = conj.findIndex((tok) => isOp(tok, '='));
      const inAt = conj.findIndex((tok) => isWord(tok, 'in'));
      if (eq > 0) {
        const lhs = conj.slice(0, eq);
        const rhs = conj.slice(eq + 1);
        const ln = this.districtNode(block, lhs);
        const rn = this.districtNode(block, rhs);
        if (ln != null && rn != null) links.push([ln, rn]);
        else if (ln != null && this.isConstant(rhs)) pins.add(ln);
        else if (rn != null && this.isConstant(lhs)) pins.add(rn);
        else if (lhs.length === 1 && rhs.length === 1 && lhs[0]?.t === 'group' && rhs[0]?.t === 'group') {
          // Row values: (a, b) = (c, d)
          this.rowPairs(block, lhs[0].v, rhs[0].v, pins, links);
        }
      } else if (inAt > 0 && !isWord(conj[inAt - 1], 'not')) {
        const lhs = conj.slice(0, inAt);
        const rhs = conj.slice(inAt + 1);
        const ln = this.districtNode(block, lhs);
        if (ln != null && this.isConstant(rhs)) pins.add(ln);
        else if (lhs.length === 1 && lhs[0]?.t === 'group' && rhs.length === 1 && rhs[0]?.t === 'group') {
          // Row values: (a.district_id, a.id) in (($1, $2), ($3, $4))
          const at = splitOn(lhs[0].v, (t) => isOp(t, ',')).findIndex((part) => this.districtNode(block, part) != null);
          const node = at < 0 ? null : this.districtNode(block, splitOn(lhs[0].v, (t) => isOp(t, ','))[at] ?? []);
          const rows = splitOn(rhs[0].v, (t) => isOp(t, ','));
          if (node != null && rows.every((row) => this.isConstant(row))) pins.add(node);
        }
      }
    }
    return { pins, links };
  }

  rowPairs(block: Block, left: Tok[], right: Tok[], pins: Set<number>, links: Array<[number, number]>): void {
    const ls = splitOn(left, (t) => isOp(t, ','));
    const rs = splitOn(right, (t) => isOp(t, ','));
    ls.forEach((l, k) => {
      const r = rs[k] ?? [];
      const ln = this.districtNode(block, l);
      const rn = this.districtNode(block, r);
      if (ln != null && rn != null) links.push([ln, rn]);
      else if (ln != null && this.isConstant(r)) pins.add(ln);
    });
  }

  /** Parses every subquery inside tokens (recursively through plain groups) as a child block. */
  subqueriesIn(toks: Tok[], block: Block): void {
    for (const tok of toks) {
      if (tok.t !== 'group') continue;
      if (isSubquery(tok)) this.parseQuery(tok.v, block);
      else this.subqueriesIn(tok.v, block);
    }
  }

  run(sqlText: string): ShardViolation[] {
    const toks = tokenize(sqlText).filter((tok) => !isOp(tok, ';'));
    if (!isWord(toks[0], 'select', 'with', 'update', 'delete', 'insert')) return [];
    this.parseQuery(toks, null);
    // Conditions and the remaining subqueries, now that every block's references are known.
    const reads: Array<{ block: Block; pins: Set<number>; links: Array<[number, number]> }> = [];
    for (let k = 0; k < this.blocks.length; k++) {
      const block = this.blocks[k];
      if (!block) continue;
      const conds = block.conds.splice(0);
      for (const cond of conds) reads.push({ block, ...this.readBool(block, cond) });
      for (const rest of block.rest.splice(0)) this.subqueriesIn(rest, block);
    }
    for (const p of this.pendingProjections) {
      const ref = this.resolve(p.block, p.col);
      if (ref) this.classes.union(p.node, ref.node);
    }
    for (const r of reads) {
      r.pins.forEach((n) => this.classes.pin(n));
      r.links.forEach(([a, b]) => this.classes.union(a, b));
    }
    for (const block of this.blocks) for (const [a, b] of block.usingLinks) this.classes.union(a.node, b.node);
    // Verdicts per district reference; an unpinned class is reported once, at its first reference (the subqueries
    // correlated with an unscoped outer query are not repeated).
    const reportedClasses = new Set<number>();
    for (const block of this.blocks) {
      const seen: Ref[] = [];
      for (let p = block.parent; p; p = p.parent) seen.push(...p.refs.filter((r) => r.district));
      for (const ref of block.refs) {
        if (!ref.district) continue;
        if (!this.classes.pinned(ref.node) && !reportedClasses.has(this.classes.find(ref.node))) {
          reportedClasses.add(this.classes.find(ref.node));
          this.violations.push({
            kind: 'unscoped',
            table: ref.table,
            detail: `${ref.table}${ref.alias !== ref.table ? ` as ${ref.alias}` : ''} has no district_id condition`,
          });
        }
        const matched = (o: Ref) =>
          this.classes.same(o.node, ref.node) || (this.classes.pinned(o.node) && this.classes.pinned(ref.node));
        if (seen.length > 0 && !seen.some(matched)) {
          this.violations.push({
            kind: 'join-mismatch',
            table: ref.table,
            detail: `${ref.table}${ref.alias !== ref.table ? ` as ${ref.alias}` : ''} joins ${seen
              .map((o) => o.alias)
              .join(', ')} without matching district_id`,
          });
        }
        seen.push(ref);
      }
    }
    return this.violations;
  }
}

/**
 * The shard-key violations of one SQL statement. `districtTables`: the tables distributed by district_id (every
 * table whose primary key starts with district_id). DDL, transaction control and other statements answer [].
 */
export function checkStatement(sqlText: string, districtTables: Iterable<string>): ShardViolation[] {
  return new Analyzer(new Set(districtTables)).run(sqlText);
}
