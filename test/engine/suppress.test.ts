import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import { parseDirectives } from '../../src/engine/suppress-comments.js';
import { strictConfig } from '../helpers/registry-config.js';
import { yaml } from '../helpers/rule-tester.js';

const lint = (text: string, today = '2026-11-23') =>
  lintFile({ path: 's.yaml', uri: 's.yaml', text }, strictConfig(), today).findings
    .filter((f) => f.ruleId === 'privileged-container' || f.ruleId === 'suppression-invalid')
    .map((f) => ({ rule: f.ruleId, line: f.start.line, col: f.start.column, suppressed: f.suppression?.kind ?? null, id: f.messageId }));

const pod = (sc: string, before = '', annotations = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p${annotations}
  spec:
    containers:
      - name: c
        ${before}
        securityContext: ${sc}
`;

describe('comment suppressions', () => {
  it('parses ids, reason and scope', () => {
    const d = parseDirectives('a: 1\n  # okelint-disable-next-line x, y -- because: reasons\nb: 2\n');
    expect(d).toHaveLength(1);
    expect(d[0]?.ids.map((i) => i.id)).toEqual(['x', 'y']);
    expect(d[0]?.reason).toBe('because: reasons');
    expect(d[0]?.scope).toBe('next-line');
  });

  it('ignores the marker outside comments', () => {
    expect(parseDirectives('a: "okelint-disable x -- y"\n')).toEqual([]);
  });

  it('suppresses the next line only, with a reason', () => {
    const out = lint(pod('{ privileged: true }', '# okelint-disable-next-line privileged-container -- vendor agent, SEC-1'));
    expect(out).toEqual([{ rule: 'privileged-container', line: 9, col: 38, suppressed: 'comment', id: 'privileged' }]);
  });

  it('does not suppress without a reason, and reports the directive', () => {
    const out = lint(pod('{ privileged: true }', '# okelint-disable-next-line privileged-container'));
    expect(out).toEqual([
      { rule: 'suppression-invalid', line: 8, col: 7, suppressed: null, id: 'noReason' },
      { rule: 'privileged-container', line: 9, col: 38, suppressed: null, id: 'privileged' },
    ]);
  });

  it('reads a placeholder reason in angle brackets (as the editor inserts it) as no reason', () => {
    const out = lint(pod('{ privileged: true }', '# okelint-disable-next-line privileged-container -- <reason>'));
    expect(out).toEqual([
      { rule: 'suppression-invalid', line: 8, col: 7, suppressed: null, id: 'placeholderReason' },
      { rule: 'privileged-container', line: 9, col: 38, suppressed: null, id: 'privileged' },
    ]);
    // A reason that merely contains angle brackets is a reason.
    expect(lint(pod('{ privileged: true }', '# okelint-disable-next-line privileged-container -- needs <raw> sockets')).map((f) => f.suppressed)).toEqual(['comment']);
  });

  it('reports unknown rule ids at the id', () => {
    const out = lint(pod('{ privileged: true }', '# okelint-disable-next-line privileged-containr -- typo'));
    expect(out).toEqual([
      { rule: 'suppression-invalid', line: 8, col: 35, suppressed: null, id: 'unknownRule' },
      { rule: 'privileged-container', line: 9, col: 38, suppressed: null, id: 'privileged' },
    ]);
  });

  it('okelint-disable covers the rest of the document only', () => {
    const text = `# okelint-disable privileged-container -- lab cluster\n${pod('{ privileged: true }')}---\n${pod('{ privileged: true }')}`;
    const out = lint(text);
    expect(out.map((f) => [f.line, f.suppressed])).toEqual([[10, 'comment'], [20, null]]);
  });
});

describe('annotation suppressions', () => {
  const ann = (lines: string) => `\n    annotations:\n${lines.split('\n').map((l) => `      ${l}`).join('\n')}`;

  it('suppresses with a reason', () => {
    const out = lint(pod('{ privileged: true }', '', ann('okelint.io/ignore: "privileged-container"\nokelint.io/ignore-reason: "csi driver"')));
    expect(out.map((f) => f.suppressed)).toEqual(['annotation']);
    const placeholder = lint(pod('{ privileged: true }', '', ann('okelint.io/ignore: "privileged-container"\nokelint.io/ignore-reason: "<reason>"')));
    expect(placeholder.map((f) => [f.rule, f.id, f.suppressed])).toEqual([['suppression-invalid', 'placeholderReason', null], ['privileged-container', 'privileged', null]]);
  });

  it('lapses after ignore-until', () => {
    const text = pod('{ privileged: true }', '', ann('okelint.io/ignore: privileged-container\nokelint.io/ignore-reason: csi\nokelint.io/ignore-until: "2026-06-30"'));
    expect(lint(text, '2026-06-30').map((f) => f.suppressed)).toEqual(['annotation']);
    expect(lint(text, '2026-07-01').map((f) => [f.rule, f.id, f.suppressed])).toEqual([
      ['suppression-invalid', 'expired', null],
      ['privileged-container', 'privileged', null],
    ]);
  });

  it('rejects a malformed ignore-until date', () => {
    const text = pod('{ privileged: true }', '', ann('okelint.io/ignore: privileged-container\nokelint.io/ignore-reason: csi\nokelint.io/ignore-until: next week'));
    expect(lint(text).map((f) => f.id)).toEqual(['badUntil', 'privileged']);
  });
});

describe('config exclusions', () => {
  it('exempts matching objects with their reason', () => {
    const cfg = { ...strictConfig(), exclude: [{ rule: 'privileged-container', kind: 'Pod', name: 'p', reason: 'node agent' }] };
    const out = lintFile({ path: 's.yaml', uri: 's.yaml', text: pod('{ privileged: true }') }, cfg, '2026-11-23').findings
      .filter((f) => f.ruleId === 'privileged-container');
    expect(out.map((f) => f.suppression)).toEqual([{ kind: 'config', justification: 'node agent' }]);
  });
});
