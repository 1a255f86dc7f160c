/**
 * Quick fixes for okelint diagnostics: autofixes (from the providers the server registers: the
 * rule fixes of src/fix, see autofix.ts), "Disable RULE for this line" (a `# okelint-disable-next-line RULE -- <reason>` comment above, or the
 * id added to such a comment already there) and "Disable RULE for this object" (the
 * `okelint.io/ignore` annotation plus an `okelint.io/ignore-reason`).
 *
 * The reason inserted is the placeholder `<reason>`, which the engine reads as no reason: the
 * suppression suppresses nothing and is reported as `suppression-invalid` (placeholderReason), so
 * the finding stays visible, with an error on the new comment, until the user writes why. Clients
 * that take snippet edits get the placeholder selected.
 */
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE, type DiagnosticData } from './diagnostics.js';
import { parseHcl } from '../sources/hcl/parser.js';
import { parseYamlStream } from '../sources/nesting.js';
import type { Finding } from '../engine/types.js';

/** What an autofix provider sees for one diagnostic. */
export interface AutofixInput {
  readonly document: TextDocument;
  readonly diagnostic: Diagnostic;
  readonly data: DiagnosticData;
  /** The finding behind the diagnostic in the document's current text, when the server has it. */
  readonly finding: Finding | undefined;
}

/**
 * The hook for rule autofixes: returns `quickfix` code actions (with their edits) for a
 * diagnostic, or none. Listed before the disable actions.
 */
export type AutofixProvider = (input: AutofixInput) => readonly CodeAction[];

export interface CodeActionInput {
  readonly document: TextDocument;
  /** The diagnostics of the request's context (okelint's are picked out by `source`). */
  readonly diagnostics: readonly Diagnostic[];
  /** The client applies SnippetTextEdits (`workspace.workspaceEdit.snippetEditSupport`). */
  readonly snippets: boolean;
  readonly autofixes: readonly AutofixProvider[];
  /** The finding of the current text that a diagnostic stands for (see findingFor). */
  readonly findingOf?: (diagnostic: Diagnostic, data: DiagnosticData) => Finding | undefined;
}

/** Rules whose findings are not suppressed from the editor (syntax and suppression errors). */
const NOT_DISABLED = new Set(['parse-error', 'suppression-invalid']);

/** An edit before it becomes a TextEdit or a SnippetTextEdit. */
interface Edit {
  readonly range: Range;
  readonly text: string;
  /** The same text as a snippet (with `$0` where the reason goes). */
  readonly snippet: string;
}

/** The quick fixes for the request's okelint diagnostics: every autofix first, then the disables. */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const { document } = input;
  const kind = documentKind(document);
  for (const diagnostic of input.diagnostics) {
    const data = dataOf(diagnostic);
    if (!data) continue;
    const finding = input.findingOf?.(diagnostic, data);
    for (const p of input.autofixes) fixes.push(...p({ document, diagnostic, data, finding }));
    if (NOT_DISABLED.has(data.ruleId) || kind === 'other' || data.writtenIn !== undefined) continue;
    const line = disableLineEdit(document.getText(), diagnostic.range.start.line, data.ruleId);
    if (line && (kind !== 'terraform' || isHclComment(document, line))) disables.push(action(`Disable ${data.ruleId} for this line`, document, diagnostic, [line], input.snippets));
    if (kind !== 'yaml') continue;
    const object = disableObjectEdits(document.getText(), document.offsetAt(diagnostic.range.start), data.ruleId, document);
    if (object) disables.push(action(`Disable ${data.ruleId} for this object`, document, diagnostic, object, input.snippets));
  }
  return fixes.concat(disables);
}

/** `yaml` (comments and annotations), `policy` and `terraform` (comments only) or `other` (JSON: neither). */
function documentKind(doc: TextDocument): 'yaml' | 'policy' | 'terraform' | 'other' {
  const path = doc.uri.toLowerCase();
  if (path.endsWith('.policy')) return 'policy';
  if (path.endsWith('.tf')) return 'terraform';
  if (doc.languageId === 'yaml' || /\.ya?ml$/.test(path)) return 'yaml';
  return 'other';
}

/**
 * The finding a diagnostic stands for, among the findings of the document's current text: same
 * rule and fingerprint (line-independent, so a diagnostic the client moved after an edit still
 * matches), the one at the same range when several match.
 */
export function findingFor(findings: readonly Finding[], diagnostic: Diagnostic, data: DiagnosticData): Finding | undefined {
  const same = findings.filter((f) => f.ruleId === data.ruleId && f.fingerprint === data.fingerprint);
  const { start } = diagnostic.range;
  return same.find((f) => f.start.line - 1 === start.line && f.start.column - 1 === start.character) ?? same[0];
}

/**
 * Whether the directive a line edit writes in a `.tf` document is an HCL comment there (not text
 * inside a heredoc or a multi-line string) and the file parses no worse: else no action.
 */
function isHclComment(doc: TextDocument, edit: Edit): boolean {
  const text = doc.getText();
  const at = doc.offsetAt(edit.range.start);
  const after = text.slice(0, at) + edit.text + text.slice(doc.offsetAt(edit.range.end));
  const lineStart = after.lastIndexOf('\n', at - 1) + 1;
  const hash = after.indexOf('#', lineStart);
  const parsed = parseHcl(after);
  return parsed.errors.length <= parseHcl(text).errors.length && parsed.comments.some((c) => c.start === hash);
}

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  if (d.source !== SOURCE || typeof d.data !== 'object' || d.data === null) return undefined;
  const data = d.data as Partial<DiagnosticData>;
  return typeof data.ruleId === 'string' && typeof data.layer === 'string' ? (data as DiagnosticData) : undefined;
}

function action(title: string, doc: TextDocument, diagnostic: Diagnostic, edits: readonly Edit[], snippets: boolean): CodeAction {
  const edit: WorkspaceEdit = snippets
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => ({ range: e.range, snippet: { kind: 'snippet', value: e.snippet } })) }] }
    : { changes: { [doc.uri]: edits.map((e): TextEdit => ({ range: e.range, newText: e.text })) } };
  return { title, kind: 'quickfix', diagnostics: [diagnostic], edit };
}

/**
 * The reason the disable actions insert. The engine reads a reason in angle brackets as no reason
 * (suppression-invalid, placeholderReason), so the finding stays until someone writes why.
 */
export const REASON = '<reason>';

const DIRECTIVE_IDS = /^([ \t]*#[ \t]*okelint-disable-next-line[ \t]+)([^\s,]+(?:[ \t]*,[ \t]*[^\s,]+)*)/;

/**
 * The edit that disables `ruleId` on 0-based `line`: adds the id to a directive on the line
 * above, or inserts a new directive there at the line's indentation. Undefined when the
 * directive above already names the rule (then it lacks a reason, and says so itself).
 */
export function disableLineEdit(text: string, line: number, ruleId: string): Edit | undefined {
  const lines = text.split('\n');
  const current = lines[line] ?? '';
  const above = line > 0 ? (lines[line - 1] ?? '').replace(/\r$/, '') : undefined;
  const m = above === undefined ? null : DIRECTIVE_IDS.exec(above);
  if (m && m[2] !== undefined && !m[2].startsWith('--')) {
    const ids = m[2].split(',').map((s) => s.trim());
    if (ids.includes(ruleId)) return undefined;
    const at = { line: line - 1, character: m[0].length };
    const text = `,${ruleId}`;
    return { range: { start: at, end: at }, text, snippet: escapeSnippet(text) };
  }
  const indent = /^[ \t]*/.exec(current)?.[0] ?? '';
  const head = `${indent}# okelint-disable-next-line ${ruleId} --`;
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, text: `${head} ${REASON}\n`, snippet: `${escapeSnippet(head)} \${1:${REASON}}\n` };
}

/**
 * The edits that add `ruleId` to the `okelint.io/ignore` annotation of the Kubernetes object at
 * `offset`, with an empty `okelint.io/ignore-reason` when there is none. Only block-style
 * `metadata` (and block-style `annotations`, when present) are edited; otherwise undefined.
 */
export function disableObjectEdits(text: string, offset: number, ruleId: string, doc: Pick<TextDocument, 'positionAt'>): Edit[] | undefined {
  const object = objectAt(text, offset);
  const metadata = object && pairValue(object, 'metadata');
  if (!isMap(metadata) || metadata.flow || metadata.items.length === 0) return undefined;
  const at = (o: number): Range => ({ start: doc.positionAt(o), end: doc.positionAt(o) });
  const reasonLine = (indent: string): Pick<Edit, 'text' | 'snippet'> => ({
    text: `${indent}okelint.io/ignore-reason: "${REASON}"\n`,
    snippet: `${indent}okelint.io/ignore-reason: "\${1:${REASON}}"\n`,
  });
  const annotationsPair = pairOf(metadata, 'annotations');
  if (!annotationsPair) {
    const first = keyStart(metadata.items[0]);
    if (first === undefined) return undefined;
    const indent = indentAt(text, first);
    const head = `${indent}annotations:\n${indent}  okelint.io/ignore: ${JSON.stringify(ruleId)}\n`;
    const reason = reasonLine(`${indent}  `);
    return [{ range: at(lineStart(text, first)), text: head + reason.text, snippet: escapeSnippet(head) + reason.snippet }];
  }
  const annotations = annotationsPair.value;
  if (!isMap(annotations) || annotations.flow || annotations.items.length === 0) return undefined;
  const first = keyStart(annotations.items[0]);
  if (first === undefined) return undefined;
  const indent = indentAt(text, first);
  const ignore = pairOf(annotations, 'okelint.io/ignore');
  const hasReason = pairOf(annotations, 'okelint.io/ignore-reason') !== undefined;
  if (!ignore) {
    const line = `${indent}okelint.io/ignore: ${JSON.stringify(ruleId)}\n`;
    const reason = hasReason ? { text: '', snippet: '' } : reasonLine(indent);
    return [{ range: at(lineStart(text, first)), text: line + reason.text, snippet: escapeSnippet(line) + reason.snippet }];
  }
  const value = ignore.value;
  const ignoreKey = keyStart(ignore);
  if (!isScalar(value) || !value.range || ignoreKey === undefined) return undefined;
  const ids = String(value.value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.includes(ruleId)) return undefined;
  const replaced = JSON.stringify([...ids, ruleId].join(','));
  const edits: Edit[] = [];
  if (!hasReason) edits.push({ range: at(lineStart(text, ignoreKey)), ...reasonLine(indent) });
  edits.push({ range: { start: doc.positionAt(value.range[0]), end: doc.positionAt(value.range[1]) }, text: replaced, snippet: escapeSnippet(replaced) });
  return edits;
}

/** The Kubernetes object (a `List` item when the offset is inside one) whose node holds `offset`. */
function objectAt(text: string, offset: number): YAMLMap | undefined {
  for (const doc of parseYamlStream(text).docs) {
    if (doc.errors.length > 0 || offset < doc.range[0] || offset > doc.range[2]) continue;
    const root = doc.contents;
    if (!isMap(root)) return undefined;
    const kind = pairValue(root, 'kind');
    const items = isScalar(kind) && String(kind.value).endsWith('List') ? pairValue(root, 'items') : undefined;
    if (isSeq(items)) {
      const item = items.items.find((i) => isMap(i) && i.range && i.range[0] <= offset && offset < i.range[2]);
      if (isMap(item)) return item;
    }
    return root;
  }
  return undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function pairValue(map: YAMLMap, key: string): unknown {
  return pairOf(map, key)?.value;
}

function keyStart(pair: Pair | undefined): number | undefined {
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation of a block key at `offset`: its column, as spaces. */
function indentAt(text: string, offset: number): string {
  return ' '.repeat(offset - lineStart(text, offset));
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}
