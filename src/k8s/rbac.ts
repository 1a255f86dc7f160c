/**
 * RBAC facts: Roles, ClusterRoles and their bindings as small, AST-free records that project
 * rules collect per object and analyze once the whole linted set is read. Every value a
 * finding may point at keeps an anchor (and its offset, so rules can pick the first one in
 * the source); built-in roles (`rbac-builtin.ts`) have the same shape without anchors.
 */
import type { Node } from 'yaml';
import type { Anchor, K8sContext } from '../engine/rule-api.js';
import { labelsOf, parseLabelSelector, type LabelSelector, type Labels } from './network-policy.js';
import { get, getMap, getSeq, isMap, items, str } from './yaml-access.js';

/** One string of a rule list (a verb, a resource, an API group) and where it is written. */
export interface Item {
  readonly value: string;
  /** Absent for the rules of built-in roles. */
  readonly at?: Anchor;
  /** Start offset in its file, to order several candidate anchors of one rule entry. */
  readonly offset?: number;
}

/** One entry of a role's `rules`. */
export interface RuleFact {
  readonly verbs: readonly Item[];
  readonly apiGroups: readonly Item[];
  /** Resources, with subresources written as `pods/exec`. */
  readonly resources: readonly Item[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly Item[];
  /** Position in `rules`. */
  readonly index: number;
  /** The `rules[]` item; absent for built-in roles. */
  readonly at?: Anchor;
}

export type RoleKind = 'Role' | 'ClusterRole';
export type BindingKind = 'RoleBinding' | 'ClusterRoleBinding';

export interface RoleFact {
  readonly type: 'role';
  readonly kind: RoleKind;
  readonly name: string;
  readonly namespace?: string;
  readonly rules: readonly RuleFact[];
  /** `aggregationRule.clusterRoleSelectors` of an aggregated ClusterRole. */
  readonly aggregationSelectors?: readonly LabelSelector[];
  readonly labels: Labels;
  /** A Kubernetes bootstrap role, not an object of the linted set. */
  readonly builtin?: boolean;
  /** The role object's `kind` (roles of the linted set only). */
  readonly at?: Anchor;
}

export interface SubjectFact {
  readonly kind: string;
  readonly name: string;
  /** For ServiceAccounts of a RoleBinding without one, the binding's namespace. */
  readonly namespace?: string;
  /** The subject's `name` value (or the subject item). */
  readonly at: Anchor;
}

export interface BindingFact {
  readonly type: 'binding';
  readonly kind: BindingKind;
  readonly name: string;
  readonly namespace?: string;
  readonly roleRef: { readonly kind: string; readonly name: string };
  readonly subjects: readonly SubjectFact[];
  /** The `roleRef.name` value (or the object's kind). */
  readonly at: Anchor;
}

export type RbacFact = RoleFact | BindingFact;

const RBAC_GROUP = 'rbac.authorization.k8s.io/';

/** Facts by object, shared by every RBAC rule (each would otherwise keep its own copy). */
const FACTS_OF = new WeakMap<object, RbacFact[]>();

/** The RBAC facts of one object (none for anything but the four RBAC kinds). */
export function rbacFacts(ctx: K8sContext<unknown>): RbacFact[] {
  let facts = FACTS_OF.get(ctx.resource);
  if (!facts) FACTS_OF.set(ctx.resource, (facts = rbacFactsOf(ctx)));
  return facts;
}

function rbacFactsOf(ctx: K8sContext<unknown>): RbacFact[] {
  const r = ctx.resource;
  if (!r.apiVersion.startsWith(RBAC_GROUP)) return [];
  const name = r.name ?? '(unnamed)';
  const ns = r.kind === 'ClusterRole' || r.kind === 'ClusterRoleBinding' ? undefined : r.namespace;
  if (r.kind === 'Role' || r.kind === 'ClusterRole') {
    const rules = items(get(r.node, 'rules')).map((item, index) => ruleFact(ctx, item, index));
    const selectors = getSeq(getMap(r.node, 'aggregationRule'), 'clusterRoleSelectors');
    return [{
      type: 'role', kind: r.kind, name, rules, labels: labelsOf(r.metadata), at: ctx.anchor(r.kindNode),
      ...(ns !== undefined && { namespace: ns }),
      ...(r.kind === 'ClusterRole' && selectors && { aggregationSelectors: selectors.items.map((s) => parseLabelSelector(s)) }),
    }];
  }
  if (r.kind === 'RoleBinding' || r.kind === 'ClusterRoleBinding') {
    const roleRef = getMap(r.node, 'roleRef');
    const refName = get(roleRef, 'name');
    const subjects: SubjectFact[] = [];
    for (const s of items(get(r.node, 'subjects'))) {
      if (!isMap(s)) continue;
      const nameNode = get(s, 'name');
      const kind = str(get(s, 'kind'));
      const subjectName = str(nameNode);
      if (kind === undefined || subjectName === undefined) continue;
      const subjectNs = str(get(s, 'namespace')) ?? (kind === 'ServiceAccount' ? ns : undefined);
      subjects.push({ kind, name: subjectName, ...(subjectNs !== undefined && { namespace: subjectNs }), at: ctx.anchor(nameNode ?? s) });
    }
    return [{
      type: 'binding', kind: r.kind, name, subjects,
      roleRef: { kind: str(get(roleRef, 'kind')) ?? '', name: str(refName) ?? '' },
      at: ctx.anchor(refName ?? r.kindNode),
      ...(ns !== undefined && { namespace: ns }),
    }];
  }
  return [];
}

function ruleFact(ctx: K8sContext<unknown>, item: unknown, index: number): RuleFact {
  const list = (key: string): Item[] => items(get(item, key)).flatMap((n) => {
    const value = str(n);
    if (value === undefined) return [];
    return [{ value, at: ctx.anchor(n as Node), offset: (n as Node).range?.[0] ?? 0 }];
  });
  return {
    verbs: list('verbs'), apiGroups: list('apiGroups'), resources: list('resources'),
    resourceNames: items(get(item, 'resourceNames')).map((n) => str(n)).filter((v): v is string => v !== undefined),
    nonResourceURLs: list('nonResourceURLs'), index,
    ...(isMap(item) && { at: ctx.anchor(item) }),
  };
}

/** `Role "x" in namespace "y"`, `ClusterRole "x"`, `built-in ClusterRole "edit"`. */
export function describeRole(role: Pick<RoleFact, 'kind' | 'name' | 'namespace' | 'builtin'>): string {
  if (role.builtin) return `built-in ClusterRole "${role.name}"`;
  return role.kind === 'Role' && role.namespace !== undefined ? `Role "${role.name}" in namespace "${role.namespace}"` : `${role.kind} "${role.name}"`;
}

/** `ServiceAccount shop/deployer`, `Group ci-deployers`. */
export function describeSubject(s: Pick<SubjectFact, 'kind' | 'name' | 'namespace'>): string {
  return s.kind === 'ServiceAccount' && s.namespace !== undefined ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

/** `ClusterRoleBinding ci-admin`, `RoleBinding shop/deployers`. */
export function describeBinding(b: Pick<BindingFact, 'kind' | 'name' | 'namespace'>): string {
  return b.namespace !== undefined ? `${b.kind} ${b.namespace}/${b.name}` : `${b.kind} ${b.name}`;
}

/** The groups of every user (`system:authenticated`) or of requests without credentials. */
const ALL_USERS = new Set(['system:authenticated', 'system:unauthenticated', 'system:anonymous']);

/** `system:anonymous`, `system:unauthenticated` or `system:authenticated` as a User or Group. */
export function isAllUsersSubject(s: Pick<SubjectFact, 'kind' | 'name'>): boolean {
  return (s.kind === 'User' || s.kind === 'Group') && ALL_USERS.has(s.name);
}

/**
 * A service account: a ServiceAccount subject, its User form `system:serviceaccount:<ns>:<name>`,
 * or the groups of all service accounts (`system:serviceaccounts`, `system:serviceaccounts:<ns>`).
 */
export function isServiceAccountSubject(s: Pick<SubjectFact, 'kind' | 'name'>): boolean {
  if (s.kind === 'ServiceAccount') return true;
  return (s.kind === 'User' && s.name.startsWith('system:serviceaccount:'))
    || (s.kind === 'Group' && (s.name === 'system:serviceaccounts' || s.name.startsWith('system:serviceaccounts:')));
}

/**
 * A Kubernetes control-plane identity (`system:masters`, `system:kube-controller-manager`, …): a
 * `system:` User or Group that is not all users, not a service account and not a node
 * (`system:nodes`, `system:node:<name>`), whose credentials a workload does not hold.
 */
export function isSystemComponent(s: Pick<SubjectFact, 'kind' | 'name'>): boolean {
  return (s.kind === 'User' || s.kind === 'Group') && s.name.startsWith('system:') && !isAllUsersSubject(s)
    && !isServiceAccountSubject(s) && s.name !== 'system:nodes' && !s.name.startsWith('system:node:');
}
