/**
 * Typed AST for OCI IAM policy statements.
 *
 * Every node carries a `span`: a half-open UTF-16 offset range into the text it was parsed from
 * (shifted by the `offset` given to `parseStatement`). Case-insensitive grammar words (statement
 * keywords, verbs, resource types, any/all, operators, function names) are stored lower-case;
 * names, variables and values are stored as written. Parts hidden by `${...}`, `%v` or a
 * `<placeholder>` stay in the tree as opaque nodes (`unresolved: true` or `kind: 'unresolved'`)
 * holding their raw text.
 */
import type { Span } from '../engine/types.js';

export type { Span };

export const VERBS = ['inspect', 'read', 'use', 'manage'] as const;
export type Verb = (typeof VERBS)[number];

/**
 * A name as written: a group, dynamic group, service, compartment, tenancy alias, permission or OCID.
 * `span` covers the whole reference: quotes, a `domain/` prefix and the `id` keyword included.
 */
export interface Name {
  readonly span: Span;
  /** The name without quotes; for an unresolved name, the raw text (`${var.x}`, `<group>`, `%v`). */
  readonly value: string;
  readonly quoted: boolean;
  /** Identity domain of a `'Domain'/'Group'` reference. */
  readonly domain?: Name;
  /** Written as `id <ocid>`. */
  readonly ocid?: boolean;
  /** Holds `${...}`, `%v` or a `<placeholder>`: the real value is not known. */
  readonly unresolved?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Subjects
// ---------------------------------------------------------------------------------------------

export interface NamedSubject<K extends string> {
  readonly kind: K;
  readonly span: Span;
  /** One or more names (a statement names one kind of principal, possibly many of them). */
  readonly names: readonly Name[];
}
export type GroupSubject = NamedSubject<'group'>;
export type DynamicGroupSubject = NamedSubject<'dynamic-group'>;
export type ServiceSubject = NamedSubject<'service'>;
export interface AnyUserSubject {
  readonly kind: 'any-user';
  readonly span: Span;
}
export interface AnyGroupSubject {
  readonly kind: 'any-group';
  readonly span: Span;
}
/** `resource <resource-type> <name>, ...` (observed in an Oracle repository, not on the syntax pages). */
export interface ResourceSubject {
  readonly kind: 'resource';
  readonly span: Span;
  readonly resourceType: Name;
  readonly names: readonly Name[];
}
/** The whole subject is an interpolation or placeholder (`Allow ${var.subject} to ...`). */
export interface UnresolvedSubject {
  readonly kind: 'unresolved';
  readonly span: Span;
  readonly text: string;
}
export type Subject =
  | GroupSubject
  | DynamicGroupSubject
  | ServiceSubject
  | AnyUserSubject
  | AnyGroupSubject
  | ResourceSubject
  | UnresolvedSubject;
export type SubjectKind = Subject['kind'];

/** `of tenancy <alias>` (after an Admit subject, or after an association location). */
export interface OfTenancy {
  readonly span: Span;
  readonly alias: Name;
}

// ---------------------------------------------------------------------------------------------
// Verb or permission list, resource type
// ---------------------------------------------------------------------------------------------

export interface VerbAction {
  readonly kind: 'verb';
  readonly span: Span;
  readonly verb: Verb;
}
/** `{PERM_A, PERM_B}`: span covers the braces. */
export interface PermissionsAction {
  readonly kind: 'permissions';
  readonly span: Span;
  readonly items: readonly Name[];
}
export type Action = VerbAction | PermissionsAction;

export interface ResourceType {
  readonly span: Span;
  /** Lower-case type or family (`instance-family`, `all-resources`); raw text when unresolved. */
  readonly name: string;
  readonly unresolved?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------------------------

/** `tenancy`, or `tenancy <alias>` in Endorse, Admit and association statements. */
export interface TenancyLocation {
  readonly kind: 'tenancy';
  readonly span: Span;
  readonly alias?: Name;
}
export interface AnyTenancyLocation {
  readonly kind: 'any-tenancy';
  readonly span: Span;
}
/** `compartment a` or `compartment a:b:c` (path from the policy's compartment down). */
export interface CompartmentLocation {
  readonly kind: 'compartment';
  readonly span: Span;
  readonly path: readonly Name[];
  /** Association statements only: `in compartment c of tenancy <alias>`. */
  readonly ofTenancy?: OfTenancy;
}
export interface CompartmentIdLocation {
  readonly kind: 'compartment-id';
  readonly span: Span;
  readonly id: Name;
  readonly ofTenancy?: OfTenancy;
}
/** The whole location is an interpolation or placeholder (`in ${local.scope}`, `in <compartment-name>`). */
export interface UnresolvedLocation {
  readonly kind: 'unresolved';
  readonly span: Span;
  readonly text: string;
}
export type Location =
  | TenancyLocation
  | AnyTenancyLocation
  | CompartmentLocation
  | CompartmentIdLocation
  | UnresolvedLocation;

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

/**
 * A variable path as written: `request.permission`, `target.resource.tag.ns.key`, or in an
 * association statement `2.subnet.id` (the second resource's attribute).
 */
export interface Variable {
  readonly kind: 'variable';
  readonly span: Span;
  readonly path: string;
  readonly unresolved?: boolean;
}
/** `'text'`: span includes the quotes, `value` does not. */
export interface StringValue {
  readonly kind: 'string';
  readonly span: Span;
  readonly value: string;
  readonly unresolved?: boolean;
}
/** `/pattern/` with `*` wildcards: span includes the slashes, `value` does not. */
export interface PatternValue {
  readonly kind: 'pattern';
  readonly span: Span;
  readonly value: string;
  readonly unresolved?: boolean;
}
/** An unquoted value that is not a variable (`Bucket-A`, `${var.x}`). */
export interface BareValue {
  readonly kind: 'bare';
  readonly span: Span;
  readonly value: string;
  readonly unresolved?: boolean;
}
export type Value = StringValue | PatternValue | BareValue | Variable;
/** `('a', 'b')` in `in (...)` and function arguments. */
export interface ValueList {
  readonly kind: 'list';
  readonly span: Span;
  readonly items: readonly Value[];
}

export const COMPARISON_OPS = ['=', '!=', 'before', 'after', 'between', 'in'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/**
 * `left op right`. `right` holds one value for `=`, `!=`, `before`, `after`; two for
 * `between x and y`; one or more for `in (x, y)`.
 */
export interface Comparison {
  readonly kind: 'comparison';
  readonly span: Span;
  readonly left: Variable;
  readonly op: ComparisonOp;
  readonly right: readonly Value[];
}
/** `any {...}` (logical OR) or `all {...}` (logical AND). */
export interface GroupCondition {
  readonly kind: 'group';
  readonly span: Span;
  readonly op: 'any' | 'all';
  readonly children: readonly Condition[];
  /** Written with parentheses `any( ... )` instead of braces (questionable). */
  readonly parens?: boolean;
  /** The closing bracket is inside an interpolation (`all {a != 'x' ${cond ? ",...}" : "}"}`). */
  readonly unterminated?: boolean;
}
/** A function call such as `sets-intersect(target.resource.tag.ns.k, ('a', 'b'))`; name lower-case. */
export interface CallCondition {
  readonly kind: 'call';
  readonly span: Span;
  readonly name: string;
  readonly args: readonly (Value | ValueList)[];
}
/** A condition, or the rest of a condition list, hidden by an interpolation or placeholder. */
export interface UnresolvedCondition {
  readonly kind: 'unresolved';
  readonly span: Span;
  readonly text: string;
  /** Follows the previous condition without a comma (the interpolation supplies its own). */
  readonly glued?: boolean;
}
export type Condition = Comparison | GroupCondition | CallCondition | UnresolvedCondition;

/** `where <condition>`; `keyword` is false when an interpolation after the location stands in for it. */
export interface WhereClause {
  readonly span: Span;
  readonly keyword: boolean;
  readonly condition: Condition;
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

interface GrantBase {
  readonly span: Span;
  readonly subject: Subject;
  readonly action: Action;
  /** Present exactly when `action.kind === 'verb'`. */
  readonly resource?: ResourceType;
  /** Missing only when the statement leaves it out (reported as questionable). */
  readonly location?: Location;
  readonly where?: WhereClause;
}
export interface AllowStatement extends GrantBase {
  readonly kind: 'allow';
}
export interface EndorseStatement extends GrantBase {
  readonly kind: 'endorse';
}
export interface AdmitStatement extends GrantBase {
  readonly kind: 'admit';
  readonly ofTenancy?: OfTenancy;
}
/** `Endorse|Admit <subject> to associate <rt> in <loc> with <rt2> in <loc2> [where ...]`. */
export interface AssociateStatement {
  readonly kind: 'associate';
  readonly keyword: 'allow' | 'endorse' | 'admit';
  readonly span: Span;
  readonly subject: Subject;
  readonly ofTenancy?: OfTenancy;
  readonly resource: ResourceType;
  readonly location: Location;
  readonly withResource: ResourceType;
  readonly withLocation: Location;
  readonly where?: WhereClause;
}
export const DEFINE_TARGETS = ['tenancy', 'group', 'dynamic-group', 'compartment'] as const;
export type DefineTarget = (typeof DEFINE_TARGETS)[number];

/**
 * `define tenancy|group|dynamic-group|compartment <alias> as <ocid>`. `define compartment` appears
 * in Oracle's OKE virtual-node policies; `define dynamic-group` is accepted but not documented.
 */
export interface DefineStatement {
  readonly kind: 'define';
  readonly span: Span;
  readonly target: DefineTarget;
  readonly alias: Name;
  readonly ocid: Name;
}
export type GrantStatement = AllowStatement | EndorseStatement | AdmitStatement;
export type Statement = GrantStatement | AssociateStatement | DefineStatement;
export type StatementKind = Statement['kind'];

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export type QuestionableCode =
  | 'missing-location'
  | 'unquoted-value'
  | 'any-parentheses'
  | 'unknown-resource-type'
  | 'unknown-function'
  | 'any-tenancy-outside-endorse'
  | 'admit-without-tenancy'
  | 'associate-in-allow'
  | 'define-dynamic-group';

/** A soft problem in a statement that still parses (`iam-questionable-syntax`). */
export interface Questionable {
  readonly code: QuestionableCode;
  readonly span: Span;
  readonly message: string;
}

export type UnresolvedPart =
  | 'subject'
  | 'tenancy-alias'
  | 'permission'
  | 'resource'
  | 'location'
  | 'condition'
  | 'define';

/** A part hidden by `${...}`, `%v` or a `<placeholder>` (`iam-unresolved`). */
export interface Unresolved {
  readonly part: UnresolvedPart;
  readonly span: Span;
  /** The raw text of the hidden part. */
  readonly text: string;
  /** What was not checked, e.g. "the subject is hidden by ${...}; who gets the grant was not checked". */
  readonly message: string;
}

export interface ParseError {
  readonly span: Span;
  readonly message: string;
  /** The alternatives the parser would have accepted (`inspect`, `'{'`, `end of statement`, ...). */
  readonly expected: readonly string[];
  /** The text found instead, or `end of statement`. */
  readonly found: string;
}

export type StatementResult =
  | {
      readonly ok: true;
      readonly statement: Statement;
      readonly questionable: readonly Questionable[];
      readonly unresolved: readonly Unresolved[];
    }
  | { readonly ok: false; readonly error: ParseError };
