/**
 * The RBAC graph of a linted set: bindings resolved to the roles of the set or to the built-in
 * ClusterRoles, aggregated ClusterRoles expanded, and who holds each role's rules (the chain
 * subject → binding → role). Rules over role contents use `roleContentHits`, which reports each
 * offending rule entry once per role, and each binding to a built-in role at its `roleRef`.
 */
import type { Anchor, RelatedAnchor } from '../engine/rule-api.js';
import { selectorMatches } from './network-policy.js';
import { BUILTIN_ROLES } from './rbac-builtin.js';
import { describeBinding, describeRole, describeSubject, type BindingFact, type Item, type RbacFact, type RoleFact, type RuleFact, type SubjectFact } from './rbac.js';

/** A subject holding a role's rules through a binding (to the role, or to a role aggregating it). */
export interface Grant {
  readonly subject: SubjectFact;
  readonly binding: BindingFact;
  /** The role the binding names. */
  readonly bound: RoleFact;
  /** The role whose rules are held, when `bound` aggregates it. */
  readonly via?: RoleFact;
}

/** An API resource in its group: `{ group: '', resource: 'pods/exec' }`. */
export interface Target {
  readonly group: string;
  readonly resource: string;
}

function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export class RbacGraph {
  /** Roles and ClusterRoles of the linted set. */
  readonly roles: readonly RoleFact[];
  readonly bindings: readonly BindingFact[];
  /** ClusterRoles by name: the set's, then the built-in ones it does not redefine. */
  private readonly clusterRoles = new Map<string, RoleFact>();
  /** The ClusterRoles that carry an aggregation rule (few, so aggregation is cheap to walk). */
  private readonly aggregating: readonly RoleFact[];
  /** Roles by name; several namespaces may share one. */
  private readonly rolesByName = new Map<string, RoleFact[]>();
  private readonly aggregatorsCache = new Map<RoleFact, RoleFact[]>();
  private aggregatedIndex: Map<RoleFact, RoleFact[]> | undefined;
  private boundIndex: Map<RoleFact, BindingFact[]> | undefined;

  constructor(facts: readonly RbacFact[]) {
    this.roles = facts.filter((f): f is RoleFact => f.type === 'role');
    this.bindings = facts.filter((f): f is BindingFact => f.type === 'binding');
    for (const r of this.roles) {
      if (r.kind === 'ClusterRole' && !this.clusterRoles.has(r.name)) this.clusterRoles.set(r.name, r);
      if (r.kind === 'Role') {
        const same = this.rolesByName.get(r.name);
        if (same) same.push(r);
        else this.rolesByName.set(r.name, [r]);
      }
    }
    for (const [name, r] of BUILTIN_ROLES) if (!this.clusterRoles.has(name)) this.clusterRoles.set(name, r);
    this.aggregating = [...this.clusterRoles.values()].filter((c) => c.aggregationSelectors?.length);
  }

  /** The role a binding grants, or undefined (unknown role, or a ClusterRoleBinding naming a Role). */
  resolve(b: BindingFact): RoleFact | undefined {
    if (b.roleRef.kind === 'ClusterRole') return this.clusterRoles.get(b.roleRef.name);
    if (b.roleRef.kind !== 'Role' || b.kind !== 'RoleBinding') return undefined;
    return this.rolesByName.get(b.roleRef.name)?.find((r) => sameNamespace(r.namespace, b.namespace));
  }

  /** The ClusterRoles that aggregate `role`'s rules, directly or through other aggregated ClusterRoles. */
  aggregators(role: RoleFact): readonly RoleFact[] {
    const cached = this.aggregatorsCache.get(role);
    if (cached) return cached;
    const out: RoleFact[] = [];
    if (role.kind === 'ClusterRole') {
      const queue = [role];
      for (let cur = queue.shift(); cur; cur = queue.shift()) {
        for (const c of this.aggregating) {
          if (c === role || out.includes(c) || !c.aggregationSelectors?.some((s) => selectorMatches(s, cur.labels))) continue;
          out.push(c);
          queue.push(c);
        }
      }
    }
    this.aggregatorsCache.set(role, out);
    return out;
  }

  /** Every rule `role` grants, with the role that holds it: its own, and those of the roles it aggregates. */
  effectiveRules(role: RoleFact): { readonly rule: RuleFact; readonly source: RoleFact }[] {
    const sources = [role, ...(this.aggregated().get(role) ?? [])];
    return sources.flatMap((source) => source.rules.map((rule) => ({ rule, source })));
  }

  /** Who holds `role`'s own rules. */
  grantsOf(role: RoleFact): Grant[] {
    const index = this.bound();
    return [role, ...this.aggregators(role)].flatMap((bound) => (index.get(bound) ?? []).flatMap((binding) =>
      binding.subjects.map((subject) => ({ subject, binding, bound, ...(bound !== role && { via: role }) }))));
  }

  /** Who holds what `binding` grants. */
  grantsVia(binding: BindingFact): Grant[] {
    const bound = this.resolve(binding);
    return bound ? binding.subjects.map((subject) => ({ subject, binding, bound })) : [];
  }

  /** Aggregating ClusterRole → the ClusterRoles whose rules it takes in (built once). */
  private aggregated(): Map<RoleFact, RoleFact[]> {
    if (this.aggregatedIndex) return this.aggregatedIndex;
    const index = new Map<RoleFact, RoleFact[]>();
    for (const c of this.clusterRoles.values()) {
      for (const a of this.aggregators(c)) {
        const list = index.get(a);
        if (list) list.push(c);
        else index.set(a, [c]);
      }
    }
    return (this.aggregatedIndex = index);
  }

  /** Role → the bindings that name it, in binding order (built once). */
  private bound(): Map<RoleFact, BindingFact[]> {
    if (this.boundIndex) return this.boundIndex;
    const index = new Map<RoleFact, BindingFact[]>();
    for (const b of this.bindings) {
      const role = this.resolve(b);
      if (!role) continue;
      const list = index.get(role);
      if (list) list.push(b);
      else index.set(role, [b]);
    }
    return (this.boundIndex = index);
  }
}

/** `Group ci → ClusterRoleBinding ci-admin → ClusterRole cluster-admin`. */
export function chainText(g: Grant): string {
  const chain = [describeSubject(g.subject), describeBinding(g.binding), describeRole(g.bound)].join(' → ');
  return g.via ? `${chain} (which aggregates ${describeRole(g.via)})` : chain;
}

/** The places of up to three grants' chains (subject, binding, role), for related locations. */
export function grantsRelated(grants: readonly Grant[]): RelatedAnchor[] {
  const out: RelatedAnchor[] = [];
  for (const g of grants.slice(0, 3)) {
    out.push({ at: g.subject.at, message: `subject: ${describeSubject(g.subject)}` });
    out.push({ at: g.binding.at, message: `${describeBinding(g.binding)} grants ${describeRole(g.bound)}` });
    if (g.bound.at) out.push({ at: g.bound.at, message: describeRole(g.bound) });
    if (g.via?.at) out.push({ at: g.via.at, message: `${describeRole(g.via)}, aggregated by ${describeRole(g.bound)}` });
  }
  const seen = new Set<Anchor>();
  return out.filter((r) => !seen.has(r.at) && seen.add(r.at));
}

/** The chains of up to three grants, for a message. */
export function grantsText(grants: readonly Grant[]): string {
  if (grants.length === 0) return 'no binding in the linted files grants it yet';
  const shown = grants.slice(0, 3).map(chainText).join('; ');
  return `granted to ${shown}${grants.length > 3 ? ` and ${grants.length - 3} more` : ''}`;
}

/** Where a role's rules apply: `cluster-wide` or `in namespace "shop"`. */
function scopeText(clusterWide: boolean, namespaces: readonly (string | undefined)[]): string {
  if (clusterWide) return 'cluster-wide';
  const known = [...new Set(namespaces.filter((n): n is string => n !== undefined))];
  if (known.length === 0) return 'in its namespace';
  return `in namespace${known.length > 1 ? 's' : ''} ${known.map((n) => `"${n}"`).join(', ')}`;
}

/** The verb and resource items of `rule` that grant `verb` on `target`, or undefined. */
export function ruleGrants(rule: RuleFact, verb: string, target: Target): { readonly verb: Item; readonly resource: Item } | undefined {
  const v = rule.verbs.find((i) => i.value === verb) ?? rule.verbs.find((i) => i.value === '*');
  if (!v || !rule.apiGroups.some((g) => g.value === '*' || g.value === target.group)) return undefined;
  const slash = target.resource.indexOf('/');
  const sub = slash < 0 ? undefined : `*${target.resource.slice(slash)}`;
  const r = rule.resources.find((i) => i.value === target.resource)
    ?? rule.resources.find((i) => i.value === sub) ?? rule.resources.find((i) => i.value === '*');
  return r ? { verb: v, resource: r } : undefined;
}

/** What a role-content rule found in one rule entry: the candidate anchors and what they grant. */
export interface RuleMatch {
  readonly items: readonly Item[];
  readonly detail: readonly string[];
}

export interface ContentHit {
  readonly at: Anchor;
  /** `Role "x" in namespace "y"`, `built-in ClusterRole "edit"`. */
  readonly role: string;
  readonly clusterWide: boolean;
  /** `cluster-wide`, `in namespace "shop"`. */
  readonly scope: string;
  /** The binding chains that grant it, or that none does. */
  readonly grants: string;
  /** What is granted, e.g. `get, list`. */
  readonly detail: string;
  /** The places of the chains that grant it. */
  readonly related: readonly RelatedAnchor[];
}

function firstAnchor(items: readonly Item[]): Anchor | undefined {
  let best: Item | undefined;
  for (const i of items) if (i.at && (!best || (i.offset ?? 0) < (best.offset ?? 0))) best = i;
  return best?.at;
}

const unique = (xs: readonly string[]): string => [...new Set(xs)].join(', ');

/**
 * Role-content findings: every rule entry of a Role/ClusterRole of the set that `match`es (once
 * per role, bound or not), and every binding to a built-in role (at its roleRef name) whose
 * built-in rules match. Bindings to the built-in cluster-admin are left to
 * rbac-cluster-admin-binding. A ClusterRole is cluster-wide unless every binding that grants it
 * is a RoleBinding.
 */
export function* roleContentHits(facts: readonly RbacFact[], match: (rule: RuleFact) => RuleMatch | undefined): Iterable<ContentHit> {
  const graph = new RbacGraph(facts);
  for (const role of graph.roles) {
    let grants: Grant[] | undefined;
    for (const rule of role.rules) {
      const m = match(rule);
      const at = m && (firstAnchor(m.items) ?? rule.at);
      if (!m || !at) continue;
      grants ??= graph.grantsOf(role);
      const clusterWide = role.kind === 'ClusterRole' && (grants.length === 0 || grants.some((g) => g.binding.kind === 'ClusterRoleBinding'));
      const namespaces = role.kind === 'Role' ? [role.namespace] : grants.map((g) => g.binding.namespace);
      yield { at, role: describeRole(role), clusterWide, scope: scopeText(clusterWide, namespaces), grants: grantsText(grants), detail: unique(m.detail), related: grantsRelated(grants) };
    }
  }
  for (const binding of graph.bindings) {
    const bound = graph.resolve(binding);
    if (!bound?.builtin || bound.name === 'cluster-admin') continue;
    const detail = graph.effectiveRules(bound).flatMap(({ rule, source }) => (source.builtin ? match(rule)?.detail ?? [] : []));
    if (detail.length === 0) continue;
    const clusterWide = binding.kind === 'ClusterRoleBinding';
    const grants = graph.grantsVia(binding);
    yield {
      at: binding.at, role: describeRole(bound), clusterWide, scope: scopeText(clusterWide, [binding.namespace]),
      grants: grantsText(grants), detail: unique(detail), related: grantsRelated(grants),
    };
  }
}
