/**
 * A headless LSP client for end-to-end tests: spawns `node bin/okelint.js lsp --stdio` and talks
 * to it with vscode-languageserver-protocol over the child's stdio. Waits are on notifications,
 * with timeouts, never on fixed sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import proto from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, ProtocolConnection, ShowMessageParams } from 'vscode-languageserver-protocol';
import { BIN } from '../helpers/cli.js';

export { proto };

export interface Publish {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

export interface ClientOptions {
  /** The workspace folder (also the server's cwd). */
  readonly root: string;
  /** The `okelint` settings section returned for `workspace/configuration`. */
  readonly settings?: Record<string, unknown>;
  /** Extra client capabilities merged into `workspace`. */
  readonly workspace?: Record<string, unknown>;
  /** Sent with initialize (default `{ debounceMs: 0 }`). */
  readonly initializationOptions?: Record<string, unknown>;
}

const TIMEOUT_MS = 10_000;

/** A running server and the client end of its connection. */
export class LspClient {
  readonly messages: ShowMessageParams[] = [];
  readonly stderr: string[] = [];
  /** Every publishDiagnostics notification, in order. */
  readonly log: Publish[] = [];
  private readonly latest = new Map<string, Publish>();
  private readonly waiters: { uri: string; pred: (p: Publish) => boolean; resolve: (p: Publish) => void; reject: (e: Error) => void }[] = [];
  private readonly messageWaiters: ((m: ShowMessageParams) => boolean)[] = [];
  private exitCode: Promise<number | null>;
  settings: Record<string, unknown>;

  private constructor(readonly child: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection, opts: ClientOptions) {
    this.settings = opts.settings ?? {};
    this.exitCode = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    // A server that dies fails the waits at once, with its stderr, rather than at their timeouts.
    child.on('exit', (code, signal) => {
      const error = new Error(`okelint lsp exited (code ${String(code)}, signal ${String(signal)}); stderr: ${this.stderr.join('')}`);
      for (const w of this.waiters.splice(0)) w.reject(error);
      connection.dispose(); // rejects pending requests too
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => this.stderr.push(d));
    connection.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
      const publish: Publish = { uri: p.uri, ...(p.version !== undefined && { version: p.version }), diagnostics: p.diagnostics };
      this.log.push(publish);
      this.latest.set(p.uri, publish);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(publish)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(publish);
        }
      }
    });
    connection.onNotification(proto.ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      for (const w of [...this.messageWaiters]) if (w(p)) this.messageWaiters.splice(this.messageWaiters.indexOf(w), 1);
    });
    connection.onRequest(proto.ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'okelint' ? this.settings : null)));
    connection.onRequest(proto.RegistrationRequest.type, () => undefined);
    connection.listen();
  }

  /** Spawns the server and completes initialize / initialized. */
  static async start(opts: ClientOptions): Promise<{ client: LspClient; init: InitializeResult }> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], {
      cwd: opts.root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', OKELINT_LSP_DEBOUNCE_MS: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = proto.createProtocolConnection(new proto.StreamMessageReader(child.stdout), new proto.StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, opts);
    const init = await connection.sendRequest(proto.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(opts.root).href,
      workspaceFolders: [{ uri: pathToFileURL(opts.root).href, name: 'ws' }],
      initializationOptions: opts.initializationOptions ?? { debounceMs: 0 },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          ...opts.workspace,
        },
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    await connection.sendNotification(proto.InitializedNotification.type, {});
    return { client, init };
  }

  /** The next (or current) diagnostics of `uri` that satisfy `pred`. */
  waitFor(uri: string, pred: (p: Publish) => boolean, what = 'diagnostics'): Promise<Publish> {
    const now = this.latest.get(uri);
    if (now && pred(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const waiter = {
        uri, pred,
        resolve: (p: Publish) => { clearTimeout(timer); resolve(p); },
        reject: (e: Error) => { clearTimeout(timer); reject(e); },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const last = this.latest.get(uri);
        reject(new Error(`timed out waiting for ${what} of ${uri}; last: ${JSON.stringify(last)}; stderr: ${this.stderr.join('')}`));
      }, TIMEOUT_MS);
      this.waiters.push(waiter);
    });
  }

  /** The first (or next) window/showMessage that satisfies `pred`. */
  waitForMessage(pred: (m: ShowMessageParams) => boolean): Promise<ShowMessageParams> {
    const now = this.messages.find(pred);
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const waiter = (m: ShowMessageParams): boolean => {
        if (!pred(m)) return false;
        clearTimeout(timer);
        resolve(m);
        return true;
      };
      const timer = setTimeout(() => {
        this.messageWaiters.splice(this.messageWaiters.indexOf(waiter), 1);
        reject(new Error(`timed out waiting for a message; got ${JSON.stringify(this.messages)}`));
      }, TIMEOUT_MS);
      this.messageWaiters.push(waiter);
    });
  }

  /** The diagnostics published for `uri` at document `version`. */
  forVersion(uri: string, version: number): Promise<Publish> {
    return this.waitFor(uri, (p) => p.version === version, `version ${version}`);
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<Publish> {
    await this.connection.sendNotification(proto.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return this.forVersion(uri, version);
  }

  /** Replaces the whole text (a full-document change). */
  async replace(uri: string, text: string, version: number): Promise<Publish> {
    await this.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.forVersion(uri, version);
  }

  /** Shutdown and exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      await this.connection.sendRequest(proto.ShutdownRequest.type);
      await this.connection.sendNotification(proto.ExitNotification.type);
    }
    const code = await this.exitCode;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}
