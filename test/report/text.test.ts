import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { caretSpan, formatText, frameWindow, MAX_FRAME } from '../../src/report/text.js';
import { makeFinding, makeInput, makeRule } from '../helpers/findings.js';
import { sampleInput } from './sample.js';

const ESC = '\u001b[';

describe('text report', () => {
  it('groups by file with aligned columns, code frames, skipped inputs, layers and a total', () => {
    expect(formatText(sampleInput()).split('\n')).toEqual([
      'broken.yaml',
      '  1:6  error    Flow sequence is not closed.  parse-error',
      '    1 | key: [unclosed',
      '      |      ^',
      '',
      'deploy/web.yaml',
      '  12:21  error    Container "web" runs privileged.  privileged-container',
      '    12 |         privileged: true',
      '       |                     ^^^^',
      '  14:16  warning  Image "nginx" has no tag.         image-latest-tag',
      '    14 |         image: nginx',
      '       |                ^^^^^',
      '',
      'helm/rendered.yaml',
      '  30:5  error    Role grants "*" on resources.  rbac-wildcard',
      '    30 |   - apiGroups: ["*"]',
      '       |     ^^^^^^^^^^^^^^^^',
      '    ↳ Rendered by helm template: helm/rendered.yaml:40:5',
      '',
      'policies/oke.policy',
      '  3:14  note     Group name hidden behind ${ADMINS}: not checked.  iam-unresolved',
      '    3 | \tAllow group ${ADMINS} to manage all-resources in tenancy',
      '      | \t            ^^^^^^^^^',
      '',
      'Skipped:',
      '  warning: assets/logo.yaml: binary file: skipped',
      '',
      'Security layers:',
      '  cloud-control   1 note',
      '  cluster-access  1 error',
      '  workload        1 error  ← weakest',
      '  supply-chain    1 warning',
      '  node            no findings',
      '  general         1 error',
      '',
      '✖ 5 problems (3 errors, 1 warning, 1 note) in 4 files · 6 objects in 4 files linted · 1 file skipped · 2 non-Kubernetes documents skipped · 2 suppressed',
      '',
    ]);
  });

  it('uses colour only when asked', () => {
    expect(formatText(sampleInput())).not.toContain(ESC);
    const coloured = formatText(sampleInput({ color: true }));
    expect(coloured).toContain(`${ESC}31merror${ESC}39m`);
    expect(coloured).toContain(`${ESC}4m${ESC}1mdeploy/web.yaml${ESC}22m${ESC}24m`);
    expect(stripVTControlCharacters(coloured)).toBe(formatText(sampleInput()));
  });

  it('shows suppressed findings only on request, marked, and never counts them as problems', () => {
    const text = formatText(sampleInput({ includeSuppressed: true }));
    expect(text).toContain('  20:21  error    Container "cni" runs privileged.  privileged-container  [suppressed by comment: the CNI needs it]');
    expect(text).toContain('  7:1   note     Location hidden.                                  iam-unresolved  [suppressed by config: reviewed]');
    expect(text).toContain('✖ 5 problems (3 errors, 1 warning, 1 note) in 4 files');
    expect(formatText(sampleInput())).not.toContain('Container "cni"');
  });

  it('lists every layer on a clean run and marks none as weakest', () => {
    const suppressedOnly = makeFinding({ line: 2, column: 3 }, { ruleId: 'r', suppression: { kind: 'annotation', justification: 'ok' } });
    const text = formatReport('text', makeInput({ findings: [suppressedOnly] }));
    expect(text).toBe([
      'Security layers:',
      '  cloud-control   no findings',
      '  cluster-access  no findings',
      '  workload        no findings',
      '  supply-chain    no findings',
      '  node            no findings',
      '',
      '✔ no problems · 1 object in 1 file linted · 1 suppressed',
      '',
    ].join('\n'));
  });

  it('marks every layer in a tie of counts and severity', () => {
    const rules = [makeRule({ id: 'a', layer: 'node', securitySeverity: 5 }), makeRule({ id: 'b', layer: 'workload', securitySeverity: 5 })];
    const findings = [
      makeFinding({ line: 1, column: 1 }, { ruleId: 'a', layer: 'node', level: 'warning' }),
      makeFinding({ line: 2, column: 1 }, { ruleId: 'b', layer: 'workload', level: 'warning' }),
    ];
    const lines = formatText(makeInput({ rules, findings })).split('\n');
    expect(lines.filter((l) => l.endsWith('← weakest'))).toEqual(['  workload        1 warning  ← weakest', '  node            1 warning  ← weakest']);
  });
});

describe('caretSpan', () => {
  it('keeps tabs in the padding', () => {
    expect(caretSpan('\t\tkey: v', 8, 9)).toEqual({ pad: '\t\t     ', width: 1 });
  });
  it('runs to the end of the line for a multi-line span', () => {
    expect(caretSpan('  abc', 3, undefined)).toEqual({ pad: '  ', width: 3 });
  });
  it('draws one caret for an empty span or a span past the end of the line', () => {
    expect(caretSpan('abc', 2, 2)).toEqual({ pad: ' ', width: 1 });
    expect(caretSpan('abc', 5, 6)).toEqual({ pad: '    ', width: 1 });
  });
  it('counts a surrogate pair as one caret', () => {
    expect(caretSpan('x: "😀"', 4, 8)).toEqual({ pad: '   ', width: 3 });
  });
});

describe('frameWindow', () => {
  it('keeps a short line whole', () => {
    expect(frameWindow('  privileged: true', 15, 19)).toEqual({ text: '  privileged: true', startColumn: 15, endColumn: 19 });
  });

  it('cuts a long line around the finding, with ellipses, and moves the columns', () => {
    const line = `${'a'.repeat(1000)}BAD${'z'.repeat(1000)}`;
    const w = frameWindow(line, 1001, 1004);
    expect(w.text.length).toBe(MAX_FRAME + 2);
    expect(w.text.startsWith('…') && w.text.endsWith('…')).toBe(true);
    expect(w.text.slice(w.startColumn - 1, (w.endColumn ?? 0) - 1)).toBe('BAD');
  });

  it('caps a span that runs past the window at the window end', () => {
    const line = 'x'.repeat(500);
    const w = frameWindow(line, 1, undefined);
    expect(w).toEqual({ text: `${'x'.repeat(MAX_FRAME)}…`, startColumn: 1, endColumn: MAX_FRAME + 1 });
  });
});
