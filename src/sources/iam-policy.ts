/**
 * OCI IAM policy sources: every statement of a file, parsed once, with spans in file offsets.
 *
 * Readers:
 * - `.policy` text (okelint's own format): a statement starts at the beginning of a line with a
 *   start word (Allow, Endorse, Admit, Define; any case; `Deny` too, so that it gets its own
 *   error) and continues on the following lines that are neither blank, nor `#` comments, nor
 *   start a statement. A line outside any statement starts one as well (and gets a parse error).
 * - JSON from `oci iam policy get` (`{"data": {...}}`), `oci iam policy list` (`{"data": [...]}`),
 *   and the API (camelCase policy objects, one or a list). Each statement string is mapped back
 *   to its raw offsets, escapes included, so findings point inside the JSON string.
 * - Other host formats (Terraform `oci_identity_policy`) plug in through `buildIamSource`: give
 *   each statement string with the file offset of its first character (and `offsets` when the
 *   host's escapes make raw and decoded text differ).
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, type Scalar, type YAMLError, type YAMLMap } from 'yaml';
import type { IamSourceKind } from '../engine/rule-api.js';
import type { Span, TextFile } from '../engine/types.js';
import { parseStatement, type StatementResult } from '../oci-iam/index.js';
import type { ParseProblem } from './k8s-yaml.js';
import { parseYamlStream } from './nesting.js';

/** One statement string as found in its host file, before parsing. */
export interface StatementText {
  /** The statement as the policy engine sees it (escapes decoded). */
  readonly text: string;
  /** File offset of `text[0]`. */
  readonly start: number;
  /**
   * File offset of each index of `text` (length `text.length + 1`, the last one is where the
   * string ends); only when escapes make the raw text longer than `text`.
   */
  readonly offsets?: readonly number[];
  /** The raw text cannot be mapped index by index: every span becomes this one (the whole string). */
  readonly whole?: Span;
}

/** An entry of a statements list that is not a string (`3`, `null`, an object). */
export interface NotAStatement {
  readonly notText: Span;
  /** How it reads in a message: `3`, `null`, `an object`. */
  readonly found: string;
}

export type StatementSlice = StatementText | NotAStatement;

/** A policy as a reader found it: its statement strings, not yet parsed. */
export interface PolicySlice {
  readonly name?: string;
  readonly compartmentId?: string;
  readonly nameSpan?: Span;
  readonly statements: readonly StatementSlice[];
}

export interface IamStatementUnit extends StatementText {
  /** Index in the policy's statements list. */
  readonly index: number;
  /** Spans in file offsets. */
  readonly result: StatementResult;
}

export interface IamPolicyUnit {
  readonly name?: string;
  readonly compartmentId?: string;
  readonly nameSpan?: Span;
  readonly statements: readonly IamStatementUnit[];
}

export interface IamSource {
  readonly file: TextFile;
  readonly kind: IamSourceKind;
  readonly policies: readonly IamPolicyUnit[];
  /** Syntax problems of the host format (JSON, HCL): `parse-error`. */
  readonly problems: readonly ParseProblem[];
}

/** Parses every statement of `policies` (read from `file` by a `kind` reader). */
export function buildIamSource(file: TextFile, kind: IamSourceKind, policies: readonly PolicySlice[], problems: readonly ParseProblem[] = []): IamSource {
  return {
    file,
    kind,
    problems,
    policies: policies.map((p) => ({
      ...(p.name !== undefined && { name: p.name }),
      ...(p.compartmentId !== undefined && { compartmentId: p.compartmentId }),
      ...(p.nameSpan && { nameSpan: p.nameSpan }),
      statements: p.statements.map((s, index) => parseSlice(s, index)),
    })),
  };
}

function parseSlice(slice: StatementSlice, index: number): IamStatementUnit {
  if ('notText' in slice) {
    const span = slice.notText;
    return {
      index, text: '', start: span.start, whole: span,
      result: { ok: false, error: { span, message: `expected a policy statement (a string), found ${slice.found}`, expected: ['a string'], found: slice.found } },
    };
  }
  const { text, start, offsets, whole } = slice;
  let result: StatementResult;
  if (whole) result = mapSpans(parseStatement(text, 0), () => whole);
  else if (offsets) result = mapSpans(parseStatement(text, 0), (s) => ({ start: at(offsets, s.start), end: at(offsets, s.end) }));
  else result = parseStatement(text, start);
  return { ...slice, index, result };
}

function at(offsets: readonly number[], i: number): number {
  return offsets[Math.max(0, Math.min(i, offsets.length - 1))] ?? 0;
}

/** A copy of `value` (plain data: the parser's result) with every `span` mapped. */
function mapSpans<T>(value: T, map: (s: Span) => Span): T {
  if (Array.isArray(value)) return value.map((v: unknown) => mapSpans(v, map)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'span' ? map(v as Span) : mapSpans(v, map);
  return out as T;
}

/** The statement text under `span` (file offsets), as the parser saw it. */
export function statementTextAt(unit: StatementText, span: Span): string {
  if (unit.whole) return unit.text;
  if (!unit.offsets) return unit.text.slice(Math.max(0, span.start - unit.start), Math.max(0, span.end - unit.start));
  return unit.text.slice(lowerBound(unit.offsets, span.start), lowerBound(unit.offsets, span.end));
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------
// .policy text
// ---------------------------------------------------------------------------------------------

const START_WORD = /^[ \t]*(?:allow|endorse|admit|define|deny)(?=\s|$)/i;

/** A line index for text the yaml parser did not read. */
export function lineIndexOf(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** Splits `.policy` text into statements (one policy per file). Never throws. */
export function readPolicyText(path: string, text: string): IamSource {
  const file: TextFile = { path, text, lineCounter: lineIndexOf(text) };
  return buildIamSource(file, 'text', [{ statements: splitStatements(text) }]);
}

/** The statements of `.policy` text, each from its first to its last non-blank character. */
export function splitStatements(text: string): StatementText[] {
  const out: StatementText[] = [];
  let cur: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (cur) out.push({ text: text.slice(cur.start, cur.end), start: cur.start });
    cur = undefined;
  };
  for (let lineStart = 0; lineStart <= text.length;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const body = line.trim();
    if (body === '' || body.startsWith('#')) flush();
    else {
      const first = lineStart + line.length - line.trimStart().length;
      const last = lineStart + line.trimEnd().length;
      if (!cur || START_WORD.test(line)) {
        flush();
        cur = { start: first, end: last };
      } else cur.end = last;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON (OCI CLI and API)
// ---------------------------------------------------------------------------------------------

/** Reads policies from `oci iam policy get|list` output or API JSON (YAML with the same shape too). */
export function readPolicyJson(path: string, text: string): IamSource {
  const lineCounter = new LineCounter();
  const file: TextFile = { path, text, lineCounter };
  const policies: PolicySlice[] = [];
  const { docs, problems } = parseYamlStream(text, { lineCounter, keepSourceTokens: false });
  for (const e of (docs as { errors?: readonly YAMLError[] }).errors ?? []) problems.push(problemOf(e, text.length));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(problemOf(e, text.length));
      continue;
    }
    const root = doc.contents;
    const data = isMap(root) ? root.get('data', true) : undefined;
    const body = data !== undefined && (isMap(data) || isSeq(data)) ? data : root;
    const candidates = isSeq(body) ? body.items : [body];
    for (const c of candidates) {
      if (isMap(c) && c.has('statements')) policies.push(policyOf(c, text));
    }
  }
  return buildIamSource(file, 'json', policies, problems);
}

function policyOf(map: YAMLMap, text: string): PolicySlice {
  const nameNode = map.get('name', true);
  const name = stringOf(nameNode);
  const compartmentId = stringOf(map.get('compartment-id', true) ?? map.get('compartmentId', true) ?? map.get('compartment_id', true));
  const list = map.get('statements', true) as Node | undefined;
  const statements = isSeq(list) ? list.items.map((item) => sliceOf(item as Node | null, text)) : list ? [sliceOf(list, text)] : [];
  return {
    ...(name !== undefined && { name }),
    ...(compartmentId !== undefined && { compartmentId }),
    ...(name !== undefined && isScalar(nameNode) && nameNode.range && { nameSpan: { start: nameNode.range[0], end: nameNode.range[1] } }),
    statements,
  };
}

function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function sliceOf(node: Node | null, text: string): StatementSlice {
  const range = node?.range ?? [0, 0];
  const span = { start: range[0], end: range[1] };
  if (!isScalar(node) || typeof node.value !== 'string') {
    const found = isMap(node) ? 'an object' : isSeq(node) ? 'a list' : isScalar(node) ? text.slice(span.start, span.end) || 'null' : 'nothing';
    return { notText: span, found };
  }
  return scalarSlice(node as Scalar<string>, span, text);
}

/** Maps a string scalar's decoded value to its raw offsets; the whole string when that fails. */
function scalarSlice(node: Scalar<string>, span: Span, text: string): StatementText {
  const raw = text.slice(span.start, span.end);
  const value = node.value;
  if (node.type === 'QUOTE_DOUBLE') {
    const map = jsonStringOffsets(raw);
    if (map.value === value) {
      if (raw.length === value.length + 2) return { text: value, start: span.start + 1 };
      return { text: value, start: span.start + 1, offsets: map.offsets.map((o) => span.start + o) };
    }
  } else if (node.type === 'QUOTE_SINGLE' ? raw.slice(1, -1) === value : node.type === 'PLAIN' && raw === value) {
    return { text: value, start: span.start + (node.type === 'QUOTE_SINGLE' ? 1 : 0) };
  }
  return { text: value, start: span.start, whole: span };
}

/** A decoded JSON string and, for each decoded UTF-16 index, its offset in the raw literal. */
export interface JsonStringMap {
  readonly value: string;
  /** `offsets[i]` is the raw offset of decoded unit `i`; `offsets[value.length]` that of the closing quote. */
  readonly offsets: readonly number[];
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes a JSON string literal (`rawLiteral` starts with its opening quote) and maps every
 * decoded UTF-16 index to its raw offset: `\"`, `\\`, `\n` take two raw units, `\u00e9` six; a
 * surrogate pair written as two `\u` escapes gives two decoded units, one per escape. An unknown
 * escape decodes to the escaped character; an unterminated literal ends at the end of the text.
 */
export function jsonStringOffsets(rawLiteral: string): JsonStringMap {
  let value = '';
  const offsets: number[] = [];
  let i = rawLiteral.startsWith('"') ? 1 : 0;
  while (i < rawLiteral.length) {
    const ch = rawLiteral[i] as string;
    if (ch === '"') break;
    offsets.push(i);
    if (ch !== '\\' || i + 1 >= rawLiteral.length) {
      value += ch;
      i++;
      continue;
    }
    const esc = rawLiteral[i + 1] as string;
    const hex = esc === 'u' ? rawLiteral.slice(i + 2, i + 6) : '';
    if (/^[0-9a-fA-F]{4}$/.test(hex)) {
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else {
      value += SIMPLE_ESCAPES[esc] ?? esc;
      i += 2;
    }
  }
  offsets.push(Math.min(i, rawLiteral.length));
  return { value, offsets };
}

function problemOf(e: YAMLError, length: number): ParseProblem {
  const start = Math.min(e.pos[0], length);
  const end = Math.max(start, Math.min(e.pos[1], length));
  return { span: { start, end }, message: e.message.split('\n', 1)[0] ?? e.message, code: e.code };
}

/** Reads an IAM file with the reader its flavour names. */
export function readIamSource(path: string, text: string, flavor: 'text' | 'json'): IamSource {
  return flavor === 'json' ? readPolicyJson(path, text) : readPolicyText(path, text);
}
