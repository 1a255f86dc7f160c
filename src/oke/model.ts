/**
 * The view okelint builds over OKE cluster, node pool and virtual node pool configuration,
 * whatever it was written in: OCI API JSON (camelCase), OCI CLI JSON (kebab-case under `data`)
 * or Terraform (snake_case attributes and blocks). Keys are compared in a canonical form
 * (`canonicalKey`), so `endpointConfig`, `endpoint-config` and `endpoint_config` are one field.
 *
 * Every field keeps where it is written: the span of its key (attribute name, JSON key, block
 * type) and of the whole field (attribute, key-value pair, block). A value is a literal (a value
 * read from terraform.tfvars or a `variable` default keeps the position of the attribute in the
 * `.tf` file, and says where it came from), or unresolved with the reason (an expression, a
 * variable without a literal value, a `dynamic` block whose `for_each` is not literal).
 */
import type { Span } from '../engine/types.js';

export type { Span };

/** What a configuration unit describes. */
export type OkeKind = 'cluster' | 'node-pool' | 'virtual-node-pool';

/** Which of the three written forms the unit is in. */
export type OkeFormat = 'api' | 'cli' | 'terraform';

/** A plain JSON-like value. */
export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/** A literal value. */
export interface OkeValue {
  readonly kind: 'value';
  readonly value: PlainValue;
  /** The value alone (a secret is masked over this span). */
  readonly valueSpan: Span;
  /** Where a Terraform value came from when not written at the field: `var.x in terraform.tfvars`. */
  readonly origin?: string;
  /** For a string written in the file: the file span of its characters `[start, end)`. */
  readonly locate?: (start: number, end: number) => Span;
}

/** A value okelint cannot know from the files. */
export interface OkeUnresolved {
  readonly kind: 'unresolved';
  /** Names what hid the value: `var.x is not set in terraform.tfvars or *.auto.tfvars and has no default`. */
  readonly reason: string;
  /** Where to report it: the attribute, or the `for_each` of a dynamic block. */
  readonly span: Span;
  /**
   * The expression is a bare reference to another resource or a data source (`oci_kms_key.k.id`),
   * or a list of them: unknown until Terraform runs, but set.
   */
  readonly references?: readonly OkeReference[];
}

/** `oci_core_subnet.workers.id`: type `oci_core_subnet`, name `workers`; data sources have type `data.<type>`. */
export interface OkeReference {
  readonly type: string;
  readonly name: string;
  readonly text: string;
  readonly span: Span;
}

/** An object (JSON object, Terraform block or object expression). */
export interface OkeObject {
  readonly kind: 'object';
  readonly span: Span;
  readonly fields: readonly OkeField[];
  /** Fields known NOT to be there, and why (a dynamic block whose `for_each` is empty). */
  readonly absent?: readonly OkeAbsent[];
  /** Parts of the object that could not be read (maps merged in from expressions). */
  readonly unresolved?: readonly OkeUnresolved[];
}

/** A list of objects (a JSON array of objects). */
export interface OkeList {
  readonly kind: 'list';
  readonly span: Span;
  readonly items: readonly OkeNode[];
}

export type OkeNode = OkeObject | OkeList | OkeValue | OkeUnresolved;

export interface OkeField {
  /** `canonicalKey` of the name. */
  readonly key: string;
  /** As written in the file. */
  readonly name: string;
  readonly keySpan: Span;
  /** The whole field: attribute, key-value pair, block. */
  readonly span: Span;
  readonly value: OkeNode;
}

export interface OkeAbsent {
  readonly key: string;
  readonly name: string;
  /** The `dynamic "x"` header. */
  readonly span: Span;
  readonly why: string;
}

/** A Terraform `oci_core_subnet` of the same file: can its VNICs get public IPs? */
export interface SubnetFacts {
  readonly name: string;
  /** The resource's header. */
  readonly span: Span;
  readonly publicIps: 'allowed' | 'prohibited' | OkeUnresolved;
  /** Why they are allowed or prohibited, in words. */
  readonly because: string;
}

export interface OkeResource {
  readonly kind: OkeKind;
  readonly format: OkeFormat;
  /** The resource label (Terraform) or its `name` / `displayName` (JSON). */
  readonly name?: string;
  /** Where a finding about the whole unit points: the resource header, the `data` key, the `name` key. */
  readonly anchor: Span;
  readonly root: OkeObject;
  /** Path of the unit in the file (`['data']`, `['data', 2]`, `[]`), for finding paths. */
  readonly path: readonly (string | number)[];
  /** Terraform `count` / `for_each`: the block may stand for several resources, or none. */
  readonly repeated: boolean;
  /**
   * Read from a JSON array (list output: `oci ce cluster list`, ListClusters): the API returns
   * summaries there, which leave some fields out (a cluster summary has no `kmsKeyId`).
   */
  readonly listed: boolean;
  /** Terraform subnets declared in the same file, by resource name. */
  readonly subnets: ReadonlyMap<string, SubnetFacts>;
}

/** Terraform resource types and the API model names used as finding identity. */
export const TERRAFORM_TYPES: Readonly<Record<string, OkeKind>> = {
  oci_containerengine_cluster: 'cluster',
  oci_containerengine_node_pool: 'node-pool',
  oci_containerengine_virtual_node_pool: 'virtual-node-pool',
};

export const MODEL_NAMES: Readonly<Record<OkeKind, string>> = {
  'cluster': 'Cluster',
  'node-pool': 'NodePool',
  'virtual-node-pool': 'VirtualNodePool',
};
