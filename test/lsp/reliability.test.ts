/**
 * The language server survives hostile nesting: it re-lints on every change, so the same deep
 * text is parsed again and again in one process (which, before the readers' nesting limit,
 * aborted node). Each version gets one `parse-error` diagnostic at the first collection beyond
 * the limit, the good documents around it keep theirs, quick fixes can be asked for on it, and
 * the server still answers and exits cleanly afterwards.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, proto, type Publish } from './lsp-client.js';
import { tempDir } from '../helpers/cli.js';
import { blockSequence, compactMappings, flowSequence, jsonObject, LIMIT, terraformTuple, type DeepInput } from '../helpers/deep.js';

const N = 10_000;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\nspec:\n  containers:\n    - name: c\n      securityContext: { privileged: true }\n';

let client: LspClient | undefined;
afterEach(() => {
  client?.kill();
  client = undefined;
});

/** `line:character` (0-based, as the protocol has it) of each parse-error diagnostic. */
const parseErrors = (p: Publish): string[] =>
  p.diagnostics.filter((d) => d.code === 'parse-error').map((d) => `${d.range.start.line}:${d.range.start.character}`);
const expected = (d: DeepInput, linesBefore = 0): string[] => [`${d.line - 1 + linesBefore}:${d.column - 1}`];

describe('okelint lsp --stdio with deeply nested documents', () => {
  it('publishes one parse-error per version, keeps the good documents, answers code actions, and exits cleanly', async () => {
    const root = tempDir('okelint-lsp-deep-');
    writeFileSync(join(root, 'pod.yaml'), POD);
    ({ client } = await LspClient.start({ root }));
    const uri = pathToFileURL(join(root, 'deep.yaml')).href;

    // A good Pod, then the deep document: its lines move down by the Pod's and the `---`.
    const flow = flowSequence(N);
    const before = POD.split('\n').length - 1 + 1;
    const opened = await client.open(uri, `${POD}---\n${flow.text}`);
    expect(parseErrors(opened)).toEqual(expected(flow, before));
    expect(opened.diagnostics.find((d) => d.code === 'parse-error')?.message).toContain(`nested deeper than ${LIMIT} levels`);
    expect(opened.diagnostics.filter((d) => d.code === 'privileged-container')).toHaveLength(1);
    let version = 1;

    // Quick fixes for a good Pod's finding read the whole text (the deep document too), again and again.
    for (const deep of [flow, compactMappings(N), jsonObject(N, 'ns', 'Namespace')]) {
      const text = `${POD}---\n${deep.text}`;
      const published = await client.replace(uri, text, ++version);
      expect(parseErrors(published)).toEqual(expected(deep, before));
      const privileged = published.diagnostics.find((d) => d.code === 'privileged-container') as Diagnostic;
      for (let i = 0; i < 4; i++) {
        const fixes = (await client.connection.sendRequest(proto.CodeActionRequest.type, {
          textDocument: { uri }, range: privileged.range, context: { diagnostics: [privileged] },
        }) ?? []) as CodeAction[];
        expect(fixes.map((a) => a.title)).toContain('Disable privileged-container for this object');
      }
    }

    // Every change is a full re-lint of deep text in the same process.
    const versions: DeepInput[] = [flow, blockSequence(N), compactMappings(N), jsonObject(N, 'ns', 'Namespace'), flow, jsonObject(N, 'ns', 'Namespace')];
    for (const d of versions) {
      const published = await client.replace(uri, d.text, ++version);
      expect(parseErrors(published)).toEqual(expected(d));
    }

    // A quick fix asked for on the parse-error: the server answers (it parses the deep text once more).
    const diagnostic = client.log.at(-1)?.diagnostics.find((d) => d.code === 'parse-error') as Diagnostic;
    const actions = (await client.connection.sendRequest(proto.CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    }) ?? []) as CodeAction[];
    expect(Array.isArray(actions)).toBe(true);

    // Terraform too, then back to a good document: still linted as usual.
    const tfUri = pathToFileURL(join(root, 'main.tf')).href;
    const tuple = terraformTuple(N);
    const tf = await client.open(tfUri, tuple.text, 'terraform');
    expect(parseErrors(tf)).toEqual(expected(tuple));
    const good = await client.replace(uri, POD, version + 1);
    expect(good.diagnostics.map((d) => d.code)).toContain('privileged-container');
    expect(parseErrors(good)).toEqual([]);

    expect(await client.stop()).toBe(0);
    client = undefined;
  }, 60_000);
});
