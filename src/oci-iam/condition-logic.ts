/**
 * What a `where` condition allows, reasoned over the AST (no evaluation against real requests).
 *
 * Semantics (OCI "Conditions" and "Advanced Policy Features", shared/reference/oci-iam.md §1a.8):
 * matching is case-insensitive; a `/pattern/` uses `*` as a wildcard; `any {}` is OR and `all {}`
 * is AND; a variable that does not apply to a request makes its comparison false.
 *
 * - `findTautologies`: nodes that are true whatever value their variable takes (`any {x != 'a',
 *   x != 'b'}`, `any {x = 'a', x != 'a'}`, every month of the year, a pattern of stars alone on
 *   request.permission), each with the reason; the outermost such node of a subtree.
 * - `conditionPaths`: the condition as alternatives (disjunctive normal form): a request is granted
 *   when it meets every term of one path. Always-true parts drop out, so the weakest path shows
 *   what the condition really narrows. `variableRole` says what a variable narrows (the action,
 *   the principal, the resource, the location, the time or the request context).
 */
import type { CallCondition, Comparison, Condition, GroupCondition, Span, UnresolvedCondition, Value } from './ast.js';

// ---------------------------------------------------------------------------------------------
// Values as sets of strings
// ---------------------------------------------------------------------------------------------

/**
 * The strings a condition value matches: a glob with `*` (lower-case; a literal has no `*`).
 * A quoted value holding `*` is taken as a pattern too, so that a comparison is never assumed
 * narrower than it is.
 */
export interface Matcher {
  readonly glob: string;
  /** The value as written (`'A'`, or the pattern between slashes), for messages. */
  readonly text: string;
  /** Written as a `/pattern/`. */
  readonly pattern: boolean;
}

/** The matcher of a quoted or pattern value; undefined for variables, bare words and hidden values. */
export function matcherOf(value: Value): Matcher | undefined {
  if (value.unresolved) return undefined;
  if (value.kind === 'string') return { glob: value.value.toLowerCase(), text: `'${value.value}'`, pattern: false };
  if (value.kind === 'pattern') return { glob: value.value.toLowerCase(), text: `/${value.value}/`, pattern: true };
  return undefined;
}

/** Above this many (i, j) states the intersection test gives up and answers "may intersect". */
const MAX_GLOB_STATES = 1_000_000;

/** Whether some string matches both globs (`*` matches any run of characters, the empty one included). */
export function globsIntersect(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_GLOB_STATES) return true;
  const seen = new Uint8Array((n + 1) * (m + 1));
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number): void => {
    const k = i * (m + 1) + j;
    if (!seen[k]) {
      seen[k] = 1;
      stack.push(k);
    }
  };
  while (stack.length) {
    const k = stack.pop() ?? 0;
    const i = Math.floor(k / (m + 1));
    const j = k % (m + 1);
    if (i === n && j === m) return true;
    const ca = a[i];
    const cb = b[j];
    // A star matches nothing, or absorbs the other side's next character (or star).
    if (ca === '*') {
      push(i + 1, j);
      if (j < m) push(i, j + 1);
    }
    if (cb === '*') {
      push(i, j + 1);
      if (i < n) push(i + 1, j);
    }
    if (ca !== undefined && cb !== undefined && ca !== '*' && cb !== '*' && ca === cb) push(i + 1, j + 1);
  }
  return false;
}

/** Whether the literal string `value` (lower-case, no `*`) matches `glob`. */
export function globMatches(glob: string, value: string): boolean {
  return globsIntersect(glob, value);
}

/** Whether every string matched by `inner` is matched by `outer` (exact for a literal `inner`). */
function covers(outer: Matcher, inner: Matcher): boolean {
  if (!inner.glob.includes('*')) return globMatches(outer.glob, inner.glob);
  return outer.glob === inner.glob || /^\*+$/.test(outer.glob);
}

// ---------------------------------------------------------------------------------------------
// Variables
// ---------------------------------------------------------------------------------------------

/** What a condition on a variable narrows. */
export type VariableRole = 'action' | 'principal' | 'resource' | 'location' | 'time' | 'context' | 'other';

/** The request's permission or API operation: the only variables that narrow what a verb grants. */
export const ACTION_VARIABLES: ReadonlySet<string> = new Set(['request.permission', 'request.operation']);

/** Variables that apply to every request, so "true for every value" means "true for every request". */
const ALWAYS_APPLICABLE: ReadonlySet<string> = new Set([
  'request.permission', 'request.operation', 'request.region', 'request.ad', 'request.utc-timestamp',
  'request.utc-timestamp.month-of-year', 'request.utc-timestamp.day-of-month',
  'request.utc-timestamp.day-of-week', 'request.utc-timestamp.time-of-day',
]);

/** Variables with a small closed set of values (Restricting Access to Resources Based on Time Frame). */
const FINITE_DOMAINS: ReadonlyMap<string, readonly string[]> = new Map([
  ['request.utc-timestamp.month-of-year', range(1, 12)],
  ['request.utc-timestamp.day-of-month', range(1, 31)],
  ['request.utc-timestamp.day-of-week', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']],
]);

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/**
 * What a condition on `path` narrows: `action` (request.permission, request.operation),
 * `principal` (request.principal.*, request.user.*, request.groups.*), `location`
 * (target.compartment.*, target.resource.compartment.*, request.resource.compartment.*, request.region,
 * request.ad), `resource` (other target.* and request.resource.*: a bucket, key, group, tag),
 * `time` (request.utc-timestamp*), `context` (request.networkSource.*), `other`.
 */
export function variableRole(path: string): VariableRole {
  const p = path.toLowerCase();
  if (ACTION_VARIABLES.has(p)) return 'action';
  if (/^request\.(principal|user|groups)\./.test(p)) return 'principal';
  if (/^(target\.compartment|target\.resource\.compartment|request\.resource\.compartment)\./.test(p) || p === 'request.region' || p === 'request.ad') return 'location';
  if (p.startsWith('target.') || p.startsWith('request.resource.')) return 'resource';
  if (p.startsWith('request.utc-timestamp')) return 'time';
  if (p.startsWith('request.networksource.')) return 'context';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Tautologies
// ---------------------------------------------------------------------------------------------

export type TautologyReason =
  /** `any {x != a, x != b}` where no value matches both `a` and `b`. */
  | { readonly kind: 'distinct-exclusions'; readonly variable: string; readonly values: readonly [string, string] }
  /** `any {x = a, x != b}` where everything `b` matches, `a` matches too. */
  | { readonly kind: 'included-and-excluded'; readonly variable: string; readonly included: string; readonly excluded: string }
  /** `any {month in (...)}` naming every value of a closed set. */
  | { readonly kind: 'whole-domain'; readonly variable: string }
  /** A pattern of stars alone (slash, star, slash) on a variable that every request has. */
  | { readonly kind: 'matches-everything'; readonly variable: string; readonly value: string };

export interface Tautology {
  /** The always-true node: an `any` group, or a single comparison. */
  readonly node: GroupCondition | Comparison;
  readonly reason: TautologyReason;
}

interface Atom {
  readonly variable: string;
  readonly include: boolean;
  readonly matchers: readonly Matcher[];
}

/** A comparison as a set of values of one variable, when every part of it is known. */
function atomOf(c: Condition): Atom | undefined {
  if (c.kind !== 'comparison' || c.left.unresolved) return undefined;
  if (c.op !== '=' && c.op !== '!=' && c.op !== 'in') return undefined;
  const matchers: Matcher[] = [];
  for (const v of c.right) {
    const m = matcherOf(v);
    if (!m) return undefined;
    matchers.push(m);
  }
  if (matchers.length === 0 || (c.op === '!=' && matchers.length !== 1)) return undefined;
  return { variable: c.left.path.toLowerCase(), include: c.op !== '!=', matchers };
}

function matchesEverything(c: Comparison): TautologyReason | undefined {
  const atom = atomOf(c);
  if (!atom?.include || !ALWAYS_APPLICABLE.has(atom.variable)) return undefined;
  const all = atom.matchers.find((m) => m.pattern && /^\*+$/.test(m.glob));
  return all && { kind: 'matches-everything', variable: c.left.path, value: all.text };
}

/** Why the members of an `any` group on one variable cover every value of it, if they do. */
function coverReason(variable: string, written: string, atoms: readonly Atom[]): TautologyReason | undefined {
  const included = atoms.filter((a) => a.include).flatMap((a) => a.matchers);
  const excluded = atoms.filter((a) => !a.include).flatMap((a) => a.matchers);
  for (let i = 0; i < excluded.length; i++) {
    for (let j = i + 1; j < excluded.length; j++) {
      const a = excluded[i] as Matcher;
      const b = excluded[j] as Matcher;
      if (!globsIntersect(a.glob, b.glob)) return { kind: 'distinct-exclusions', variable: written, values: [a.text, b.text] };
    }
  }
  for (const ex of excluded) {
    const inc = included.find((m) => covers(m, ex));
    if (inc) return { kind: 'included-and-excluded', variable: written, included: inc.text, excluded: ex.text };
  }
  const domain = FINITE_DOMAINS.get(variable);
  if (domain?.every((d) => included.some((m) => globMatches(m.glob, d)) || excluded.some((m) => !globMatches(m.glob, d)))) {
    return { kind: 'whole-domain', variable: written };
  }
  return undefined;
}

/** Why an `any` group is always true through members on one variable, if it is. */
function anyReason(group: GroupCondition): TautologyReason | undefined {
  const byVariable = new Map<string, { written: string; atoms: Atom[] }>();
  for (const child of group.children) {
    const atom = atomOf(child);
    if (!atom || child.kind !== 'comparison') continue;
    const entry = byVariable.get(atom.variable) ?? { written: child.left.path, atoms: [] };
    entry.atoms.push(atom);
    byVariable.set(atom.variable, entry);
  }
  for (const [variable, { written, atoms }] of byVariable) {
    const reason = coverReason(variable, written, atoms);
    if (reason) return reason;
  }
  return undefined;
}

/** The reason `c` itself is always true (not through an always-true member). */
function ownReason(c: Condition): Tautology | undefined {
  if (c.kind === 'comparison') {
    const reason = matchesEverything(c);
    return reason && { node: c, reason };
  }
  if (c.kind === 'group' && c.op === 'any') {
    const reason = anyReason(c);
    return reason && { node: c, reason };
  }
  return undefined;
}

/**
 * The always-true parts of `c`, outermost first; the inside of a node already found is not
 * searched again. An `all` of always-true members, or an `any` with one, is always true as well
 * (see `isAlwaysTrue`) but is not listed: its always-true members are.
 */
export function findTautologies(c: Condition): Tautology[] {
  const found: Tautology[] = [];
  const visit = (node: Condition): void => {
    const own = ownReason(node);
    if (own) {
      found.push(own);
      return;
    }
    if (node.kind === 'group') node.children.forEach(visit);
  };
  visit(c);
  return found;
}

/** Whether `c` is true whatever values its variables take. Hidden parts count as possibly false. */
export function isAlwaysTrue(c: Condition): boolean {
  if (ownReason(c)) return true;
  if (c.kind !== 'group') return false;
  return c.op === 'any' ? c.children.some(isAlwaysTrue) : c.children.every(isAlwaysTrue);
}

// ---------------------------------------------------------------------------------------------
// Paths (disjunctive normal form)
// ---------------------------------------------------------------------------------------------

/**
 * One requirement of a path: `include` (the variable must match: `=`, `in`, `before`, `after`,
 * `between`, a function such as sets-intersect), `exclude` (`!=`), or `unknown` (hidden by an
 * interpolation: it may narrow anything).
 */
export interface Term {
  readonly kind: 'include' | 'exclude' | 'unknown';
  readonly node: Comparison | CallCondition | UnresolvedCondition;
  /** The variable as written; absent for `unknown` terms and calls without a variable. */
  readonly variable?: string;
  readonly role?: VariableRole;
}

export interface Paths {
  /** Each path is a conjunction of terms; an empty path means "no requirement at all". */
  readonly paths: readonly (readonly Term[])[];
  /** The expansion grew past the limit; `paths` is then a single unknown path. */
  readonly truncated: boolean;
}

/** Beyond this many alternatives the condition is treated as unknown (nested all {any {}} can multiply). */
export const MAX_PATHS = 256;

class TooMany extends Error {}

function termOf(c: Comparison | CallCondition | UnresolvedCondition): Term {
  if (c.kind === 'unresolved') return { kind: 'unknown', node: c };
  if (c.kind === 'call') {
    const first = c.args[0];
    if (first?.kind === 'variable' && !first.unresolved) return { kind: 'include', node: c, variable: first.path, role: variableRole(first.path) };
    return { kind: first?.kind === 'variable' ? 'unknown' : 'include', node: c };
  }
  if (c.left.unresolved) return { kind: 'unknown', node: c };
  return { kind: c.op === '!=' ? 'exclude' : 'include', node: c, variable: c.left.path, role: variableRole(c.left.path) };
}

function expand(c: Condition): Term[][] {
  if (isAlwaysTrue(c)) return [[]];
  if (c.kind !== 'group') return [[termOf(c)]];
  if (c.op === 'any') {
    const out = c.children.flatMap(expand);
    if (out.length > MAX_PATHS) throw new TooMany();
    return out;
  }
  let acc: Term[][] = [[]];
  for (const child of c.children) {
    const alts = expand(child);
    if (acc.length * alts.length > MAX_PATHS) throw new TooMany();
    acc = acc.flatMap((p) => alts.map((q) => [...p, ...q]));
  }
  return acc;
}

/** The alternatives of `c`: a request is granted when it meets every term of at least one path. */
export function conditionPaths(c: Condition): Paths {
  try {
    return { paths: expand(c), truncated: false };
  } catch (e) {
    if (!(e instanceof TooMany)) throw e;
    return { paths: [[{ kind: 'unknown', node: { kind: 'unresolved', span: c.span, text: '' } }]], truncated: true };
  }
}

/**
 * Whether every alternative of `c` holds a term for which `narrows` is true (a missing where
 * clause narrows nothing). Pass a predicate that accepts `unknown` terms to give hidden parts
 * the benefit of the doubt.
 */
export function narrowsEveryPath(c: Condition | undefined, narrows: (t: Term) => boolean): boolean {
  if (!c) return false;
  return conditionPaths(c).paths.every((p) => p.some(narrows));
}

/** The smallest node of `root` whose span holds every one of `spans` (the root when none is smaller). */
export function enclosingNode(root: Condition, spans: readonly Span[]): Condition {
  const inside = (n: Condition): boolean => spans.every((s) => s.start >= n.span.start && s.end <= n.span.end);
  let node = root;
  for (;;) {
    const next = node.kind === 'group' ? node.children.find(inside) : undefined;
    if (!next) return node;
    node = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Message text
// ---------------------------------------------------------------------------------------------

/** `text` on one line, cut to `max` characters, in single quotes: how rule messages quote statement parts. */
export function quoteText(text: string, max = 80): string {
  return `'${clip(text, max)}'`;
}

/** Statement text for a message: whitespace collapsed, long parts shortened. */
export function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
