// @ts-check
'use strict';
/**
 * okelint for VS Code: starts `okelint lsp --stdio` and connects it to YAML, JSON, `.policy` and
 * `.tf` documents. Everything else (diagnostics, quick fixes, config reloads, settings) is the
 * server's job; the settings under `okelint.*` reach it through workspace/configuration.
 */
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/**
 * How to start the server: `okelint.path`, else the workspace's node_modules/okelint (run with
 * the extension host's Node), else `okelint` on the PATH.
 * @returns {import('vscode-languageclient/node').ServerOptions}
 */
function serverOptions() {
  const configured = vscode.workspace.getConfiguration('okelint').get('path');
  if (typeof configured === 'string' && configured !== '') return { command: configured, args: ['lsp', '--stdio'] };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const bin = path.join(folder.uri.fsPath, 'node_modules', 'okelint', 'bin', 'okelint.js');
    // TransportKind.stdio appends --stdio to the arguments.
    if (fs.existsSync(bin)) return { module: bin, args: ['lsp'], transport: TransportKind.stdio };
  }
  return { command: process.platform === 'win32' ? 'okelint.cmd' : 'okelint', args: ['lsp', '--stdio'] };
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  client = new LanguageClient('okelint', 'okelint', serverOptions(), {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', pattern: '**/*.policy' },
      { scheme: 'file', pattern: '**/*.tf' },
    ],
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('okelint.restart', async () => {
      await client?.stop();
      client = new LanguageClient('okelint', 'okelint', serverOptions(), client?.clientOptions ?? {});
      await client.start();
    }),
    { dispose: () => void client?.stop() },
  );
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
