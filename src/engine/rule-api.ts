/**
 * The rule API. A rule is one module under `rules/<layer>/<id>.ts` that default-exports
 * `defineRule({ meta, check })`. `check` yields reports that point at a node or a span;
 * the engine turns them into positioned findings. Rules never compute lines or columns,
 * never read files and never print.
 *
 * Anchoring conventions (applied by the helpers in `src/k8s/anchor.ts`):
 * - a bad value points at the value node;
 * - a missing field points at the key of the pair that holds the enclosing map, or, for a
 *   map inside a list that has a `name` (a container), at that `name` entry;
 * - a whole-object problem points at the object's `kind` value.
 */
import type { Node, Pair } from 'yaml';
import type { Layer, Level, Span } from './types.js';
import type { K8sResource } from '../k8s/resource.js';
import type { Questionable, Statement, Unresolved } from '../oci-iam/ast.js';
import type { Workload } from '../k8s/workload.js';
import type { PssMeta, PssPolicy } from '../k8s/pss.js';
import type { OkeResource } from '../oke/model.js';
import type { ObjectReading, OkeReading, SpanAt } from '../oke/query.js';

/**
 * Kinds of unit a rule can apply to: Kubernetes objects, OCI IAM policy statements, OKE cluster
 * and node-pool configuration. `engine` rules are emitted by the engine itself.
 */
export type UnitKind = 'k8s' | 'iam' | 'oke' | 'engine';

/**
 * Where a report points: a yaml node, a pair (key start to value end), an explicit range, or
 * anything with a `span` in file offsets (every IAM AST node, a questionable or unresolved item).
 */
export type At = Node | Pair | { readonly range: readonly [number, number] } | { readonly span: Span };

export type MessageData = Readonly<Record<string, string | number>>;

export interface Report {
  readonly messageId: string;
  readonly data?: MessageData;
  readonly at: At;
  /** The span holds a secret: reporters never show its text (code frames mask it). */
  readonly redact?: boolean;
  /**
   * This report's level when the rule runs at its default level (e.g. a namespaced grant as a
   * warning where the rule's default, cluster-wide, is an error). A level set in config or on
   * the command line overrides it.
   */
  readonly level?: Level;
}

/** A JSON Schema for a rule's options (validated with ajv at registry load). */
export type OptionsSchema = Readonly<Record<string, unknown>>;

export interface RuleMeta<O = undefined> {
  /** kebab-case, equal to the file name, globally unique. */
  readonly id: string;
  /** Equal to the folder name. */
  readonly layer: Layer;
  /** Default level. */
  readonly level: Level;
  /** GitHub security severity, 0.1 to 10 (avoid exactly 9.0). */
  readonly securitySeverity: number;
  /** One sentence: what the rule finds. */
  readonly description: string;
  /** One sentence ending in a period: how to fix it. */
  readonly remediation: string;
  readonly tags: readonly string[];
  readonly appliesTo: readonly UnitKind[];
  /** Enabled by the `recommended` preset (every rule is enabled by `strict`). */
  readonly recommended: boolean;
  /** Message templates with `{{placeholder}}` slots. */
  readonly messages: Readonly<Record<string, string>>;
  readonly options?: OptionsSchema;
  readonly defaultOptions?: O;
  /** For Pod Security Standards checks: level, upstream check id, first version, override. */
  readonly pss?: PssMeta;
}

declare const anchorBrand: unique symbol;
/** A position resolved while its file was being linted; project rules keep it in their facts. */
export interface Anchor {
  readonly [anchorBrand]: 'anchor';
}

export interface K8sContext<O> {
  readonly resource: K8sResource;
  readonly options: O;
  /** The pod spec and containers of a workload object, or undefined for other kinds. */
  workload(): Workload | undefined;
  /** The Pod Security Standards level and version this object is evaluated at. */
  readonly pss: PssPolicy;
  /** Resolves `at` now, for a project rule's facts. */
  anchor(at: At, redact?: boolean): Anchor;
}

export interface Rule<O = undefined> {
  readonly meta: RuleMeta<O>;
  check(ctx: K8sContext<O>): Iterable<Report>;
}

/** A report of the project pass, at an anchor kept from the collect pass. */
export interface ProjectReport {
  readonly messageId: string;
  readonly data?: MessageData;
  readonly at: Anchor;
  /** As Report.level. */
  readonly level?: Level;
  /** Other places that explain the finding (the subject, binding and role of an RBAC chain). */
  readonly related?: readonly RelatedAnchor[];
}

/** A secondary location of a project finding, with what it shows. */
export interface RelatedAnchor {
  readonly at: Anchor;
  readonly message: string;
}

export interface ProjectContext<O> {
  readonly options: O;
  /** Which preset the run uses (cross-document rules tune their noise to it). */
  readonly preset: string;
}

/**
 * A rule over the whole linted set (several objects in several files): `collect` reads each
 * object while its file is parsed and returns small facts (with anchors, never AST nodes);
 * `analyze` runs once after every file and reports at those anchors.
 */
export interface ProjectRule<O, F> {
  readonly meta: RuleMeta<O>;
  collect(ctx: K8sContext<O>): Iterable<F>;
  analyze(facts: readonly F[], ctx: ProjectContext<O>): Iterable<ProjectReport>;
}

/** Where an IAM statement was read from. */
export type IamSourceKind = 'text' | 'json' | 'terraform';

/** The policy a statement belongs to (the name is known for JSON and Terraform policies). */
export interface IamPolicyInfo {
  readonly name?: string;
  readonly compartmentId?: string;
  /** Every statement of the same policy that parsed, in order (the checked one included). */
  readonly statements: readonly Statement[];
}

export interface IamContext<O> {
  /** The parsed statement; every node's `span` is in file offsets and can be reported as `at`. */
  readonly statement: Statement;
  readonly policy: IamPolicyInfo;
  readonly source: IamSourceKind;
  readonly options: O;
  /** Soft syntax problems the parser noted in this statement. */
  readonly questionable: readonly Questionable[];
  /** Parts of this statement hidden by `${...}`, `%v` or a `<placeholder>`. */
  readonly unresolved: readonly Unresolved[];
  /** The statement text under `at` as the parser saw it (JSON escapes decoded). */
  textOf(at: { readonly span: Span }): string;
}

/** A rule over OCI IAM policy statements (`appliesTo: ['iam']`). */
export interface IamRule<O = undefined> {
  readonly meta: RuleMeta<O>;
  checkStatement(ctx: IamContext<O>): Iterable<Report>;
}

/** A rule with its types erased, as the registry holds it. */
export interface AnyRule {
  readonly meta: RuleMeta<unknown>;
  check?(ctx: K8sContext<unknown>): Iterable<Report>;
  checkStatement?(ctx: IamContext<unknown>): Iterable<Report>;
  checkOke?(ctx: OkeContext<unknown>): Iterable<Report>;
  collect?(ctx: K8sContext<unknown>): Iterable<unknown>;
  analyze?(facts: readonly unknown[], ctx: ProjectContext<unknown>): Iterable<ProjectReport>;
}

export function defineRule<O = undefined>(rule: Rule<O>): Rule<O> {
  return rule;
}

export function defineProjectRule<O = undefined, F = unknown>(rule: ProjectRule<O, F>): ProjectRule<O, F> {
  return rule;
}

export function defineIamRule<O = undefined>(rule: IamRule<O>): IamRule<O> {
  return rule;
}

/** An OKE cluster, node pool or virtual node pool, in any of its written forms. */
export interface OkeContext<O> {
  readonly resource: OkeResource;
  readonly options: O;
  /** `Cluster "prod"`, `Node pool oci_containerengine_node_pool.workers`: the unit, for messages. */
  readonly label: string;
  /** Where a finding about the whole unit points (the resource header, the `name` key). */
  readonly at: SpanAt;
  /** Every reading of a camelCase field path (`endpointConfig.isPublicIpEnabled`), lists walked through. */
  readAll(path: string): readonly OkeReading[];
  /** The first value (or else unresolved, or else missing) reading of a path. */
  read(path: string): OkeReading;
  /** Every reading of a path inside an object read before (one of several repeated blocks). */
  readWithin(base: ObjectReading, path: string): readonly OkeReading[];
  /** Every field of this name anywhere in the unit. */
  findAll(name: string): readonly OkeReading[];
  /** A camelCase path as this unit's file spells it (`endpoint_config.is_public_ip_enabled`). */
  spell(path: string): string;
}

/** A rule over OKE cluster and node-pool configuration (`appliesTo: ['oke']`). */
export interface OkeRule<O = undefined> {
  readonly meta: RuleMeta<O>;
  checkOke(ctx: OkeContext<O>): Iterable<Report>;
}

export function defineOkeRule<O = undefined>(rule: OkeRule<O>): OkeRule<O> {
  return rule;
}
