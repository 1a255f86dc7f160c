import { describe, expect, it } from 'vitest';
import { lintProject, messages, positions, yaml } from '../../helpers/project-tester.js';

const ID = 'rbac-cluster-admin-binding';

/** A binding whose subjects start on line 10; each subject's name is on an even line from 11, column 11. */
function binding(kind: string, name: string, role: string, subjects: readonly (readonly [string, string])[]): string {
  return yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ${kind}
    metadata:
      name: ${name}
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: ${role}
    subjects:
  ` + subjects.map(([k, n]) => `  - kind: ${k}\n    name: "${n}"\n`).join('');
}

function roleBinding(name: string, ns: string, role: string, subject: string): string {
  return yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: ${name}
      namespace: ${ns}
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: ${role}
    subjects:
      - kind: User
        name: ${subject}
  `;
}

describe(ID, () => {
  it('a ClusterRoleBinding of a CI group to cluster-admin is an error at the subject, naming the chain', async () => {
    const files = { 'ci.yaml': binding('ClusterRoleBinding', 'ci-admin', 'cluster-admin', [['Group', 'ci-deployers']]) };
    expect(await positions(ID, files)).toEqual([['ci.yaml', 11, 11, 'clusterAdmin', 'error']]);
    expect(await messages(ID, files)).toEqual([
      'Group ci-deployers → ClusterRoleBinding ci-admin → built-in ClusterRole "cluster-admin": cluster-admin everywhere, every secret, node and workload of the cluster, and the power to grant anything.',
    ]);
  });

  it('reports every subject but control-plane identities and the all-users groups', async () => {
    const subjects = [
      ['ServiceAccount', 'tiller'], // 11
      ['Group', 'system:masters'], // 13
      ['User', 'system:kube-scheduler'], // 15
      ['User', 'system:serviceaccount:ci:deployer'], // 17
      ['Group', 'system:nodes'], // 19
      ['Group', 'system:authenticated'], // 21: rbac-anonymous-binding's
      ['Group', 'system:serviceaccounts'], // 23
    ] as const;
    expect(await positions(ID, { 'a.yaml': binding('ClusterRoleBinding', 'wide', 'cluster-admin', subjects) })).toEqual([
      ['a.yaml', 11, 11, 'clusterAdmin', 'error'],
      ['a.yaml', 17, 11, 'clusterAdmin', 'error'],
      ['a.yaml', 19, 11, 'clusterAdmin', 'error'],
      ['a.yaml', 23, 11, 'clusterAdmin', 'error'],
    ]);
  });

  it('a RoleBinding to cluster-admin is namespace-wide admin, still an error', async () => {
    const files = { 'b.yaml': roleBinding('local', 'shop', 'cluster-admin', 'alice') };
    expect(await positions(ID, files)).toEqual([['b.yaml', 12, 11, 'namespaceAdmin', 'error']]);
    expect(await messages(ID, files)).toEqual([
      'User alice → RoleBinding shop/local → built-in ClusterRole "cluster-admin": cluster-admin within namespace "shop", full control of it including its Roles, bindings and Secrets.',
    ]);
  });

  it('admin and edit only at cluster scope; view never', async () => {
    const alice = [['User', 'alice']] as const;
    expect(await positions(ID, {
      'a.yaml': binding('ClusterRoleBinding', 'a', 'admin', alice),
      'b.yaml': binding('ClusterRoleBinding', 'b', 'edit', alice),
      'c.yaml': binding('ClusterRoleBinding', 'c', 'view', alice),
      'd.yaml': roleBinding('d', 'shop', 'admin', 'alice'),
      'e.yaml': roleBinding('e', 'shop', 'edit', 'alice'),
    })).toEqual([
      ['a.yaml', 11, 11, 'broadBuiltin', 'error'],
      ['b.yaml', 11, 11, 'broadBuiltin', 'error'],
    ]);
    expect(await messages(ID, { 'a.yaml': binding('ClusterRoleBinding', 'a', 'admin', alice) })).toEqual([
      'User alice → ClusterRoleBinding a → built-in ClusterRole "admin": a ClusterRoleBinding grants "admin" in every namespace, kube-system included, with its Secrets, pod creation and exec.',
    ]);
  });

  it('goes by the role name even when the set redefines cluster-admin; a Role named cluster-admin is not it', async () => {
    const role = yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: { name: cluster-admin }
      rules: [{ apiGroups: [""], resources: [configmaps], verbs: [get] }]
    `;
    const toRole = yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: { name: r, namespace: shop }
      roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin }
      subjects: [{ kind: User, name: bob }]
    `;
    const files = { 'a.yaml': role, 'b.yaml': binding('ClusterRoleBinding', 'x', 'cluster-admin', [['User', 'alice']]), 'c.yaml': toRole };
    expect(await positions(ID, files)).toEqual([['b.yaml', 11, 11, 'clusterAdmin', 'error']]);
    expect((await messages(ID, files))[0]).toMatch(/^User alice → ClusterRoleBinding x → ClusterRole "cluster-admin": /);
  });

  it('a suppression comment in the binding\'s file applies to the subject', async () => {
    const text = binding('ClusterRoleBinding', 'ci-admin', 'cluster-admin', []) +
      '  - kind: Group\n    # okelint-disable-next-line rbac-cluster-admin-binding -- break-glass group, reviewed\n    name: breakglass\n';
    const found = (await lintProject({ 'a.yaml': text })).filter((f) => f.ruleId === ID);
    expect(found.map((f) => [f.start.line, f.suppression?.kind])).toEqual([[12, 'comment']]);
  });
});
