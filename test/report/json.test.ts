import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { formatJson, toJsonReport, type JsonReport } from '../../src/report/json.js';
import { sampleInput } from './sample.js';

const parse = (text: string): JsonReport => JSON.parse(text) as JsonReport;

describe('json report', () => {
  it('is pretty-printed with two spaces and ends with a newline', () => {
    const text = formatReport('json', sampleInput());
    expect(text.startsWith('{\n  "version": 1,\n  "tool": {\n    "name": "okelint",\n    "version": "0.1.0"\n  },')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parse(text)).toEqual(toJsonReport(sampleInput()));
  });

  it('describes each finding with positions, object, Helm template and fingerprint', () => {
    const report = parse(formatJson(sampleInput()));
    expect(report.findings.map((f) => f.ruleId)).toEqual(['parse-error', 'privileged-container', 'image-latest-tag', 'rbac-wildcard', 'iam-unresolved']);
    expect(report.findings[1]).toEqual({
      ruleId: 'privileged-container', messageId: 'privileged', level: 'error', layer: 'workload',
      message: 'Container "web" runs privileged.', file: 'deploy/web.yaml', uri: 'deploy/web.yaml',
      line: 12, column: 21, endLine: 12, endColumn: 25,
      path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' },
      fingerprint: 'fp-privileged-container-12-21',
    });
    expect(report.findings[3]).toMatchObject({ line: 30, column: 5, endLine: 32, endColumn: 3, helmTemplate: 'app/templates/role.yaml' });
    // an empty span is widened to one character, as in every format
    expect(report.findings[0]).toMatchObject({ line: 1, column: 6, endLine: 1, endColumn: 7 });
    expect(report.findings[0]).not.toHaveProperty('object');
    expect(report.findings[0]).not.toHaveProperty('helmTemplate');
    expect(report.findings.some((f) => 'suppressed' in f)).toBe(false);
  });

  it('summarises counts per level and for every layer, plus suppressed and notices', () => {
    expect(toJsonReport(sampleInput()).summary).toEqual({
      problems: 5, filesWithProblems: 4, filesLinted: 4, filesSkipped: 1, objects: 6, documentsSkipped: 2,
      byLevel: { error: 3, warning: 1, note: 1 },
      byLayer: {
        'cloud-control': { error: 0, warning: 0, note: 1 },
        'cluster-access': { error: 1, warning: 0, note: 0 },
        workload: { error: 1, warning: 0, note: 0 },
        'supply-chain': { error: 0, warning: 1, note: 0 },
        node: { error: 0, warning: 0, note: 0 },
        general: { error: 1, warning: 0, note: 0 },
      },
      weakestLayers: ['workload'],
      suppressed: 2,
      notices: [{ file: 'assets/logo.yaml', message: 'binary file: skipped' }],
    });
  });

  it('lists suppressed findings only on request, with kind and justification', () => {
    const report = toJsonReport(sampleInput({ includeSuppressed: true }));
    expect(report.findings).toHaveLength(7);
    expect(report.findings.filter((f) => f.suppressed).map((f) => f.suppressed)).toEqual([
      { kind: 'comment', justification: 'the CNI needs it' },
      { kind: 'config', justification: 'reviewed' },
    ]);
    expect(report.summary.problems).toBe(5);
  });
});
