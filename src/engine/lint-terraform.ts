/**
 * The per-file pass for Terraform (`.tf`): HCL syntax errors become `parse-error` findings at the
 * parser's position (the parser resumes at the next line, so the other blocks still lint);
 * `oci_identity_policy` statements go through the IAM rules exactly as `.policy` and JSON
 * statements do, positioned where their text is written; statements that do not resolve to
 * literal text get an `iam-unresolved` note naming what hid them. Suppressions (`#` and `//`
 * comments) are applied once, over all of the file's findings. Nothing here touches the
 * filesystem: the module's other files come in through `input.module`.
 */
import { findingAt, Fingerprints, positionAnchor, type Origin } from './anchor.js';
import type { ResolvedConfig } from './config-types.js';
import type { FileResult, LintFileInput } from './lint-file.js';
import { iamFindings, suppressFindings, type UnitFile } from './lint-iam.js';
import { collectOkeFindings } from './lint-oke.js';
import type { MessageData } from './rule-api.js';
import type { Finding, Span, TextFile } from './types.js';
import { positionOf } from './position.js';
import { parseHcl } from '../sources/hcl/parser.js';
import type { StatementUnresolved, TerraformSource } from '../sources/hcl/tf-policy.js';
import { lineIndexOf, type IamStatementUnit } from '../sources/iam-policy.js';
import { readTerraformIam, type TerraformIam } from '../sources/terraform-iam.js';
import { moduleScope, type TerraformModule } from '../sources/terraform-module.js';
import { okeResourcesFromTerraform } from '../oke/terraform.js';

const PARSE_ERROR = 'parse-error';
const IAM_UNRESOLVED = 'iam-unresolved';

/** Lints one `.tf` file's text. */
export function lintTerraform(input: LintFileInput, config: ResolvedConfig, today: string): FileResult {
  const { uri } = input;
  const parsed = parseHcl(input.text);
  const file: TextFile = { path: input.path, text: input.text, lineCounter: lineIndexOf(input.text) };
  const tf: TerraformSource = { path: input.path, text: input.text, body: parsed.body };
  const scope = input.module ? input.module.scopeFor(tf) : moduleScope(tf);
  const fingerprints = new Fingerprints();
  const others = new ModuleFiles(input.module, tf.path);
  const findings: Finding[] = [];
  const emit = engineEmitter(config, fingerprints, findings);

  for (const e of parsed.errors) emit({ file, uri }, PARSE_ERROR, 'hcl', e.span, { message: e.message });

  const iam = readTerraformIam(file, tf, scope);
  const raw = iamFindings(iam.source, uri, config, {
    fingerprints,
    fileOf: (unit) => {
      const at = iam.elsewhere.get(unit);
      return at && others.unitFile(at.path, { file, uri }, at.via, 'the statement is used here');
    },
  });
  const reasoned = withReasons(raw.findings, iam, others, tf.path);
  findings.push(...reasoned.findings);
  for (const u of unresolvedNotes(iam, reasoned.named)) {
    const cause = u.statement.cause;
    const target = cause.path === tf.path ? { file, uri } : others.unitFile(cause.path, { file, uri }, u.statement.span, 'the statement is used here');
    const span = target.file === file && cause.path !== tf.path ? u.statement.span : cause.span;
    const message = `The statement is not literal text (${u.statement.unresolved}): it was not checked.`;
    emit(target, IAM_UNRESOLVED, 'statement', span, { message }, ['statements', u.index], u.resource.policyName);
  }

  // OKE pass: resources of oci_containerengine_* blocks (src/engine/lint-oke.ts).
  const oke = okeResourcesFromTerraform(tf, scope);
  findings.push(...collectOkeFindings(oke, file, uri, config, fingerprints));

  const { findings: all, covers } = suppressFindings(file, uri, distinct(findings), config, today, fingerprints, {
    directives: hasDirectives(input.text) ? commentsAsHash(input.text, parsed.comments) : '',
    others: others.used(),
  });
  return { findings: all, objects: raw.statements + iam.unresolved.length + oke.length, skippedDocuments: 0, covers };
}

/**
 * The findings without repeats: a statement written once (in a local, a variable or tfvars) and
 * used by two policies is linted twice, but its text is in one place and is reported once.
 */
function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.uri}\0${f.span.start}\0${f.span.end}\0${f.messageId}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Emit = (target: UnitFile, ruleId: string, messageId: string, span: Span, data: MessageData, path?: readonly (string | number)[], policy?: string) => void;

/** Emits the engine's own findings (parse errors, unresolved statements) when their rule is enabled. */
function engineEmitter(config: ResolvedConfig, fingerprints: Fingerprints, out: Finding[]): Emit {
  return (target, ruleId, messageId, span, data, path = [], policy) => {
    const enabled = config.byId.get(ruleId);
    if (!enabled) return;
    const meta = enabled.rule.meta;
    const origin: Origin = { ruleId, level: enabled.level, layer: meta.layer, template: meta.messages[messageId] ?? '{{message}}' };
    const place = { path, ...(policy !== undefined && { object: { kind: 'Policy', name: policy } }) };
    const f = findingAt(positionAnchor(target.file, target.uri, { span }, place), origin, messageId, data, fingerprints);
    out.push(target.related?.length ? { ...f, related: target.related } : f);
  };
}

/**
 * `iam-unresolved` notes of statements parsed from a skeleton say why the hidden part did not
 * resolve: the note that covers the obstacle (`${var.x}` around `var.x`), else the statement's
 * first note (a `%v` whose `format()` argument is the obstacle). Returns the statements whose
 * reason was given.
 */
function withReasons(findings: readonly Finding[], iam: TerraformIam, others: ModuleFiles, own: string): { findings: Finding[]; named: Set<StatementUnresolved> } {
  const named = new Set<StatementUnresolved>();
  const out = [...findings];
  for (const [unit, s] of iam.partial) {
    const file = others.displayOf(iam.elsewhere.get(unit)?.path ?? own, own);
    const { start, end } = unitRange(unit);
    const notes = out.flatMap((f, i) => (f.ruleId === IAM_UNRESOLVED && f.file === file && start <= f.span.start && f.span.end <= end ? [i] : []));
    const causeFile = others.displayOf(s.cause.path, own);
    const covering = notes.find((i) => {
      const f = out[i] as Finding;
      return causeFile === file && f.span.start <= s.cause.span.start && s.cause.span.end <= f.span.end;
    });
    const pick = covering ?? notes[0];
    const f = pick === undefined ? undefined : out[pick];
    if (pick === undefined || !f) continue;
    out[pick] = { ...f, message: `${f.message} (${s.unresolved})` };
    named.add(s);
  }
  return { findings: out, named };
}

/** The raw offsets a statement unit's text spans. */
function unitRange(unit: IamStatementUnit): Span {
  if (unit.whole) return unit.whole;
  const last = unit.offsets?.[unit.offsets.length - 1];
  return { start: unit.start, end: last ?? unit.start + unit.text.length };
}

/**
 * Statements with no usable skeleton, and skeleton statements whose hidden part no
 * `iam-unresolved` note names (a `format()` argument behind `%v`): each gets one engine note.
 */
function unresolvedNotes(iam: TerraformIam, named: ReadonlySet<StatementUnresolved>): TerraformIam['unresolved'] {
  const out = [...iam.unresolved];
  for (const [unit, s] of iam.partial) {
    const resource = iam.resources.find((r) => r.statements[unit.index] === s);
    // A statement with its own parse error is reported as that, not also as unresolved.
    if (resource && !named.has(s) && unit.result.ok) out.push({ resource, index: unit.index, statement: s });
  }
  return out;
}

/** The other files of the module that findings point into, with their line indexes, made once. */
class ModuleFiles {
  private readonly made = new Map<string, { file: TextFile; uri: string; directives: string }>();

  constructor(private readonly module: TerraformModule | undefined, private readonly own: string) {}

  /** Where a unit in `path` lands: that file (with a related location at `via` in this file), or this file at `via`. */
  unitFile(path: string, self: UnitFile, via: Span, why: string): UnitFile {
    const other = this.get(path);
    if (!other) return self;
    const start = positionOf(self.file.lineCounter, via.start);
    const end = positionOf(self.file.lineCounter, via.end);
    return { file: other.file, uri: other.uri, related: [{ file: self.file.path, uri: self.uri, start, end, message: why }] };
  }

  displayOf(path: string, own: string): string {
    return path === own ? own : this.get(path)?.file.path ?? path;
  }

  used(): { file: TextFile; directives: string }[] {
    return [...this.made.values()];
  }

  private get(path: string): { file: TextFile; uri: string; directives: string } | undefined {
    if (path === this.own) return undefined;
    let m = this.made.get(path);
    const f = this.module?.file(path);
    if (!m && f) {
      const comments = hasDirectives(f.text) ? this.module?.parse(path)?.comments ?? [] : [];
      const directives = hasDirectives(f.text) ? commentsAsHash(f.text, comments) : '';
      m = { file: { path: f.path, text: f.text, lineCounter: lineIndexOf(f.text) }, uri: f.uri, directives };
      this.made.set(path, m);
    }
    return m;
  }
}

/** Whether `text` may hold a suppression directive (most files do not: no masking needed). */
function hasDirectives(text: string): boolean {
  return text.includes('okelint-disable');
}

/**
 * `text` with everything but its comments blanked (line breaks kept, offsets unchanged) and
 * `//` or block-comment openers written as ` #`, so the `#` suppression directive reader sees
 * exactly the file's comments.
 */
export function commentsAsHash(text: string, comments: readonly Span[]): string {
  const out: string[] = [];
  let at = 0;
  const blank = (from: number, to: number): void => {
    if (to > from) out.push(text.slice(from, to).replace(/[^\n]/g, ' '));
  };
  for (const c of comments) {
    blank(at, c.start);
    let body = text.slice(c.start, c.end);
    if (body.startsWith('//') || body.startsWith('/*')) body = ` #${body.slice(2)}`;
    if (body.endsWith('*/')) body = `${body.slice(0, -2)}  `;
    out.push(body);
    at = c.end;
  }
  blank(at, text.length);
  return out.join('');
}
