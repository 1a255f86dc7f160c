/**
 * The language server's pure parts in-process: quick-fix edits, the autofix hook, settings
 * validation, config error locations and the finding → diagnostic conversion.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { ruleAutofix } from '../../src/lsp/autofix.js';
import { codeActions, disableLineEdit, disableObjectEdits, findingFor, type AutofixProvider } from '../../src/lsp/code-actions.js';
import { configProblemOf, parseSettings } from '../../src/lsp/config.js';
import { configDiagnostic, toDiagnostic, toRange, type DiagnosticData } from '../../src/lsp/diagnostics.js';
import { lintText } from '../../src/engine/lint-text.js';
import { resolveConfig } from '../../src/engine/resolve-config.js';
import type { Finding } from '../../src/engine/types.js';
import { rules } from '../../rules/index.js';

const doc = (text: string, uri = 'file:///w/a.yaml', languageId = 'yaml') => TextDocument.create(uri, languageId, 1, text);
const diag = (ruleId: string, line: number, character = 0): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: character + 1 } },
  message: 'm', source: 'okelint', code: ruleId, data: { ruleId, layer: 'workload', fingerprint: 'f:1' },
});
/** The text after applying the single object action's edits. */
const applyObject = (text: string, line: number, ruleId = 'host-ports') => {
  const d = doc(text);
  const edits = disableObjectEdits(text, d.offsetAt({ line, character: 0 }), ruleId, d);
  return edits && TextDocument.applyEdits(d, edits.map((e): TextEdit => ({ range: e.range, newText: e.text })));
};

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    team: payments
spec:
  template:
    spec:
      containers:
        - name: api
          ports: [{ containerPort: 80, hostPort: 80 }]
`;

describe('disable for this line', () => {
  it('adds the rule to a directive on the line above, keeping its reason', () => {
    const text = '    # okelint-disable-next-line image-no-digest -- pinned by policy\n    image: nginx:1\n';
    expect(disableLineEdit(text, 1, 'image-latest-tag')).toEqual({
      range: { start: { line: 0, character: 47 }, end: { line: 0, character: 47 } },
      text: ',image-latest-tag', snippet: ',image-latest-tag',
    });
    expect(disableLineEdit(text, 1, 'image-no-digest')).toBeUndefined();
  });

  it('inserts a directive with a placeholder reason at the line\'s indentation', () => {
    expect(disableLineEdit('a: 1\n\t  b: 2\n', 1, 'x-rule')).toEqual({
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      text: '\t  # okelint-disable-next-line x-rule -- <reason>\n',
      snippet: '\t  # okelint-disable-next-line x-rule -- ${1:<reason>}\n',
    });
  });
});

describe('disable for this object', () => {
  it('adds the pair to existing block annotations', () => {
    expect(applyObject(DEPLOY, 11)).toBe(DEPLOY.replace('    team: payments\n',
      '    okelint.io/ignore: "host-ports"\n    okelint.io/ignore-reason: "<reason>"\n    team: payments\n'));
  });

  it('appends the id to an existing okelint.io/ignore, adding a reason key only when missing', () => {
    const withReason = DEPLOY.replace('    team: payments\n', '    okelint.io/ignore: image-no-digest\n    okelint.io/ignore-reason: "vendor image"\n');
    expect(applyObject(withReason, 11)).toBe(withReason.replace('ignore: image-no-digest', 'ignore: "image-no-digest,host-ports"'));
    const noReason = DEPLOY.replace('    team: payments\n', '    okelint.io/ignore: "image-no-digest"\n');
    expect(applyObject(noReason, 11)).toBe(noReason.replace('    okelint.io/ignore: "image-no-digest"\n',
      '    okelint.io/ignore-reason: "<reason>"\n    okelint.io/ignore: "image-no-digest,host-ports"\n'));
    expect(applyObject(withReason, 11, 'image-no-digest')).toBeUndefined();
  });

  it('edits the List item that holds the finding, in the right document of a stream', () => {
    const text = `---
kind: ConfigMap
apiVersion: v1
metadata: { name: first }
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: one
  - apiVersion: v1
    kind: Pod
    metadata:
      name: two
    spec: {}
`;
    expect(applyObject(text, 16)).toBe(text.replace('      name: two\n',
      '      annotations:\n        okelint.io/ignore: "host-ports"\n        okelint.io/ignore-reason: "<reason>"\n      name: two\n'));
    // Flow-style metadata is left alone (no action rather than a risky rewrite).
    expect(applyObject(text, 3)).toBeUndefined();
  });
});

describe('codeActions', () => {
  it('offers autofixes first, then line and object disables; none for engine rules or other sources', () => {
    const fix: AutofixProvider = ({ data }) => [{ title: `Fix ${data.ruleId}`, kind: 'quickfix' }];
    const d = doc(DEPLOY);
    const actions = codeActions({
      document: d, snippets: false, autofixes: [fix],
      diagnostics: [diag('host-ports', 11, 10), diag('parse-error', 0), { ...diag('host-ports', 11), source: 'other' }],
    });
    expect(actions.map((a) => a.title)).toEqual(['Fix host-ports', 'Fix parse-error', 'Disable host-ports for this line', 'Disable host-ports for this object']);
  });

  it('uses snippet edits (cursor where the reason goes) when the client supports them', () => {
    const d = doc(DEPLOY);
    const [line, object] = codeActions({ document: d, snippets: true, autofixes: [], diagnostics: [diag('host-ports', 11, 10)] }) as [CodeAction, CodeAction];
    expect(line.edit?.documentChanges).toEqual([{
      textDocument: { uri: d.uri, version: 1 },
      edits: [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, snippet: { kind: 'snippet', value: '          # okelint-disable-next-line host-ports -- ${1:<reason>}\n' } }],
    }]);
    expect(JSON.stringify(object.edit)).toContain('okelint.io/ignore-reason: \\"${1:<reason>}\\"');
  });

  it('offers a line comment in .tf files only where HCL reads it as a comment (not inside a heredoc)', () => {
    const listed = 'resource "oci_identity_policy" "p" {\n  statements = [\n    "Allow group A to manage all-resources in tenancy",\n  ]\n}\n';
    const tf = (text: string) => doc(text, 'file:///w/main.tf', 'terraform');
    const [line] = codeActions({ document: tf(listed), snippets: false, autofixes: [], diagnostics: [diag('iam-manage-all-resources-tenancy', 2, 5)] });
    expect(line?.title).toBe('Disable iam-manage-all-resources-tenancy for this line');
    expect(line?.edit?.changes?.['file:///w/main.tf']).toEqual([{
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '    # okelint-disable-next-line iam-manage-all-resources-tenancy -- <reason>\n',
    }]);
    const heredoc = 'resource "oci_identity_policy" "p" {\n  statements = [<<-EOT\n    Allow group A to manage all-resources in tenancy\n  EOT\n  ]\n}\n';
    expect(codeActions({ document: tf(heredoc), snippets: false, autofixes: [], diagnostics: [diag('iam-manage-all-resources-tenancy', 2, 4)] })).toEqual([]);
  });

  it('offers line comments but no annotation in .policy files, and nothing in JSON', () => {
    const policy = codeActions({ document: doc('Allow group A to manage all-resources in tenancy\n', 'file:///w/p.policy', 'plaintext'), snippets: false, autofixes: [], diagnostics: [diag('iam-manage-all-resources', 0)] });
    expect(policy.map((a) => a.title)).toEqual(['Disable iam-manage-all-resources for this line']);
    expect(codeActions({ document: doc('{}', 'file:///w/a.json', 'json'), snippets: false, autofixes: [], diagnostics: [diag('host-ports', 0)] })).toEqual([]);
  });
});

describe('autofix actions', () => {
  const fail = (m: string) => { throw new Error(`unexpected log: ${m}`); };
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: c\n      image: nginx:1\n      securityContext:\n        privileged: true\n    - name: d\n      image: nginx:1\n      securityContext:\n        privileged: true\n';
  const config = resolveConfig(rules, undefined, { preset: 'pss-baseline' }, '/w');
  const findingsOf = (text: string) => lintText({ path: 'a.yaml', uri: 'a.yaml', text }, config, '2026-01-01').findings;
  const diagnosticOf = (f: Finding): Diagnostic => toDiagnostic(f, { file: 'a.yaml', docsBaseUrl: 'https://d/', uriOf: (x) => x });

  it('finds the finding behind a diagnostic by rule and fingerprint, preferring the same range', () => {
    const [first, second] = findingsOf(POD) as [Finding, Finding];
    expect([first.ruleId, second.ruleId, first.fingerprint === second.fingerprint]).toEqual(['privileged-container', 'privileged-container', false]);
    const d = diagnosticOf(second);
    expect(findingFor([first, second], d, d.data as DiagnosticData)).toBe(second);
    // A diagnostic the editor moved (a line inserted above it) still finds its finding.
    const moved = { ...d, range: { start: { line: 14, character: 20 }, end: { line: 14, character: 24 } } };
    expect(findingFor([first, second], moved, d.data as DiagnosticData)).toBe(second);
    expect(findingFor([first], d, d.data as DiagnosticData)).toBeUndefined();
  });

  it('turns the src/fix edits of the finding into a preferred quick fix', () => {
    const second = findingsOf(POD)[1] as Finding;
    const document = doc(POD);
    const diagnostic = diagnosticOf(second);
    const [action, ...rest] = ruleAutofix(fail)({ document, diagnostic, data: diagnostic.data as DiagnosticData, finding: second });
    expect(rest).toEqual([]);
    expect(action).toEqual({
      title: 'Set privileged: false (privileged-container)', kind: 'quickfix', isPreferred: true, diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: { start: { line: 13, character: 20 }, end: { line: 13, character: 24 } }, newText: 'false' }] } },
    });
    // No finding, or one on helm template output (the fix belongs in the chart): nothing offered.
    expect(ruleAutofix(fail)({ document, diagnostic, data: diagnostic.data as DiagnosticData, finding: undefined })).toEqual([]);
    expect(ruleAutofix(fail)({ document, diagnostic, data: diagnostic.data as DiagnosticData, finding: { ...second, helmTemplate: 'c/templates/p.yaml' } })).toEqual([]);
  });
});

describe('settings, config problems and diagnostics', () => {
  it('keeps valid settings and explains dropped ones', () => {
    expect(parseSettings({ preset: 'strict', kubernetesVersion: 'v1.29' })).toEqual({ settings: { preset: 'strict', kubernetesVersion: 'v1.29' }, problems: [] });
    expect(parseSettings({ preset: '' , kubernetesVersion: null })).toEqual({ settings: {}, problems: [] });
    const bad = parseSettings({ preset: 'paranoid', kubernetesVersion: '2.0' });
    expect(bad.settings).toEqual({});
    expect(bad.problems).toHaveLength(2);
    expect(parseSettings(undefined)).toEqual({ settings: {}, problems: [] });
  });

  it('locates a config error from its file:line:col prefix', () => {
    expect(configProblemOf(new Error('/w/.okelint.yaml:3:5: unknown key "x"'), '/w/.okelint.yaml'))
      .toEqual({ file: '/w/.okelint.yaml', line: 2, character: 4, message: 'unknown key "x"' });
    expect(configProblemOf(new Error('/w/.okelint.yaml: cannot read config file (EACCES)'), '/w/.okelint.yaml'))
      .toEqual({ file: '/w/.okelint.yaml', line: 0, character: 0, message: 'cannot read config file (EACCES)' });
    const d = configDiagnostic({ file: '/w/.okelint.yaml', line: 2, character: 2, message: 'bad' }, '  x: 1');
    expect(d.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
  });

  it('converts positions to 0-based ranges and levels to severities', () => {
    expect(toRange({ line: 1, column: 1 }, { line: 2, column: 5 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 1, character: 4 } });
    const finding = {
      ruleId: 'rbac-wildcard', messageId: 'm', level: 'note', layer: 'cluster-access', message: 'msg', file: 'r.yaml', uri: 'r.yaml',
      lineText: '', span: { start: 0, end: 1 }, start: { line: 3, column: 2 }, end: { line: 3, column: 9 }, path: [], fingerprint: 'x:1',
      related: [{ file: 'b.yaml', uri: 'b.yaml', start: { line: 1, column: 1 }, end: { line: 1, column: 5 }, message: 'bound here' }],
    } satisfies Finding;
    const d = toDiagnostic(finding, { file: 'r.yaml', docsBaseUrl: 'https://d/', uriOf: (f) => `file:///w/${f}` });
    expect(d).toEqual({
      range: { start: { line: 2, character: 1 }, end: { line: 2, character: 8 } }, severity: 3, code: 'rbac-wildcard',
      codeDescription: { href: 'https://d/cluster-access/rbac-wildcard.md' }, source: 'okelint', message: 'msg',
      relatedInformation: [{ location: { uri: 'file:///w/b.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } }, message: 'bound here' }],
      data: { ruleId: 'rbac-wildcard', layer: 'cluster-access', fingerprint: 'x:1' },
    });
  });
});
