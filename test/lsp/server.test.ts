/**
 * End to end over stdio: `node bin/okelint.js lsp --stdio` driven by a headless client.
 * Debounce is 0 (initializationOptions and OKELINT_LSP_DEBOUNCE_MS), so every change publishes.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, proto, type Publish } from './lsp-client.js';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';

const DOCS = 'https://github.com/okelint/okelint/blob/main/docs/rules/';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
`;

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, source: d.source, range: d.range, href: d.codeDescription?.href });
const codes = (p: Publish) => p.diagnostics.map((d) => d.code);

let client: LspClient | undefined;
afterEach(() => {
  client?.kill();
  client = undefined;
});

function workspace(files: Record<string, string>): string {
  const dir = tempDir('okelint-lsp-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * Applies a code action's WorkspaceEdit the way an editor does: the text edits become one
 * incremental didChange (last edit first, so earlier ranges stay valid). Returns the new text.
 */
async function sendEdit(c: LspClient, uri: string, text: string, action: CodeAction | undefined, version: number): Promise<string> {
  const edits: TextEdit[] = action?.edit?.changes?.[uri] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  const doc = TextDocument.create(uri, 'yaml', 0, text);
  const ordered = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  await c.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version }, contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
  });
  return TextDocument.applyEdits(doc, edits);
}

async function actionsFor(c: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const res = await c.connection.sendRequest(proto.CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  return (res ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a);
}

describe('okelint lsp --stdio', () => {
  it('publishes on open and change; applying a quick fix\'s edit (autofix, or a disable with its reason) removes the diagnostic', async () => {
    const root = workspace({ '.okelint.yaml': 'rules:\n  image-latest-tag: note\n  host-ports: warning\n', 'pod.yaml': POD });
    const started = await LspClient.start({ root, settings: { preset: 'pss-baseline' } });
    client = started.client;
    expect(started.init.serverInfo?.name).toBe('okelint');
    expect(started.init.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix'], resolveProvider: false });
    const uri = pathToFileURL(join(root, 'pod.yaml')).href;

    // didOpen → diagnostics with exact ranges, codes, severities and docs links.
    const opened = await client.open(uri, POD);
    expect(opened.diagnostics.map(brief)).toEqual([
      { code: 'image-latest-tag', severity: 3, source: 'okelint', range: range(8, 13, 8, 25), href: `${DOCS}supply-chain/image-latest-tag.md` },
      { code: 'privileged-container', severity: 1, source: 'okelint', range: range(10, 20, 10, 24), href: `${DOCS}workload/privileged-container.md` },
    ]);
    expect(opened.diagnostics[1]?.message).toMatch(/^Container "app" sets securityContext\.privileged: true/);
    expect(opened.diagnostics[1]?.data).toMatchObject({ ruleId: 'privileged-container', layer: 'workload' });

    // Incremental didChange → new diagnostics for the new version.
    await client.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: range(11, 0, 11, 0), text: '      ports:\n        - containerPort: 80\n          hostPort: 80\n' }],
    });
    const changed = await client.forVersion(uri, 2);
    expect(changed.diagnostics.map(brief)).toEqual([
      opened.diagnostics.map(brief)[0],
      opened.diagnostics.map(brief)[1],
      { code: 'host-ports', severity: 2, source: 'okelint', range: range(13, 20, 13, 22), href: `${DOCS}workload/host-ports.md` },
    ]);
    let text = `${POD}      ports:\n        - containerPort: 80\n          hostPort: 80\n`;

    // codeAction → the rule's autofix first, then the two disables.
    const privileged = changed.diagnostics[1] as Diagnostic;
    const actions = await actionsFor(client, uri, privileged);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Set privileged: false (privileged-container)', 'quickfix', true],
      ['Disable privileged-container for this line', 'quickfix', false],
      ['Disable privileged-container for this object', 'quickfix', false],
    ]);
    expect(actions[0]?.edit?.changes?.[uri]).toEqual([{ range: range(10, 20, 10, 24), newText: 'false' }]);

    // The WorkspaceEdit applied and sent as an incremental didChange: the diagnostic is gone.
    text = await sendEdit(client, uri, text, actions[0], 3);
    expect(text).toContain('        privileged: false\n');
    const fixed = await client.forVersion(uri, 3);
    expect(fixed.diagnostics.map(brief)).toEqual([opened.diagnostics.map(brief)[0], changed.diagnostics.map(brief)[2]]);

    // "Disable for this line" (no autofix for host-ports) inserts a directive with a placeholder reason.
    const hostPorts = fixed.diagnostics[1] as Diagnostic;
    const lineActions = await actionsFor(client, uri, hostPorts);
    expect(lineActions.map((a) => a.title)).toEqual(['Disable host-ports for this line', 'Disable host-ports for this object']);
    const comment = '          # okelint-disable-next-line host-ports --';
    expect(lineActions[0]?.edit?.changes?.[uri]).toEqual([{ range: range(13, 0, 13, 0), newText: `${comment} <reason>\n` }]);

    // Applied as is: the placeholder is no reason, so the finding stays and the comment itself is reported.
    text = await sendEdit(client, uri, text, lineActions[0], 4);
    const noReason = await client.forVersion(uri, 4);
    expect(noReason.diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
      ['image-latest-tag', 3, range(8, 13, 8, 25)],
      ['suppression-invalid', 1, range(13, 10, 13, comment.length + ' <reason>'.length)],
      ['host-ports', 2, range(14, 20, 14, 22)],
    ]);
    expect(noReason.diagnostics[1]?.message).toMatch(/still has the placeholder reason "<reason>"/);

    // With the reason written, the diagnostic is gone.
    text = text.replace(`${comment} <reason>\n`, `${comment} the node agent listens on the host\n`);
    const suppressed = await client.replace(uri, text, 5);
    expect(codes(suppressed)).toEqual(['image-latest-tag']);

    // "Disable for this object" adds the annotation pair; with a reason the finding goes away.
    const latest = suppressed.diagnostics[0] as Diagnostic;
    const objectAction = (await actionsFor(client, uri, latest)).find((a) => a.title === 'Disable image-latest-tag for this object');
    expect(objectAction?.edit?.changes?.[uri]).toEqual([{
      range: range(3, 0, 3, 0),
      newText: '  annotations:\n    okelint.io/ignore: "image-latest-tag"\n    okelint.io/ignore-reason: "<reason>"\n',
    }]);
    text = await sendEdit(client, uri, text, objectAction, 6);
    const annotated = await client.forVersion(uri, 6);
    expect(annotated.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['suppression-invalid', 4], ['image-latest-tag', 11]]);
    text = text.replace('okelint.io/ignore-reason: "<reason>"', 'okelint.io/ignore-reason: "mirror of an upstream dev image"');
    expect((await client.replace(uri, text, 7)).diagnostics).toEqual([]);

    // Closing clears; shutdown + exit ends the process with 0.
    await client.connection.sendNotification(proto.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.waitFor(uri, (p) => p.version === undefined && p.diagnostics.length === 0, 'cleared diagnostics');
    expect(await client.stop()).toBe(0);
  });

  it('follows .okelint.yaml changes; an invalid config is a diagnostic on it and the server lives on', async () => {
    const root = workspace({ '.okelint.yaml': 'preset: pss-baseline\n', 'pod.yaml': POD });
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'pod.yaml')).href;
    const configUri = pathToFileURL(join(root, '.okelint.yaml')).href;
    const changedConfig = () => client?.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: configUri, type: proto.FileChangeType.Changed }],
    });
    expect(codes(await client.open(uri, POD))).toEqual(['privileged-container']);

    writeFileSync(join(root, '.okelint.yaml'), 'preset: pss-baseline\nrules:\n  privileged-container: off\n  image-latest-tag: warning\n');
    await changedConfig();
    const off = await client.waitFor(uri, (p) => !codes(p).includes('privileged-container'));
    expect(off.diagnostics.map((d) => [d.code, d.severity])).toEqual([['image-latest-tag', 2]]);

    writeFileSync(join(root, '.okelint.yaml'), 'preset: pss-baseline\nrules:\n  privileged-containr: off\n');
    await changedConfig();
    const invalid = await client.waitFor(configUri, (p) => p.diagnostics.length > 0, 'config diagnostics');
    expect(invalid.diagnostics.map((d) => [d.code, d.severity, d.source, d.range])).toEqual([
      ['config-invalid', 1, 'okelint', range(2, 2, 2, '  privileged-containr: off'.length)],
    ]);
    expect(invalid.diagnostics[0]?.message).toContain('unknown rule "privileged-containr"');
    expect((await client.waitFor(uri, (p) => p.diagnostics.length === 0)).diagnostics).toEqual([]);
    const shown = await client.waitForMessage((m) => m.type === proto.MessageType.Error);
    expect(shown.message).toBe(`okelint: invalid config ${join(root, '.okelint.yaml')}:3:3: unknown rule "privileged-containr" in "rules"`);

    // Broken YAML: located the same way, and still no crash.
    writeFileSync(join(root, '.okelint.yaml'), 'preset: [pss-baseline\n');
    await changedConfig();
    const broken = await client.waitFor(configUri, (p) => String(p.diagnostics[0]?.message).includes('Flow sequence'), 'YAML error diagnostic');
    expect(broken.diagnostics.map((d) => [d.code, d.range.start])).toEqual([['config-invalid', { line: 1, character: 0 }]]);

    // Still serving: fixing the config clears its diagnostic and brings the findings back.
    writeFileSync(join(root, '.okelint.yaml'), 'preset: pss-baseline\n');
    await changedConfig();
    await client.waitFor(configUri, (p) => p.diagnostics.length === 0, 'cleared config diagnostics');
    expect(codes(await client.waitFor(uri, (p) => p.diagnostics.length > 0))).toEqual(['privileged-container']);
    expect(client.child.exitCode).toBe(null);
  });

  it('applies the okelint settings of workspace/configuration (preset, Kubernetes version) and follows their changes', async () => {
    const root = workspace({});
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_keepalive_time
        value: "600"
  containers:
    - name: app
      image: nginx:1.27
`;
    client = (await LspClient.start({ root, settings: { preset: 'pss-baseline', kubernetesVersion: '1.28' } })).client;
    const uri = pathToFileURL(join(root, 'pod.yaml')).href;
    const at128 = await client.open(uri, pod);
    expect(at128.diagnostics.map((d) => [d.code, d.range])).toEqual([['unsafe-sysctls', range(7, 14, 7, 41)]]);
    expect(at128.diagnostics[0]?.message).toContain('baseline v1.28');

    // The client's settings change: the server pulls them again and re-lints the open documents.
    const reconfigure = async (settings: Record<string, unknown>) => {
      if (!client) throw new Error('no client');
      client.settings = settings;
      await client.connection.sendNotification(proto.DidChangeConfigurationNotification.type, { settings: null });
    };
    await reconfigure({ preset: 'pss-baseline', kubernetesVersion: '1.29' });
    expect((await client.waitFor(uri, (p) => p.diagnostics.length === 0, 'no diagnostics at 1.29')).diagnostics).toEqual([]);
    await reconfigure({ preset: 'pss-restricted', kubernetesVersion: '1.29' });
    const restricted = await client.waitFor(uri, (p) => p.diagnostics.length > 0, 'restricted diagnostics');
    expect(codes(restricted)).toEqual(['allow-privilege-escalation', 'capabilities-restricted', 'run-as-non-root', 'seccomp-profile-restricted']);

    // A bad value is dropped with a warning; linting goes on with the rest of the settings.
    await reconfigure({ preset: 'paranoid', kubernetesVersion: '1.28' });
    const warned = await client.waitForMessage((m) => m.type === proto.MessageType.Warning);
    expect(warned.message).toBe('okelint: okelint.preset "paranoid" is not one of recommended, strict, pss-baseline, pss-restricted; using the config file\'s preset');
    expect(client.child.exitCode).toBe(null);
  });

  it('picks up a .okelint.yaml created in a workspace that had none', async () => {
    const root = workspace({ 'apps/pod.yaml': POD });
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'apps/pod.yaml')).href;
    expect(codes(await client.open(uri, POD))).toEqual(expect.arrayContaining(['privileged-container', 'image-latest-tag']));
    writeFileSync(join(root, 'apps/.okelint.yaml'), 'preset: pss-baseline\n');
    await client.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(root, 'apps/.okelint.yaml')).href, type: proto.FileChangeType.Created }],
    });
    expect(codes(await client.waitFor(uri, (p) => p.diagnostics.length === 1))).toEqual(['privileged-container']);
  });

  it('reloads the config when the open config file is saved (clients without file watchers)', async () => {
    const root = workspace({ '.okelint.yaml': 'preset: pss-baseline\n', 'pod.yaml': POD });
    client = (await LspClient.start({ root, workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } })).client;
    const uri = pathToFileURL(join(root, 'pod.yaml')).href;
    const configUri = pathToFileURL(join(root, '.okelint.yaml')).href;
    expect(codes(await client.open(uri, POD))).toEqual(['privileged-container']);
    await client.connection.sendNotification(proto.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: 'preset: pss-baseline\n' },
    });
    const edited = 'preset: pss-baseline\nrules:\n  host-ports: off\n  privileged-container: warning\n';
    await client.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, { textDocument: { uri: configUri, version: 2 }, contentChanges: [{ text: edited }] });
    writeFileSync(join(root, '.okelint.yaml'), edited);
    await client.connection.sendNotification(proto.DidSaveTextDocumentNotification.type, { textDocument: { uri: configUri } });
    const reloaded = await client.waitFor(uri, (p) => p.diagnostics[0]?.severity === 2);
    expect(reloaded.diagnostics.map((d) => [d.code, d.severity])).toEqual([['privileged-container', 2]]);
    // The config file itself is never linted as a manifest.
    expect(client.log.filter((p) => p.uri === configUri)).toEqual([]);
  });

  it('honours .okelintignore, skips files okelint does not read, and lints JSON with autofixes but no comment fixes', async () => {
    const root = workspace({ '.okelintignore': 'generated/\n', 'generated/pod.yaml': POD, '.okelint.yaml': 'preset: pss-baseline\n' });
    client = (await LspClient.start({ root })).client;
    const ignored = pathToFileURL(join(root, 'generated/pod.yaml')).href;
    expect((await client.open(ignored, POD)).diagnostics).toEqual([]);
    writeFileSync(join(root, '.okelintignore'), '');
    await client.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(root, '.okelintignore')).href, type: proto.FileChangeType.Changed }],
    });
    expect(codes(await client.waitFor(ignored, (p) => p.diagnostics.length > 0))).toEqual(['privileged-container']);

    const notes = pathToFileURL(join(root, 'notes.txt')).href;
    expect((await client.open(notes, 'privileged: true\n', 'plaintext')).diagnostics).toEqual([]);

    const json = pathToFileURL(join(root, 'pod.json')).href;
    const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1', securityContext: { privileged: true } }] } });
    const published = await client.open(json, pod, 'json');
    expect(codes(published)).toEqual(['privileged-container']);
    // JSON has no comments: the autofix only, and its edit clears the finding.
    const jsonActions = await actionsFor(client, json, published.diagnostics[0] as Diagnostic);
    expect(jsonActions.map((a) => a.title)).toEqual(['Set privileged: false (privileged-container)']);
    const fixedPod = await sendEdit(client, json, pod, jsonActions[0], 2);
    expect(JSON.parse(fixedPod)).toMatchObject({ spec: { containers: [{ securityContext: { privileged: false } }] } });
    expect((await client.forVersion(json, 2)).diagnostics).toEqual([]);
  });

  it('lints .policy documents, with a line disable that needs its reason', async () => {
    const root = workspace({});
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'oke.policy')).href;
    const statement = 'Allow group ${var.admin_group} to manage cluster-family in compartment OKE';
    let text = `# OKE admins\n${statement}\n`;
    const published = await client.open(uri, text, 'plaintext');
    expect(published.diagnostics.map(brief)).toEqual([
      { code: 'iam-unresolved', severity: 3, source: 'okelint', range: range(1, 12, 1, 30), href: `${DOCS}cloud-control/iam-unresolved.md` },
    ]);
    const actions = await actionsFor(client, uri, published.diagnostics[0] as Diagnostic);
    expect(actions.map((a) => a.title)).toEqual(['Disable iam-unresolved for this line']);
    text = await sendEdit(client, uri, text, actions[0], 2);
    expect(text).toBe(`# OKE admins\n# okelint-disable-next-line iam-unresolved -- <reason>\n${statement}\n`);
    expect(codes(await client.forVersion(uri, 2))).toEqual(['suppression-invalid', 'iam-unresolved']);
    text = text.replace('iam-unresolved -- <reason>', 'iam-unresolved -- set by the landing zone module');
    expect((await client.replace(uri, text, 3)).diagnostics).toEqual([]);

    // An unsaved document is read by its language id.
    const untitled = await client.open('untitled:Untitled-1', `${statement}\n`, 'oci-iam-policy');
    expect(untitled.diagnostics.map((d) => [d.code, d.range])).toEqual([['iam-unresolved', range(0, 12, 0, 30)]]);
  });

  it('lints a .tf document in its Terraform module, and follows the module\'s files', async () => {
    const tf = `resource "oci_identity_policy" "admins" {
  compartment_id = var.tenancy_ocid
  name           = "admins"
  description    = "cluster admins"
  statements = [
    "Allow group \${var.admin_group} to manage all-resources in tenancy",
  ]
}
`;
    const root = workspace({ 'iam/main.tf': tf, 'iam/variables.tf': 'variable "admin_group" {\n  default = "Contractors"\n}\n' });
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'iam/main.tf')).href;
    // The variable's default comes from variables.tf (the module): same finding and range as `okelint iam/main.tf`.
    const opened = await client.open(uri, tf, 'terraform');
    expect(opened.diagnostics.map((d) => [d.code, d.range])).toEqual([['iam-manage-all-resources-tenancy', range(5, 11, 5, 35)]]);
    expect(opened.diagnostics[0]?.message).toMatch(/^group Contractors can manage all-resources in tenancy/);

    // "Disable for this line" writes an HCL comment in the list; with its reason the finding goes.
    const actions = await actionsFor(client, uri, opened.diagnostics[0] as Diagnostic);
    expect(actions.map((a) => a.title)).toEqual(['Disable iam-manage-all-resources-tenancy for this line']);
    const disabled = await sendEdit(client, uri, tf, actions[0], 2);
    expect(codes(await client.forVersion(uri, 2))).toEqual(['suppression-invalid', 'iam-manage-all-resources-tenancy']);
    expect(codes(await client.replace(uri, disabled.replace('tenancy -- <reason>', 'tenancy -- break-glass group, reviewed'), 3))).toEqual([]);
    expect(codes(await client.replace(uri, tf, 4))).toEqual(['iam-manage-all-resources-tenancy']);

    // The module's other file changes on disk: the statement is evaluated again.
    writeFileSync(join(root, 'iam/variables.tf'), 'variable "admin_group" {\n  default = "Administrators"\n}\n');
    await client.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(root, 'iam/variables.tf')).href, type: proto.FileChangeType.Changed }],
    });
    expect((await client.waitFor(uri, (p) => p.diagnostics.length === 0, 'no diagnostics')).diagnostics).toEqual([]);
  });

  it('shows a statement written in a tfvars file where the .tf document uses it', async () => {
    const tf = 'resource "oci_identity_policy" "admins" {\n  compartment_id = var.tenancy_ocid\n  name           = "admins"\n  description    = "x"\n  statements     = var.statements\n}\n';
    const root = workspace({ 'main.tf': tf, 'terraform.tfvars': 'statements = [\n  "Allow group Contractors to manage all-resources in tenancy",\n]\n' });
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'main.tf')).href;
    const [d, ...rest] = (await client.open(uri, tf, 'terraform')).diagnostics;
    expect(rest).toEqual([]);
    expect([d?.code, d?.range]).toEqual(['iam-manage-all-resources-tenancy', range(4, 19, 4, 33)]);
    expect(d?.relatedInformation).toEqual([
      { location: { uri: pathToFileURL(join(root, 'terraform.tfvars')).href, range: range(1, 9, 1, 26) }, message: 'The reported text is written here' },
    ]);
    expect(d?.data).toMatchObject({ writtenIn: 'terraform.tfvars' });
    // A comment in main.tf would not suppress it (suppressions go where the text is): no disable here.
    expect(await actionsFor(client, uri, d as Diagnostic)).toEqual([]);
  });

  it('links a finding on helm template output to its template and values.yaml key', async () => {
    const root = workspace({});
    cpSync(join(ROOT, 'fixtures/helm/webapp'), join(root, 'webapp'), { recursive: true });
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'webapp/rendered.yaml')).href;
    const published = await client.open(uri, readFileSync(join(root, 'webapp/rendered.yaml'), 'utf8'));
    const privileged = published.diagnostics.find((d) => d.code === 'privileged-container');
    expect(privileged?.range.start).toEqual({ line: 36, character: 24 });
    expect(privileged?.relatedInformation?.map((r) => [r.location.uri, r.location.range.start, r.message])).toEqual([
      [pathToFileURL(join(root, 'webapp/templates/deployment.yaml')).href, { line: 24, character: 10 }, 'Helm template webapp/templates/deployment.yaml renders this'],
      [pathToFileURL(join(root, 'webapp/values.yaml')).href, { line: 16, character: 2 }, 'Value from values.yaml: securityContext.privileged'],
    ]);

    // The chart is read once; a template changed on disk (a watched file) is read again.
    const template = join(root, 'webapp/templates/deployment.yaml');
    writeFileSync(template, `# reviewed\n${readFileSync(template, 'utf8')}`);
    await client.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(template).href, type: proto.FileChangeType.Changed }],
    });
    const remapped = await client.waitFor(uri, (p) => p.diagnostics.some((d) => d.relatedInformation?.[0]?.location.range.start.line === 25), 'remapped template line');
    expect(remapped.diagnostics.find((d) => d.code === 'privileged-container')?.relatedInformation?.[0]?.location.range.start).toEqual({ line: 25, character: 10 });
  });

  it('links an RBAC finding along its chain (subject, binding, role) and applies template-comment suppressions of a chart', async () => {
    const root = workspace({ '.okelint.yaml': 'rules:\n  rbac-secrets-read: error\n' });
    client = (await LspClient.start({ root })).client;
    const uri = pathToFileURL(join(root, 'rbac.yaml')).href;
    const rbac = [
      'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: reader', 'rules:',
      '  - apiGroups: [""]', '    resources: ["secrets"]', '    verbs: ["get"]', '---',
      'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata:', '  name: ci-reads',
      'subjects:', '  - kind: Group', '    name: ci', 'roleRef:', '  apiGroup: rbac.authorization.k8s.io', '  kind: ClusterRole', '  name: reader', '',
    ].join('\n');
    const secrets = (await client.open(uri, rbac)).diagnostics.find((d) => d.code === 'rbac-secrets-read');
    expect(secrets?.range).toEqual(range(6, 16, 6, 25));
    expect(secrets?.relatedInformation?.map((r) => [r.location.uri, r.location.range.start, r.message])).toEqual([
      [uri, { line: 15, character: 10 }, 'subject: Group ci'],
      [uri, { line: 19, character: 8 }, 'ClusterRoleBinding ci-reads grants ClusterRole "reader"'],
      [uri, { line: 1, character: 6 }, 'ClusterRole "reader"'],
    ]);

    // shop's redis template carries `# okelint-disable-next-line run-as-user-root -- ...`: the CLI
    // suppresses that finding on the rendered stream, and so does the editor.
    cpSync(join(ROOT, 'fixtures/helm/shop'), join(root, 'shop'), { recursive: true });
    const rendered = pathToFileURL(join(root, 'shop/rendered.yaml')).href;
    const shown = await client.open(rendered, readFileSync(join(root, 'shop/rendered.yaml'), 'utf8'));
    const run = await okelint(['shop/rendered.yaml', '--chart-root', 'shop', '--format', 'json', '--include-suppressed'], { cwd: root });
    const cli = (JSON.parse(run.stdout) as { findings: { ruleId: string; suppressed?: unknown }[] }).findings;
    const expected = cli.filter((f) => !f.suppressed).length;
    expect(cli.some((f) => f.ruleId === 'run-as-user-root' && f.suppressed)).toBe(true);
    expect(shown.diagnostics.filter((d) => d.code === 'run-as-user-root')).toEqual([]);
    expect(shown.diagnostics.length).toBe(expected);
  });

  it('debounces changes: only the last of quick edits is linted', async () => {
    const root = workspace({ '.okelint.yaml': 'preset: pss-baseline\n' });
    client = (await LspClient.start({ root, initializationOptions: { debounceMs: 2000 } })).client;
    const uri = pathToFileURL(join(root, 'pod.yaml')).href;
    await client.open(uri, POD);
    for (const version of [2, 3, 4]) {
      await client.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version }, contentChanges: [{ text: POD.replace('privileged: true', `privileged: ${version === 4}`) }],
      });
    }
    expect(codes(await client.forVersion(uri, 4))).toEqual(['privileged-container']);
    expect(client.log.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 4]);
  });

  it('lints at once on save, without waiting for the debounce of the change before it', async () => {
    const root = workspace({ '.okelint.yaml': 'preset: pss-baseline\n' });
    client = (await LspClient.start({ root, initializationOptions: { debounceMs: 60_000 } })).client;
    const uri = pathToFileURL(join(root, 'pod.yaml')).href;
    expect(codes(await client.open(uri, POD))).toEqual(['privileged-container']);
    await client.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ text: POD.replace('privileged: true', 'privileged: false') }],
    });
    await client.connection.sendNotification(proto.DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    expect((await client.forVersion(uri, 2)).diagnostics).toEqual([]);
    expect(client.log.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 2]);
  });
});
