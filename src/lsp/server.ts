/**
 * `okelint lsp --stdio`: the language server, a thin shell around `lintText`. It publishes
 * diagnostics on open, on change (debounced per document) and on save, offers quick fixes,
 * follows `.okelint.yaml` / `.okelintignore` changes and the editor's `okelint` settings, and
 * reports an invalid config as a diagnostic on the config file. Loaded lazily by the CLI.
 */
import lsp from 'vscode-languageserver/node';
import lspCommon from 'vscode-languageserver';
import type { ClientCapabilities, Connection, InitializeParams, WatchDog } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleAutofix } from './autofix.js';
import { codeActions, findingFor, type AutofixProvider } from './code-actions.js';
import { ConfigCache, isContextFile, isConfigName, isWatchedName, parseSettings, WATCH_GLOBS, type LspSettings } from './config.js';
import { ConfigProblems } from './config-problems.js';
import { fsPathOf, lintDocument } from './lint-document.js';
import type { Finding } from '../engine/types.js';
import { DOCS_BASE_URL, version } from '../cli/main.js';
import { rules as registry } from '../../rules/index.js';

/** Debounce of re-linting after an edit, unless initializationOptions or the environment say otherwise. */
export const DEFAULT_DEBOUNCE_MS = 150;

/** The streams and process facts the server runs with. */
export interface ServerIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ServerOptions {
  /** Autofix providers (the code-action hook for rule fixes); default: the rule fixes of src/fix. */
  readonly autofixes?: readonly AutofixProvider[];
}

/** Runs the server until the client sends `exit` or closes the input; resolves with the exit code. */
export function startServer(io: ServerIo, options: ServerOptions = {}): Promise<number> {
  // stdout carries the protocol: stray console output goes to stderr.
  // eslint-disable-next-line no-console -- redirecting, not printing
  Object.assign(console, { log: console.error, info: console.error, debug: console.error });
  return new Promise((resolveExit) => {
    let shutdownReceived = false;
    let finished = false;
    let parentTimer: NodeJS.Timeout | undefined;
    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      if (parentTimer) clearInterval(parentTimer);
      state.dispose();
      connection.dispose();
      (io.input as Partial<NodeJS.ReadStream>).destroy?.();
      resolveExit(code);
    };
    const watchDog: WatchDog = {
      get shutdownReceived() { return shutdownReceived; },
      set shutdownReceived(v: boolean) { shutdownReceived = v; },
      initialize(params: InitializeParams) {
        const pid = params.processId;
        if (typeof pid !== 'number') return;
        parentTimer = setInterval(() => {
          try { process.kill(pid, 0); } catch { finish(shutdownReceived ? 0 : 1); }
        }, 3000);
        parentTimer.unref();
      },
      exit: (code: number) => finish(code),
    };
    const reader = new lsp.StreamMessageReader(io.input);
    const writer = new lsp.StreamMessageWriter(io.output);
    const connection = lspCommon.createConnection((logger) => lsp.createProtocolConnection(reader, writer, logger), watchDog);
    io.input.on('end', () => finish(shutdownReceived ? 0 : 1));
    io.input.on('close', () => finish(shutdownReceived ? 0 : 1));
    const state = new ServerState(connection, io, options);
    connection.listen();
  });
}

/** The server's documents, timers, caches and handlers. */
class ServerState {
  private readonly documents = new lsp.TextDocuments(TextDocument);
  private readonly cache = new ConfigCache(registry);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly justOpened = new Set<string>();
  private readonly settings = new Map<string, Promise<LspSettings>>();
  /** The findings of each document's last lint, with the version they were computed for. */
  private readonly linted = new Map<string, { readonly version: number; readonly findings: readonly Finding[] }>();
  private readonly problems: ConfigProblems;
  private readonly warned = new Set<string>();
  private globalSettings: unknown = undefined;
  private capabilities: ClientCapabilities = {};
  private roots: string[] = [];
  private debounceMs = DEFAULT_DEBOUNCE_MS;
  private readonly autofixes: readonly AutofixProvider[];

  constructor(private readonly connection: Connection, private readonly io: ServerIo, options: ServerOptions) {
    this.problems = new ConfigProblems(connection, (uri) => this.documents.get(uri)?.getText());
    this.autofixes = options.autofixes ?? [ruleAutofix((m) => connection.console.error(m))];
    const envDebounce = Number(io.env.OKELINT_LSP_DEBOUNCE_MS);
    if (io.env.OKELINT_LSP_DEBOUNCE_MS !== undefined && Number.isFinite(envDebounce)) this.debounceMs = Math.max(0, envDebounce);
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onShutdown(() => this.dispose());
    connection.onDidChangeConfiguration((params) => {
      this.globalSettings = (params.settings as { okelint?: unknown } | null | undefined)?.okelint;
      this.settings.clear();
      this.relintAll();
    });
    connection.onDidChangeWatchedFiles((params) => {
      const paths = params.changes.map((c) => fsPathOf(c.uri)).filter((p): p is string => p !== undefined);
      const changed = paths.filter(isWatchedName);
      if (changed.length) this.configChanged(changed);
      else if (paths.some(isContextFile)) this.contextChanged();
    });
    connection.onCodeAction(async (params) => {
      const doc = this.documents.get(params.textDocument.uri);
      if (!doc || (params.context.only && !params.context.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(`${k}.`) || k === ''))) return [];
      const snippets = this.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true && this.capabilities.workspace.workspaceEdit.documentChanges === true;
      const findings = await this.findingsOf(doc.uri, doc.version);
      if (this.documents.get(doc.uri)?.version !== doc.version) return []; // edited meanwhile: the client asks again
      return codeActions({
        document: doc, diagnostics: params.context.diagnostics, snippets, autofixes: this.autofixes,
        findingOf: (d, data) => findingFor(findings, d, data),
      });
    });
    this.documents.onDidOpen(({ document }) => {
      this.justOpened.add(document.uri);
      this.lintNow(document.uri);
    });
    this.documents.onDidChangeContent(({ document }) => {
      if (this.justOpened.delete(document.uri)) return;
      this.schedule(document.uri);
    });
    this.documents.onDidSave(({ document }) => {
      const path = fsPathOf(document.uri);
      if (isConfigName(document.uri)) this.configChanged([path ?? document.uri]);
      else if (path !== undefined && isContextFile(path)) this.contextChanged();
      else this.lintNow(document.uri);
    });
    this.documents.onDidClose(({ document }) => {
      this.cancel(document.uri);
      this.justOpened.delete(document.uri);
      this.linted.delete(document.uri);
      if (!isConfigName(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    this.documents.listen(connection);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private initialize(params: InitializeParams): lspCommon.InitializeResult {
    this.capabilities = params.capabilities;
    const opts = params.initializationOptions as { debounceMs?: unknown; settings?: unknown } | null | undefined;
    if (typeof opts?.debounceMs === 'number' && opts.debounceMs >= 0) this.debounceMs = opts.debounceMs;
    if (opts?.settings !== undefined) this.globalSettings = opts.settings;
    const folders = params.workspaceFolders?.map((f) => fsPathOf(f.uri)) ?? [params.rootUri ? fsPathOf(params.rootUri) : undefined];
    this.roots = folders.filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix], resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'okelint', version: version() },
    };
  }

  private initialized(): void {
    const ws = this.capabilities.workspace;
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client.register(lsp.DidChangeWatchedFilesNotification.type, { watchers: WATCH_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (ws?.configuration && ws.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'okelint' });
    }
    if (ws?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => fsPathOf(f.uri)));
        this.roots = this.roots.filter((r) => !removed.has(r)).concat(e.added.map((f) => fsPathOf(f.uri)).filter((p): p is string => p !== undefined));
        this.cache.clear();
        this.relintAll();
      });
    }
  }

  /** Settings for a document: pulled per scope when the client can, else the pushed ones. */
  private settingsFor(uri: string): Promise<LspSettings> {
    const pull = this.capabilities.workspace?.configuration === true;
    const key = pull ? uri : '';
    let found = this.settings.get(key);
    if (!found) {
      const raw: Promise<unknown> = pull
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'okelint' }).catch(() => undefined)
        : Promise.resolve(this.globalSettings);
      found = raw.then((r) => {
        const { settings, problems } = parseSettings(r);
        for (const p of problems) this.warnOnce(p);
        return settings;
      });
      this.settings.set(key, found);
    }
    return found;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    void this.connection.sendNotification(lsp.ShowMessageNotification.type, { type: lsp.MessageType.Warning, message: `okelint: ${message}` });
  }

  private schedule(uri: string): void {
    this.cancel(uri);
    if (this.debounceMs <= 0) return this.lintNow(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.lintNow(uri);
    }, this.debounceMs));
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private lintNow(uri: string): void {
    this.cancel(uri);
    void this.lint(uri).catch((e: unknown) => {
      this.connection.console.error(`okelint: internal error linting ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    });
  }

  private async lint(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await this.settingsFor(uri);
    const outcome = await lintDocument({ uri, languageId: doc.languageId, text: doc.getText() }, {
      cache: this.cache, settings, roots: this.roots, cwd: this.io.cwd,
      today: new Date().toISOString().slice(0, 10), docsBaseUrl: DOCS_BASE_URL,
    });
    if (this.documents.get(uri)?.version !== version) return; // a newer lint of this document follows
    this.linted.set(uri, { version, findings: outcome.kind === 'linted' ? outcome.findings : [] });
    if (outcome.kind === 'config-invalid') this.problems.report(outcome.problem);
    if (outcome.kind === 'skipped' && outcome.reason === 'config-file') return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics: outcome.kind === 'linted' ? outcome.diagnostics : [] });
  }

  /** The findings of `uri` at `version`: from its last lint, else linted (and published) now. */
  private async findingsOf(uri: string, version: number): Promise<readonly Finding[]> {
    const last = this.linted.get(uri);
    if (last?.version === version) return last.findings;
    this.cancel(uri); // a pending debounced lint: done now instead
    await this.lint(uri);
    const now = this.linted.get(uri);
    return now?.version === version ? now.findings : [];
  }

  private relintAll(): void {
    this.linted.clear();
    for (const doc of this.documents.all()) this.lintNow(doc.uri);
  }

  /** A context file (chart, Terraform module file) changed on disk or was saved here: forget them, re-lint. */
  private contextChanged(): void {
    this.cache.clearContext();
    this.relintAll();
  }

  /** A config or ignore file changed: forget the caches, re-check the config files, re-lint. */
  private configChanged(paths: readonly string[]): void {
    this.cache.clear();
    this.settings.clear();
    void this.problems.recheck(paths.filter(isConfigName), this.cache, this.roots, this.io.cwd, (uri) => this.settingsFor(uri))
      .catch((e: unknown) => this.connection.console.error(`okelint: ${String(e)}`));
    this.relintAll();
  }
}
