/**
 * What an Allow or Admit statement grants, for the over-broad-grant rules of `cloud-control`:
 * verb rank, subject classification (administrators group matching, identity-domain aware),
 * scope of the location, capabilities granted by a verb or a permission list, and what a
 * `where` clause lets through for a given request.
 *
 * Conditions are evaluated against *requests*: a request binds some variables to a value, marks
 * some as not applicable (the comparison is false: "variables that aren't applicable to a request
 * result in a declined request"), or as a *stranger* (an arbitrary principal or target that no
 * specific value names). Every other variable is unknown. The result is four-valued: `true`,
 * `false`, `maybe` (depends on something okelint does not know, such as the time or the
 * caller's MFA state) and `hidden` (depends on a `${...}`, `%v` or `<placeholder>` part).
 * Matching is case-insensitive, as OCI's is.
 */
import type {
  Action, AdmitStatement, AllowStatement, Comparison, Condition, Location, Name, ResourceType, Span, Statement, Subject, Value,
  ValueList, Verb, WhereClause,
} from './ast.js';
import { clip, globMatches } from './condition-logic.js';
import { covers } from './resource-families.js';
import { ALL_RESOURCES, verbRank } from './resource-types.js';

// ---------------------------------------------------------------------------------------------
// Verbs
// ---------------------------------------------------------------------------------------------

/** `verb` includes `min` (inspect < read < use < manage). */
export function atLeast(verb: Verb, min: Verb): boolean {
  return verbRank(verb) >= verbRank(min);
}

/**
 * The verb a single permission corresponds to, from its name: `*_INSPECT` inspect, `*_READ`
 * read, creating, deleting, moving or resetting permissions manage, anything else use.
 */
export function permissionVerb(permission: string): Verb {
  const p = permission.toUpperCase();
  if (p.endsWith('_INSPECT')) return 'inspect';
  if (p.endsWith('_READ')) return 'read';
  if (/_(CREATE|DELETE|MOVE|MANAGE|ADD|RESET|SET|UNBLOCK)(_|$)/.test(p)) return 'manage';
  return 'use';
}

/** The highest verb an action grants: the verb itself, or the strongest permission of a list. */
export function effectiveVerb(action: Action): Verb {
  if (action.kind === 'verb') return action.verb;
  return action.items.reduce<Verb>((best, item) => (verbRank(permissionVerb(item.value)) > verbRank(best) ? permissionVerb(item.value) : best), 'inspect');
}

// ---------------------------------------------------------------------------------------------
// Grants and scope
// ---------------------------------------------------------------------------------------------

/** Where the grant applies: the whole tenancy, a compartment, or not known (hidden or missing location). */
export type Scope = 'tenancy' | 'compartment' | 'unknown';

/** An Allow or Admit statement: a grant in this tenancy. */
export interface IamGrant {
  readonly statement: AllowStatement | AdmitStatement;
  readonly subject: Subject;
  readonly action: Action;
  readonly resource?: ResourceType;
  readonly location?: Location;
  readonly where?: WhereClause;
  readonly scope: Scope;
}

/**
 * The grant an Allow or Admit statement makes here. Endorse statements (grants in other
 * tenancies), association statements and Define statements give none.
 */
export function grantOf(statement: Statement): IamGrant | undefined {
  if (statement.kind !== 'allow' && statement.kind !== 'admit') return undefined;
  const { subject, action, resource, location, where } = statement;
  return { statement, subject, action, scope: scopeOf(location), ...(resource && { resource }), ...(location && { location }), ...(where && { where }) };
}

/** `tenancy`; `compartment id ocid1.tenancy...` is the root compartment, i.e. the tenancy too. */
export function scopeOf(location: Location | undefined): Scope {
  switch (location?.kind) {
    case 'tenancy':
    case 'any-tenancy':
      return 'tenancy';
    case 'compartment':
      return 'compartment';
    case 'compartment-id':
      return !location.id.unresolved && location.id.value.toLowerCase().startsWith('ocid1.tenancy.') ? 'tenancy' : 'compartment';
    default:
      return 'unknown';
  }
}

/** The resource type is `all-resources`. */
export function isAllResources(grant: IamGrant): boolean {
  return grant.action.kind === 'verb' && grant.resource?.name === ALL_RESOURCES;
}

/** The resource-type token of a verb grant, when it is written out (not hidden). */
function resourceToken(grant: IamGrant): ResourceType | undefined {
  return grant.resource && !grant.resource.unresolved ? grant.resource : undefined;
}

// ---------------------------------------------------------------------------------------------
// Subjects
// ---------------------------------------------------------------------------------------------

/** An entry of the `adminGroups` option: a group in an identity domain, or a group OCID. */
export type AdminGroup = NamedAdminGroup | { readonly ocid: string };
/** `domain` and `name` lower-case; `label` is the group name as configured. */
export interface NamedAdminGroup {
  readonly domain: string;
  readonly name: string;
  readonly label: string;
}

const DEFAULT_DOMAIN = 'default';
const ADMIN_ENTRY = /^\s*(?:('([^']*)'|[^'/]+?)\s*\/\s*)?('([^']*)'|[^'/]+?)\s*$/;

/**
 * Reads `adminGroups` entries: `Administrators`, `Default/Administrators`,
 * `'Default'/'Administrators'`, `'My Domain'/'Ops Admins'` or a group OCID. A name without a
 * domain is in the Default domain, as OCI reads `group Administrators`. Unreadable entries are
 * ignored.
 */
export function parseAdminGroups(entries: readonly string[]): AdminGroup[] {
  return entries.flatMap((entry): AdminGroup[] => {
    const trimmed = entry.trim();
    if (/^ocid1\.group\./i.test(trimmed)) return [{ ocid: trimmed.toLowerCase() }];
    const m = ADMIN_ENTRY.exec(trimmed);
    if (!m) return [];
    const domain = m[2] ?? m[1] ?? DEFAULT_DOMAIN;
    const label = (m[4] ?? m[3] ?? '').trim();
    return label ? [{ domain: domain.trim().toLowerCase(), name: label.toLowerCase(), label }] : [];
  });
}

/** A group reference of a statement names one of `admins` (OCIDs compare with `group id`). */
export function isAdminName(name: Name, admins: readonly AdminGroup[]): boolean {
  const value = name.value.toLowerCase();
  if (name.ocid) return admins.some((a) => 'ocid' in a && a.ocid === value);
  const domain = (name.domain?.value ?? DEFAULT_DOMAIN).toLowerCase();
  return admins.some((a) => 'name' in a && a.name === value && a.domain === domain);
}

export interface GrantSubject {
  readonly kind: Subject['kind'];
  /** A group subject whose every name is an administrators group (Allow statements only). */
  readonly admin: boolean;
  /** Written-out names that are not administrators groups (every name of an Admit subject). */
  readonly others: readonly Name[];
  /** Names hidden by `${...}`, `%v` or a placeholder. */
  readonly hidden: readonly Name[];
  /** The whole subject is hidden: not even its kind is known. */
  readonly opaque: boolean;
}

/**
 * Classifies the subject of a grant. The administrators groups are this tenancy's: in an Admit
 * statement the group belongs to the other tenancy, so it never counts as one.
 */
export function subjectFacts(grant: IamGrant, admins: readonly AdminGroup[]): GrantSubject {
  const subject = grant.subject;
  if (subject.kind === 'unresolved') return { kind: subject.kind, admin: false, others: [], hidden: [], opaque: true };
  if (subject.kind === 'any-user' || subject.kind === 'any-group') return { kind: subject.kind, admin: false, others: [], hidden: [], opaque: false };
  const hidden = subject.names.filter((n) => n.unresolved || n.domain?.unresolved);
  const written = subject.names.filter((n) => !hidden.includes(n));
  const adminCandidates = subject.kind === 'group' && grant.statement.kind === 'allow';
  const others = adminCandidates ? written.filter((n) => !isAdminName(n, admins)) : written;
  return { kind: subject.kind, admin: adminCandidates && others.length === 0 && hidden.length === 0, others, hidden, opaque: false };
}

function nameKey(name: Name): string {
  return `${name.ocid ? 'id ' : ''}${(name.domain?.value ?? DEFAULT_DOMAIN).toLowerCase()}/${name.value.toLowerCase()}`;
}

/** Two subjects name the same principals (kind and names, in any order and case). */
export function sameSubject(a: Subject, b: Subject): boolean {
  if (a.kind !== b.kind) return false;
  if (!('names' in a) || !('names' in b)) return a.kind !== 'unresolved' || (b.kind === 'unresolved' && a.text === b.text);
  const keys = (s: readonly Name[]): string => s.map(nameKey).sort().join('\n');
  return keys(a.names) === keys(b.names);
}

/** The policy is named in the exempt list (case-insensitive). */
export function isExemptPolicy(policyName: string | undefined, exempt: readonly string[]): boolean {
  if (policyName === undefined) return false;
  const name = policyName.trim().toLowerCase();
  return exempt.some((e) => e.trim().toLowerCase() === name);
}

// ---------------------------------------------------------------------------------------------
// Capabilities
// ---------------------------------------------------------------------------------------------

/**
 * A permission that matters to a rule: the individual resource type it belongs to, the verb
 * that includes it, and the API operations that need it (bound as `request.operation`).
 */
export interface Capability {
  readonly type: string;
  readonly permission: string;
  readonly verb: Verb;
  readonly operations?: readonly string[];
}

/** A capability a grant gives, with the node that gives it (the resource type or the permission). */
export interface Granted<C extends Capability = Capability> {
  readonly capability: C;
  readonly at: { readonly span: Span };
}

/**
 * The capabilities of `wanted` that the grant's verb and resource type (or permission list)
 * include, before any condition. Hidden resource types and permissions give none.
 */
export function grantedCapabilities<C extends Capability>(grant: IamGrant, wanted: readonly C[]): Granted<C>[] {
  const action = grant.action;
  if (action.kind === 'verb') {
    const resource = resourceToken(grant);
    if (!resource) return [];
    return wanted.filter((c) => covers(resource.name, c.type) && atLeast(action.verb, c.verb)).map((capability) => ({ capability, at: resource }));
  }
  return wanted.flatMap((capability) => {
    const item = action.items.find((i) => !i.unresolved && i.value.toUpperCase() === capability.permission);
    return item ? [{ capability, at: item }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

export type Truth = 'true' | 'false' | 'maybe' | 'hidden';

/** What a request says about one variable. */
export type Binding =
  | { readonly kind: 'value'; readonly value: string }
  /** The variable does not apply to the request: any comparison on it is false. */
  | { readonly kind: 'absent' }
  /** Some principal or target that no specific value names (`=` a value is false, `!=` true). */
  | { readonly kind: 'stranger' };

/** A request: the binding of a lower-case variable path, or undefined when unknown. */
export type Request = (path: string) => Binding | undefined;

export const ABSENT: Binding = { kind: 'absent' };
export const STRANGER: Binding = { kind: 'stranger' };
export function bound(value: string): Binding {
  return { kind: 'value', value };
}

/**
 * Builds a request from exact variable bindings and prefix bindings (`request.principal.group.tag.`
 * covers every tag variable under it). Exact bindings win.
 */
export function requestOf(exact: Readonly<Record<string, Binding>>, prefixes: Readonly<Record<string, Binding>> = {}): Request {
  const exactMap = new Map(Object.entries(exact).map(([k, v]) => [k.toLowerCase(), v]));
  const prefixList = Object.entries(prefixes).map(([k, v]) => [k.toLowerCase(), v] as const);
  return (path) => exactMap.get(path) ?? prefixList.find(([p]) => path.startsWith(p))?.[1];
}

function and(values: readonly Truth[]): Truth {
  if (values.includes('false')) return 'false';
  if (values.includes('hidden')) return 'hidden';
  return values.includes('maybe') ? 'maybe' : 'true';
}

function or(values: readonly Truth[]): Truth {
  if (values.includes('true')) return 'true';
  if (values.includes('hidden')) return 'hidden';
  return values.includes('maybe') ? 'maybe' : 'false';
}

function not(value: Truth): Truth {
  return value === 'true' ? 'false' : value === 'false' ? 'true' : value;
}

function globMatch(value: string, pattern: string): boolean {
  return globMatches(pattern.toLowerCase(), value.toLowerCase());
}

/** Whether a known value matches one right-hand value (`'*'` means any value is set). */
function matchValue(value: string, right: Value): Truth {
  if (right.unresolved) return 'hidden';
  switch (right.kind) {
    case 'string':
      return right.value === '*' || right.value.toLowerCase() === value.toLowerCase() ? 'true' : 'false';
    case 'bare':
      return right.value.toLowerCase() === value.toLowerCase() ? 'true' : 'false';
    case 'pattern':
      return globMatch(value, right.value) ? 'true' : 'false';
    case 'variable':
      return 'maybe';
  }
}

/** A stranger matches only `'*'` (some value is set); never a specific value or another variable. */
function matchStranger(right: Value): Truth {
  return right.kind === 'string' && right.value === '*' && !right.unresolved ? 'true' : 'false';
}

/** A comparison of a variable with another: the right-hand one is not applicable, or a stranger. */
function compareVariables(c: Comparison, request: Request): Truth | undefined {
  const right = c.right[0];
  if (right?.kind !== 'variable' || right.unresolved) return undefined;
  const binding = request(right.path.toLowerCase());
  if (binding?.kind === 'absent') return 'false';
  if (binding?.kind === 'stranger' && (c.op === '=' || c.op === '!=')) return c.op === '=' ? 'false' : 'true';
  return undefined;
}

function compare(c: Comparison, request: Request): Truth {
  if (c.left.unresolved) return 'hidden';
  const binding = request(c.left.path.toLowerCase());
  if (binding?.kind === 'absent') return 'false';
  const byRight = compareVariables(c, request);
  if (byRight) return byRight;
  if (!binding) return c.right.some((v) => v.unresolved) ? 'hidden' : 'maybe';
  const match = (right: Value): Truth => (binding.kind === 'stranger' ? matchStranger(right) : matchValue(binding.value, right));
  switch (c.op) {
    case '=':
      return c.right[0] ? match(c.right[0]) : 'maybe';
    case '!=':
      return c.right[0] ? not(match(c.right[0])) : 'maybe';
    case 'in':
      return or(c.right.map(match));
    default:
      return 'maybe';
  }
}

function call(name: string, args: readonly (Value | ValueList)[], request: Request): Truth {
  const [variable, list] = args;
  if (name !== 'sets-intersect' || variable?.kind !== 'variable' || list?.kind !== 'list') return 'maybe';
  if (variable.unresolved) return 'hidden';
  const binding = request(variable.path.toLowerCase());
  if (!binding) return list.items.some((v) => v.unresolved) ? 'hidden' : 'maybe';
  if (binding.kind !== 'value') return 'false';
  return or(list.items.map((v) => matchValue(binding.value, v)));
}

/** Evaluates a condition for a request. */
export function evaluate(condition: Condition, request: Request): Truth {
  switch (condition.kind) {
    case 'comparison':
      return compare(condition, request);
    case 'call':
      return call(condition.name, condition.args, request);
    case 'unresolved':
      return 'hidden';
    case 'group': {
      const values = condition.children.map((child) => evaluate(child, request));
      if (condition.unterminated) values.push('hidden');
      return condition.op === 'all' ? and(values) : or(values);
    }
  }
}

/**
 * The requests that exercise a capability: its permission, each of its operations in turn
 * (one request with the operation unknown when none is listed), plus `extra` bindings.
 */
export function capabilityRequests(capability: Capability, extra: Readonly<Record<string, Binding>> = {}): Request[] {
  const base = { 'request.permission': bound(capability.permission), ...extra };
  const operations = capability.operations ?? [];
  return operations.length === 0 ? [requestOf(base)] : operations.map((operation) => requestOf({ ...base, 'request.operation': bound(operation) }));
}

/** Evaluates a where clause (none lets everything through; an interpolation standing for it is hidden). */
export function evaluateWhere(where: WhereClause | undefined, request: Request): Truth {
  if (!where) return 'true';
  return where.keyword ? evaluate(where.condition, request) : 'hidden';
}

/**
 * What a where clause does with a set of requests: `open` when at least one may get through,
 * `closed` when every one is refused, `hidden` when that depends on a hidden part.
 */
export type Outcome = 'open' | 'closed' | 'hidden';

export function outcomeOf(where: WhereClause | undefined, requests: readonly Request[]): Outcome {
  const values = requests.map((r) => evaluateWhere(where, r));
  if (values.some((v) => v === 'true' || v === 'maybe')) return 'open';
  return values.includes('hidden') ? 'hidden' : 'closed';
}

/** Every comparison and call of a condition whose variable satisfies `test`. */
export function comparisonsOn(condition: Condition | undefined, test: (path: string) => boolean): (Comparison | Extract<Condition, { kind: 'call' }>)[] {
  if (!condition) return [];
  switch (condition.kind) {
    case 'comparison':
      return test(condition.left.path.toLowerCase()) ? [condition] : [];
    case 'call': {
      const first = condition.args[0];
      return first?.kind === 'variable' && test(first.path.toLowerCase()) ? [condition] : [];
    }
    case 'group':
      return condition.children.flatMap((c) => comparisonsOn(c, test));
    case 'unresolved':
      return [];
  }
}

/** Values a condition compares `path` with by `=` or `in` (the operations it names explicitly). */
export function namedValues(condition: Condition | undefined, path: string): Set<string> {
  const out = new Set<string>();
  for (const c of comparisonsOn(condition, (p) => p === path)) {
    if (c.kind !== 'comparison' || (c.op !== '=' && c.op !== 'in')) continue;
    for (const v of c.right) if (v.kind === 'string' && !v.unresolved) out.add(v.value.toUpperCase());
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Narrowing
// ---------------------------------------------------------------------------------------------

/**
 * Variables that say *which* principal makes the request: its OCID, its compartment, its
 * OKE cluster, the calling user or its groups. Tag variables of the principal's group or
 * compartment count too (tag-based access control): a principal without the tag is refused.
 */
const IDENTITY_VARIABLES = [
  'request.principal.id', 'request.principal.compartment.id', 'request.principal.cluster_id',
  'request.user.id', 'request.user.name', 'request.groups.id', 'request.principal.group.id', 'request.principal.group.name',
];
const IDENTITY_PREFIXES = ['request.principal.group.tag.', 'request.principal.compartment.tag.', 'request.principal.tag.'];
/** Variables that say only what *kind* of principal it is (every one of that kind in the tenancy matches). */
export const PRINCIPAL_TYPE_VARIABLES = ['request.principal.type', 'request.principal.namespace', 'request.principal.service_account'];

/**
 * How a where clause narrows *who* gets the grant: `identity` (a principal OCID, compartment,
 * cluster, user, group or group tag is required), `type` (only `request.principal.type` and
 * the workload's namespace or service account, which every cluster shares), `none`, or
 * `hidden` (depends on a hidden part).
 */
export type PrincipalNarrowing = 'identity' | 'type' | 'none' | 'hidden';

export function principalNarrowing(where: WhereClause | undefined): PrincipalNarrowing {
  const identity = Object.fromEntries(IDENTITY_VARIABLES.map((v) => [v, STRANGER]));
  const tags = Object.fromEntries(IDENTITY_PREFIXES.map((p) => [p, ABSENT]));
  const stranger = outcomeOf(where, [requestOf(identity, tags)]);
  if (stranger !== 'open') return stranger === 'closed' ? 'identity' : 'hidden';
  const anyType = outcomeOf(where, [requestOf({ ...identity, ...Object.fromEntries(PRINCIPAL_TYPE_VARIABLES.map((v) => [v, STRANGER])) }, tags)]);
  if (anyType === 'open') return 'none';
  return anyType === 'closed' ? 'type' : 'hidden';
}

/**
 * Whether a where clause narrows *what* the grant reaches: the operation, the permission or
 * the target (`target.key.id`, `target.vault.id`, `target.group.name`, a target compartment or
 * tag...). Evaluated for an unnamed operation on an unnamed target: refused means narrowed.
 */
export function targetNarrowing(where: WhereClause | undefined): Outcome {
  return outcomeOf(where, [requestOf({ 'request.operation': STRANGER, 'request.permission': STRANGER }, { 'target.': STRANGER })]);
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export { clip };

/** A grant's parts as written, for messages: `group Ops`, `manage all-resources`, `tenancy`. */
export interface GrantText {
  readonly subject: string;
  /** The verb and resource type, or the permission list. */
  readonly what: string;
  readonly location: string;
}

export function grantText(grant: IamGrant, textOf: (at: { readonly span: Span }) => string): GrantText {
  const what = grant.resource ? `${textOf(grant.action)} ${textOf(grant.resource)}` : textOf(grant.action);
  return {
    subject: clip(textOf(grant.subject), 60),
    what: clip(what, 60),
    location: grant.location ? clip(textOf(grant.location), 60) : 'an unnamed location',
  };
}

/**
 * The `{{because}}` slot of a message about a grant: ` <where clause>` (clipped) followed by
 * `tail`, or '' when the grant has no where clause.
 */
export function whereReason(grant: IamGrant, ctx: { textOf(at: { readonly span: Span }): string }, tail = ''): string {
  return grant.where ? ` ${clip(ctx.textOf(grant.where), 60)}${tail}` : '';
}

/**
 * Where a finding about what a grant gives points: its condition (which does not narrow the
 * grant enough), else the verb of a verb grant, else the permission that gives `first`.
 */
export function grantFindingAt(grant: IamGrant, first: Granted): { readonly span: Span } {
  return grant.where ? grant.where.condition : grant.action.kind === 'verb' ? grant.action : first.at;
}

// ---------------------------------------------------------------------------------------------
// Rule prelude
// ---------------------------------------------------------------------------------------------

/** Options every over-broad-grant rule takes; `adminGroups` only where the administrators group is exempt. */
export interface GrantOptions {
  readonly adminGroups?: readonly string[];
  readonly exemptPolicies?: readonly string[];
}

/** The part of a rule's context the prelude reads (structurally an `IamContext`). */
export interface GrantContext {
  readonly statement: Statement;
  readonly policy: { readonly name?: string };
  readonly options: GrantOptions;
  textOf(at: { readonly span: Span }): string;
}

export interface CheckedGrant {
  readonly grant: IamGrant;
  readonly subject: GrantSubject;
  readonly admins: readonly AdminGroup[];
  readonly text: GrantText;
}

const parsedAdmins = new WeakMap<readonly string[], AdminGroup[]>();

function adminsOf(entries: readonly string[]): AdminGroup[] {
  let parsed = parsedAdmins.get(entries);
  if (!parsed) {
    parsed = parseAdminGroups(entries);
    parsedAdmins.set(entries, parsed);
  }
  return parsed;
}

/**
 * The grant a rule checks: an Allow or Admit statement of a policy not named in
 * `exemptPolicies`, with its subject classified against `adminGroups` (none configured: nobody
 * is exempt as an administrator) and its text for messages.
 */
export function checkedGrant(ctx: GrantContext): CheckedGrant | undefined {
  if (isExemptPolicy(ctx.policy.name, ctx.options.exemptPolicies ?? [])) return undefined;
  const grant = grantOf(ctx.statement);
  if (!grant) return undefined;
  const admins = adminsOf(ctx.options.adminGroups ?? []);
  return { grant, subject: subjectFacts(grant, admins), admins, text: grantText(grant, (at) => ctx.textOf(at)) };
}

/**
 * A principal other than the administrators group and other than a service: a group or dynamic
 * group (hidden names included: the administrators group already holds every permission, so a
 * template never needs to grant it more), any-user, any-group or a resource principal.
 */
export function isDelegatedPrincipal(subject: GrantSubject): boolean {
  return !subject.admin && !subject.opaque && subject.kind !== 'service';
}

/** The administrators groups configured by name (not by OCID). */
export function namedAdmins(admins: readonly AdminGroup[]): NamedAdminGroup[] {
  return admins.filter((a): a is NamedAdminGroup => 'name' in a);
}
