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
import { ROOT, tempDir } from '../helpers/cli.js';

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

/** Applies a code action's edit to `text` the way an editor would. */
function apply(text: string, uri: string, action: CodeAction | undefined): string {
  const edits: TextEdit[] = action?.edit?.changes?.[uri] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 0, text), edits);
}

async function actionsFor(c: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const res = await c.connection.sendRequest(proto.CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  return (res ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a);
}

describe('okelint lsp --stdio', () => {
  it('publishes on open and change, and a disable quick fix (with a reason) removes the diagnostic', async () => {
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

    // codeAction → "disable for this line" inserts a directive with an empty reason.
    const privileged = changed.diagnostics[1] as Diagnostic;
    const actions = await actionsFor(client, uri, privileged);
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ['Disable privileged-container for this line', 'quickfix'],
      ['Disable privileged-container for this object', 'quickfix'],
    ]);
    expect(actions[0]?.edit?.changes?.[uri]).toEqual([{ range: range(10, 0, 10, 0), newText: '        # okelint-disable-next-line privileged-container --\n' }]);

    // Applied as is: no reason yet, so the finding stays and the comment itself is reported.
    text = apply(text, uri, actions[0]);
    const noReason = await client.replace(uri, text, 3);
    const comment = '        # okelint-disable-next-line privileged-container --';
    expect(noReason.diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
      ['image-latest-tag', 3, range(8, 13, 8, 25)],
      ['suppression-invalid', 1, range(10, 8, 10, comment.length)],
      ['privileged-container', 1, range(11, 20, 11, 24)],
      ['host-ports', 2, range(14, 20, 14, 22)],
    ]);
    expect(noReason.diagnostics[1]?.message).toMatch(/gives no reason/);

    // With the reason written, the diagnostic is gone.
    text = text.replace(`${comment}\n`, `${comment} the node agent needs raw device access\n`);
    const suppressed = await client.replace(uri, text, 4);
    expect(codes(suppressed)).toEqual(['image-latest-tag', 'host-ports']);

    // "Disable for this object" adds the annotation pair; with a reason the finding goes away.
    const latest = suppressed.diagnostics[0] as Diagnostic;
    const objectAction = (await actionsFor(client, uri, latest)).find((a) => a.title === 'Disable image-latest-tag for this object');
    expect(objectAction?.edit?.changes?.[uri]).toEqual([{
      range: range(3, 0, 3, 0),
      newText: '  annotations:\n    okelint.io/ignore: "image-latest-tag"\n    okelint.io/ignore-reason: ""\n',
    }]);
    text = apply(text, uri, objectAction);
    const annotated = await client.replace(uri, text, 5);
    expect(annotated.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['suppression-invalid', 4], ['image-latest-tag', 11], ['host-ports', 17],
    ]);
    text = text.replace('okelint.io/ignore-reason: ""', 'okelint.io/ignore-reason: "mirror of an upstream dev image"');
    expect(codes(await client.replace(uri, text, 6))).toEqual(['host-ports']);

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

    // Still serving: fixing the config clears its diagnostic and brings the findings back.
    writeFileSync(join(root, '.okelint.yaml'), 'preset: pss-baseline\n');
    await changedConfig();
    await client.waitFor(configUri, (p) => p.diagnostics.length === 0, 'cleared config diagnostics');
    expect(codes(await client.waitFor(uri, (p) => p.diagnostics.length > 0))).toEqual(['privileged-container']);
    expect(client.child.exitCode).toBe(null);
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

  it('honours .okelintignore, skips formats the engine does not read, and lints JSON without comment fixes', async () => {
    const root = workspace({ '.okelintignore': 'generated/\n', 'generated/pod.yaml': POD, '.okelint.yaml': 'preset: pss-baseline\n' });
    client = (await LspClient.start({ root })).client;
    const ignored = pathToFileURL(join(root, 'generated/pod.yaml')).href;
    expect((await client.open(ignored, POD)).diagnostics).toEqual([]);
    writeFileSync(join(root, '.okelintignore'), '');
    await client.connection.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(root, '.okelintignore')).href, type: proto.FileChangeType.Changed }],
    });
    expect(codes(await client.waitFor(ignored, (p) => p.diagnostics.length > 0))).toEqual(['privileged-container']);

    const tf = pathToFileURL(join(root, 'main.tf')).href;
    expect((await client.open(tf, 'resource "x" "y" {}\n', 'terraform')).diagnostics).toEqual([]);

    const json = pathToFileURL(join(root, 'pod.json')).href;
    const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1', securityContext: { privileged: true } }] } });
    const published = await client.open(json, pod, 'json');
    expect(codes(published)).toEqual(['privileged-container']);
    expect(await actionsFor(client, json, published.diagnostics[0] as Diagnostic)).toEqual([]);
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
});
