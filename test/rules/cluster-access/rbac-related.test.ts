/**
 * RBAC findings carry their chain as related locations (subject, binding roleRef, role), in
 * whatever files those objects are, so editors and SARIF viewers can jump along the chain.
 */
import { describe, expect, it } from 'vitest';
import { projectLint } from '../../helpers/project-lint.js';

const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list"]
`;
const BINDING = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-reads
subjects:
  - kind: Group
    name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: reader
`;
const ADMIN = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-admin
subjects:
  - kind: Group
    name: deployers
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`;

const places = (f: { related?: readonly { file: string; start: { line: number; column: number }; message: string }[] }): string[] =>
  (f.related ?? []).map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`);

describe('RBAC related locations', () => {
  it('points a role-content finding at the subject, the binding and nowhere twice', async () => {
    const [f, ...rest] = await projectLint({ 'role.yaml': ROLE, 'binding.yaml': BINDING }, { rules: ['rbac-secrets-read'] });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'rbac-secrets-read', file: 'role.yaml', start: { line: 7, column: 17 } });
    expect(places(f ?? {})).toEqual([
      'binding.yaml:7:11 subject: Group ci',
      'binding.yaml:11:9 ClusterRoleBinding ci-reads grants ClusterRole "reader"',
      'role.yaml:2:7 ClusterRole "reader"',
    ]);
  });

  it('leaves out the primary location and roles outside the set (built-in cluster-admin)', async () => {
    const [f] = await projectLint({ 'admin.yaml': ADMIN }, { rules: ['rbac-cluster-admin-binding'] });
    expect(f).toMatchObject({ ruleId: 'rbac-cluster-admin-binding', start: { line: 7, column: 11 } });
    expect(places(f ?? {})).toEqual(['admin.yaml:11:9 ClusterRoleBinding ci-admin grants built-in ClusterRole "cluster-admin"']);
  });
});
