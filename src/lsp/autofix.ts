/**
 * The rule autofixes (src/fix) as code actions: for a diagnostic whose finding okelint can fix,
 * one preferred `quickfix` whose edit applies the fix's minimal text edits to the document.
 * Nothing is offered when the fix cannot be made safely (src/fix re-parses and checks the result)
 * or for objects rendered by `helm template` (the fix belongs in the chart's template).
 */
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { AutofixProvider } from './code-actions.js';
import { fixEditsFor, fixTitle, isFixable } from '../fix/index.js';

/** The provider of rule autofixes; `log` gets the error of a fixer that throws (a bug). */
export const ruleAutofix = (log: (message: string) => void): AutofixProvider => ({ document, diagnostic, finding }) => {
  if (!finding || !isFixable(finding)) return [];
  const title = fixTitle(finding);
  if (title === undefined) return [];
  let edits;
  try {
    edits = fixEditsFor(document.getText(), finding);
  } catch (e) {
    // A bug in a fixer costs this one action, not the others (the disables) nor the server.
    log(`okelint: autofix of ${finding.ruleId} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return [];
  }
  if (!edits) return [];
  const textEdits = edits.map((e): TextEdit => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
  const action: CodeAction = {
    title: `${title} (${finding.ruleId})`,
    kind: 'quickfix',
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: textEdits } },
  };
  return [action];
};
