/**
 * Invalid config files as diagnostics on the config file itself (publishing only when a
 * problem appears, changes or goes away), plus one error message per new problem, so editors
 * that show diagnostics of open buffers only still tell the user why nothing is linted.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { ConfigCache, ConfigProblem, LspSettings } from './config.js';
import { configDiagnostic } from './diagnostics.js';
import { rootFor } from './lint-document.js';

/** The config problems currently shown, by config file path. */
export class ConfigProblems {
  private readonly shown = new Map<string, string>();

  /** `textOf` gives the text of an open document by URI (else the file is read). */
  constructor(private readonly connection: Connection, private readonly textOf: (uri: string) => string | undefined) {}

  /** Shows `problem` on its config file (no traffic when it is already shown). */
  report(problem: ConfigProblem): void {
    const key = JSON.stringify(problem);
    if (this.shown.get(problem.file) === key) return;
    this.shown.set(problem.file, key);
    const uri = pathToFileURL(problem.file).href;
    const lineText = this.lineOf(uri, problem.file, problem.line);
    void this.connection.sendDiagnostics({ uri, diagnostics: [configDiagnostic(problem, lineText)] });
    // window/showMessage, MessageType.Error (1): a notification, no reply expected.
    void this.connection.sendNotification('window/showMessage', { type: 1, message: `okelint: invalid config ${problem.file}:${problem.line + 1}:${problem.character + 1}: ${problem.message}` });
  }

  /** Removes the diagnostic of a config file that is valid again (or gone). */
  clear(file: string): void {
    if (!this.shown.delete(file)) return;
    void this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
  }

  /**
   * Re-validates the config files that changed and those shown as invalid (the cache must be
   * cleared first): invalid ones are (re)reported, valid or deleted ones cleared.
   */
  async recheck(
    changed: readonly string[],
    cache: ConfigCache,
    roots: readonly string[],
    cwd: string,
    settingsFor: (uri: string) => Promise<LspSettings>,
  ): Promise<void> {
    const files = new Set([...changed, ...this.shown.keys()]);
    for (const file of files) {
      // A probe path beside the config file finds the config that governs that directory now.
      const probe = join(dirname(file), '.okelint-probe.yaml');
      const result = await cache.forDocument(probe, rootFor(probe, roots, cwd), await settingsFor(pathToFileURL(file).href));
      if (result.kind === 'invalid') this.report(result.problem);
      if (result.kind === 'ok' || result.problem.file !== file) this.clear(file);
    }
  }

  private lineOf(uri: string, file: string, line: number): string | undefined {
    let text = this.textOf(uri);
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    }
    return text.split('\n')[line]?.replace(/\r$/, '');
  }
}
