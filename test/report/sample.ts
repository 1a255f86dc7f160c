/**
 * A realistic report input shared by the reporter tests: several files, layers and levels, a
 * Helm template, cluster-scoped and namespaced objects, a tab in a line, an empty span, a
 * multi-line span and two suppressed findings (comment and config).
 */
import type { Finding } from '../../src/engine/types.js';
import type { ReportInput } from '../../src/report/input.js';
import { makeFinding, makeInput, makeRule, makeSummary } from '../helpers/findings.js';

export const RULES = [
  makeRule({ id: 'parse-error', layer: 'general', level: 'error', securitySeverity: 3, tags: [], appliesTo: ['engine'] }),
  makeRule({ id: 'privileged-container', layer: 'workload', level: 'error', securitySeverity: 8.9, tags: ['pss:baseline'] }),
  makeRule({ id: 'image-latest-tag', layer: 'supply-chain', level: 'warning', securitySeverity: 5, tags: ['images'] }),
  makeRule({ id: 'rbac-wildcard', layer: 'cluster-access', level: 'error', securitySeverity: 7.5, tags: ['rbac'] }),
  makeRule({ id: 'iam-unresolved', layer: 'cloud-control', level: 'note', securitySeverity: 2, tags: ['oci-iam'] }),
];

const web = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' };
const POLICY_LINE = '\tAllow group ${ADMINS} to manage all-resources in tenancy';

export const FINDINGS: readonly Finding[] = [
  makeFinding({ line: 1, column: 6, endColumn: 6 }, {
    ruleId: 'parse-error', messageId: 'syntax', layer: 'general', file: 'broken.yaml', uri: 'broken.yaml',
    message: 'Flow sequence is not closed.', lineText: 'key: [unclosed',
  }),
  makeFinding({ line: 12, column: 21, endColumn: 25 }, {
    ruleId: 'privileged-container', messageId: 'privileged', message: 'Container "web" runs privileged.',
    lineText: '        privileged: true', object: web, path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'],
  }),
  makeFinding({ line: 14, column: 16, endColumn: 21 }, {
    ruleId: 'image-latest-tag', messageId: 'noTag', level: 'warning', layer: 'supply-chain',
    message: 'Image "nginx" has no tag.', lineText: '        image: nginx', object: web,
  }),
  makeFinding({ line: 20, column: 21, endColumn: 25 }, {
    ruleId: 'privileged-container', messageId: 'privileged', message: 'Container "cni" runs privileged.',
    lineText: '        privileged: true', object: web, suppression: { kind: 'comment', justification: 'the CNI needs it' },
  }),
  makeFinding({ line: 30, column: 5, endLine: 32, endColumn: 3 }, {
    ruleId: 'rbac-wildcard', messageId: 'wildcard', layer: 'cluster-access', file: 'helm/rendered.yaml',
    uri: 'helm/rendered.yaml', message: 'Role grants "*" on resources.', lineText: '  - apiGroups: ["*"]',
    object: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'app-admin' },
    helmTemplate: 'app/templates/role.yaml',
    related: [{ file: 'helm/rendered.yaml', uri: 'helm/rendered.yaml', start: { line: 40, column: 5 }, end: { line: 40, column: 9 }, message: 'Rendered by helm template' }],
  }),
  makeFinding({ line: 3, column: 14, endColumn: 23 }, {
    ruleId: 'iam-unresolved', messageId: 'unresolved', level: 'note', layer: 'cloud-control', file: 'policies/oke.policy',
    uri: 'policies/oke.policy', message: 'Group name hidden behind ${ADMINS}: not checked.', lineText: POLICY_LINE,
  }),
  makeFinding({ line: 7, column: 1, endColumn: 10 }, {
    ruleId: 'iam-unresolved', messageId: 'unresolved', level: 'note', layer: 'cloud-control', file: 'policies/oke.policy',
    uri: 'policies/oke.policy', message: 'Location hidden.', lineText: 'Allow ...', suppression: { kind: 'config', justification: 'reviewed' },
  }),
];

/** The shared input; override any field. */
export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return makeInput({
    findings: FINDINGS,
    rules: RULES,
    summary: makeSummary({
      filesLinted: 4, filesSkipped: 1, objects: 6, documentsSkipped: 2,
      notices: [{ file: 'assets/logo.yaml', message: 'binary file: skipped' }],
    }),
    ...overrides,
  });
}
