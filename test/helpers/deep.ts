/**
 * Hostile nesting for every reader (YAML flow and block, compact mappings, JSON, OCI policy JSON,
 * Terraform, tfvars JSON), each with the 1-based line and column of the first collection nested
 * beyond the readers' limit: where the `parse-error` (`NESTING`) must point.
 */

/** The readers' documented limit (docs/architecture.md, src/sources/nesting.ts). */
export const LIMIT = 256;

export interface DeepInput {
  readonly name: string;
  readonly text: string;
  /** Where the first collection at depth LIMIT + 1 starts. */
  readonly line: number;
  readonly column: number;
}

const CONFIGMAP = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n`;

/** `  a: [[[…]]]` under `data:`: the root map is level 1, `data` 2, so bracket k is level k + 2. */
export function flowSequence(n: number, name = 'flow'): DeepInput {
  const text = `${CONFIGMAP(name)}  a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
  // Line 6, `  a: ` is 5 columns: bracket k (1-based) is at column 5 + k; level 257 is k = 255.
  return { name: `${name}.yaml`, text, line: 6, column: 5 + (LIMIT - 1) };
}

/** Block mappings, one more space of indentation per line: the key at column i + 1 opens level i + 1. */
export function blockMapping(n: number, name = 'block'): DeepInput {
  let text = CONFIGMAP(name);
  for (let i = 1; i <= n; i++) text += `${' '.repeat(i)}k:\n`;
  // Line 5 + i holds the map of level i + 1, so level 257 is i = 256: line 261, column 257.
  return { name: `${name}.yaml`, text, line: 5 + LIMIT, column: LIMIT + 1 };
}

/** `- - - … x` on one line, the value of `a` (level 2 is `data`'s map): dash k opens level k + 2. */
export function blockSequence(n: number, name = 'blockseq'): DeepInput {
  const text = `${CONFIGMAP(name)}  a:\n  ${'- '.repeat(n)}x\n`;
  // Line 7: dash k (1-based) is at column 3 + 2(k − 1); level 257 is k = 255.
  return { name: `${name}.yaml`, text, line: 7, column: 3 + 2 * (LIMIT - 2) };
}

/** `a: a: a: …` on one line (invalid YAML, but the parser nests a mapping per key): key k opens level k. */
export function compactMappings(n: number, name = 'compact'): DeepInput {
  const text = `${'a: '.repeat(n)}x\n`;
  // Key k (1-based) is at column 3(k − 1) + 1; level 257 is k = 257.
  return { name: `${name}.yaml`, text, line: 1, column: 3 * LIMIT + 1 };
}

/**
 * A Kubernetes object in JSON whose `data` nests `{"a": …}`: the root is level 1, brace k of the
 * chain level k + 1. As a Namespace it is parsed twice (pre-pass and main pass): before the limit
 * that alone aborted node ("RegExpCompiler Allocation failed").
 */
export function jsonObject(n: number, name = 'deep', kind = 'ConfigMap'): DeepInput {
  const head = `{"apiVersion": "v1", "kind": "${kind}", "metadata": {"name": "${name}"}, "data": `;
  const text = `${head}${'{"a": '.repeat(n)}1${'}'.repeat(n)}}\n`;
  // Brace k (1-based) of the chain is at column head.length + 6(k − 1) + 1; level 257 is k = 256.
  return { name: `${name}.json`, text, line: 1, column: head.length + 6 * (LIMIT - 1) + 1 };
}

/** A Namespace (read by the pre-pass too) whose labels nest flow sequences: bracket k is level k + 2. */
export function namespaceLabels(n: number, name = 'deep-ns'): DeepInput {
  const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${'['.repeat(n)}${']'.repeat(n)}\n`;
  // Line 5, `  labels: ` is 10 columns: bracket k at column 10 + k; level 257 is k = 255.
  return { name: `${name}.yaml`, text, line: 5, column: 10 + (LIMIT - 1) };
}

/** `oci iam policy get` output with a statement and deeply nested freeform tags: brace k of the chain is level k + 2. */
export function policyJson(n: number, name = 'deep-policy'): DeepInput {
  const head = `{"data": {"name": "${name}", "compartment-id": "ocid1.tenancy.oc1..aaa", `
    + '"statements": ["Allow group Admins to manage all-resources in tenancy"], "freeform-tags": ';
  const text = `${head}${'{"a": '.repeat(n)}"x"${'}'.repeat(n)}}}\n`;
  // Level 257 is brace k = 255 of the chain.
  return { name: `${name}.json`, text, line: 1, column: head.length + 6 * (LIMIT - 2) + 1 };
}

/** A Terraform attribute `a = [[[…]]]`: bracket k is level k. */
export function terraformTuple(n: number, name = 'deep'): DeepInput {
  const text = `a = ${'['.repeat(n)}${']'.repeat(n)}\n`;
  return { name: `${name}.tf`, text, line: 1, column: 4 + LIMIT + 1 };
}

/** Nested Terraform blocks, indented: block k is level k; its `{` is where the limit is passed. */
export function terraformBlocks(n: number, name = 'blocks'): DeepInput {
  let text = '';
  for (let i = 0; i < n; i++) text += `${'  '.repeat(i)}b {\n`;
  for (let i = n - 1; i >= 0; i--) text += `${'  '.repeat(i)}}\n`;
  // Block k (1-based) is on line k, its `{` at column 2(k − 1) + 3.
  return { name: `${name}.tf`, text, line: LIMIT + 1, column: 2 * LIMIT + 3 };
}

/** `terraform.tfvars.json` with `{"x": [[[…]]]}`: the root is level 1, bracket k level k + 1. */
export function tfvarsJson(n: number): DeepInput {
  const text = `{"x": ${'['.repeat(n)}${']'.repeat(n)}, "stmt": "Allow group Admins to manage all-resources in tenancy"}\n`;
  return { name: 'terraform.tfvars.json', text, line: 1, column: 6 + LIMIT };
}

/** One level of a generated YAML chain. Block styles inside a flow collection become flow ones. */
export type YamlStyle = 'flowSeq' | 'flowMap' | 'jsonMap' | 'blockMap' | 'blockSeq' | 'blockSeqAtKey';

/**
 * A chain of collections, one per style, each inside the previous one, around the scalar `1`:
 * block levels on their own lines (a sequence may sit at its key's indentation), flow levels on
 * one line. `starts[i]` is the offset of level i + 1's first token (its key, `-`, `[` or `{`).
 */
export function yamlChain(styles: readonly YamlStyle[]): { readonly text: string; readonly starts: readonly number[] } {
  let text = '';
  const starts: number[] = [];
  const closers: string[] = [];
  let indent = 0;
  let keyIndent: number | undefined;
  styles.forEach((style, i) => {
    const inFlow = closers.length > 0;
    const s: YamlStyle = inFlow && style.startsWith('block') ? (style === 'blockMap' ? 'flowMap' : 'flowSeq') : style;
    if (s === 'flowSeq' || s === 'flowMap' || s === 'jsonMap') {
      if (!inFlow && i > 0) text += ' ';
      starts.push(text.length);
      text += s === 'flowSeq' ? '[' : s === 'flowMap' ? '{k: ' : '{"k": ';
      closers.push(s === 'flowSeq' ? ']' : '}');
      return;
    }
    const at = s === 'blockSeqAtKey' && keyIndent !== undefined ? keyIndent : indent;
    if (i > 0) text += '\n';
    text += ' '.repeat(at);
    starts.push(text.length);
    text += s === 'blockMap' ? 'k:' : '-';
    keyIndent = s === 'blockMap' ? at : undefined;
    indent = at + 1;
  });
  const leaf = closers.length > 0 || styles.length === 0 ? '1' : ' 1';
  return { text: `${text}${leaf}${closers.reverse().join('')}`, starts };
}

/** One level of a generated HCL expression chain: each is one nesting level of the parser, entered at its first token. */
export type HclStyle = 'tuple' | 'object' | 'paren' | 'call';

/**
 * `[`, `{ k = `, `(`, `f(` nested around `1`, and where the first token beyond the limit is. Every
 * HCL expression is a level: the innermost `1` is level `styles.length + 1`, and an object's key
 * is a level below the object, like its value.
 */
export function hclChain(styles: readonly HclStyle[]): { readonly text: string; readonly beyond?: number } {
  let text = '';
  const starts: number[] = [];
  const closers: string[] = [];
  for (const s of styles) {
    starts.push(text.length);
    text += s === 'tuple' ? '[' : s === 'object' ? '{ k = ' : s === 'paren' ? '(' : 'f(';
    closers.push(s === 'tuple' ? ']' : s === 'object' ? ' }' : ')');
  }
  starts.push(text.length);
  const last = starts[LIMIT - 1];
  const beyond = styles[LIMIT - 1] === 'object' && last !== undefined ? last + 2 : starts[LIMIT];
  return { text: `${text}1${closers.reverse().join('')}`, ...(beyond !== undefined && { beyond }) };
}
