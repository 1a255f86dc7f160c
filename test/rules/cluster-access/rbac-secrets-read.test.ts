import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding, rbacRole } from '../../helpers/project-tester.js';

const ID = 'rbac-secrets-read';
const READ_SECRETS = { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['get', 'list'] };

describe(ID, () => {
  it('is an error cluster-wide, at the resource that grants it', async () => {
    const files = {
      'role.yaml': rbacRole('ClusterRole', 'reader', undefined, [READ_SECRETS]),
      'bind.yaml': rbacBinding('ClusterRoleBinding', 'backup', undefined, ['ClusterRole', 'reader'], [['ServiceAccount', 'backup', 'velero']]),
    };
    expect(await positions(ID, files)).toEqual([['role.yaml', 8, 31, 'clusterWide', 'error']]);
    expect(await messages(ID, files)).toEqual([
      'ClusterRole "reader" can get, list Secrets cluster-wide: every credential, token and key in every namespace, kube-system included; granted to ServiceAccount velero/backup → ClusterRoleBinding backup → ClusterRole "reader".',
    ]);
  });

  it('is a warning in a namespace: a Role, or a ClusterRole bound only by RoleBindings', async () => {
    const files = {
      'a.yaml': rbacRole('Role', 'reader', 'shop', [{ apiGroups: ['*'], resources: ['*'], verbs: ['watch'] }]),
      'b.yaml': rbacRole('ClusterRole', 'shared-reader', undefined, [READ_SECRETS]),
      'c.yaml': rbacBinding('RoleBinding', 'x', 'shop', ['ClusterRole', 'shared-reader'], [['User', 'alice']]),
      'd.yaml': rbacBinding('RoleBinding', 'y', 'web', ['ClusterRole', 'shared-reader'], [['User', 'bob']]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 8, 17, 'namespaced', 'warning'],
      ['b.yaml', 8, 31, 'namespaced', 'warning'],
    ]);
    expect((await messages(ID, files))[1]).toBe(
      'ClusterRole "shared-reader" can get, list Secrets in namespaces "shop", "web": every credential and service-account token stored there; granted to User alice → RoleBinding shop/x → ClusterRole "shared-reader"; User bob → RoleBinding web/y → ClusterRole "shared-reader".',
    );
  });

  it('leaves named secrets, other groups and write-only access alone', async () => {
    expect(await positions(ID, {
      'a.yaml': rbacRole('Role', 'r', 'shop', [
        { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['registry'] },
        { apiGroups: ['external-secrets.io'], resources: ['secrets'], verbs: ['get'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['create', 'update', 'delete'] },
      ]),
    })).toEqual([]);
  });

  it('built-in roles: edit and admin read secrets (at the roleRef), view does not', async () => {
    const files = {
      'a.yaml': rbacBinding('RoleBinding', 'devs', 'shop', ['ClusterRole', 'edit'], [['Group', 'developers']]),
      'b.yaml': rbacBinding('ClusterRoleBinding', 'ops', undefined, ['ClusterRole', 'admin'], [['Group', 'ops']]),
      'c.yaml': rbacBinding('ClusterRoleBinding', 'auditors', undefined, ['ClusterRole', 'view'], [['Group', 'auditors']]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 9, 9, 'namespaced', 'warning'],
      ['b.yaml', 9, 9, 'clusterWide', 'error'],
    ]);
  });

  it('expands aggregated ClusterRoles of the set and of the built-in view/edit/admin', async () => {
    const files = {
      'agg.yaml': [
        'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: monitoring',
        'aggregationRule:', '  clusterRoleSelectors:', '    - matchLabels: { example.com/aggregate-to-monitoring: "true" }', 'rules: []', '',
      ].join('\n'),
      'part.yaml': rbacRole('ClusterRole', 'monitoring-secrets', undefined, [READ_SECRETS], { 'example.com/aggregate-to-monitoring': 'true' }),
      'view-part.yaml': rbacRole('ClusterRole', 'view-secrets', undefined, [READ_SECRETS], { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }),
      'bind.yaml': rbacBinding('RoleBinding', 'prom', 'monitoring', ['ClusterRole', 'monitoring'], [['ServiceAccount', 'prometheus']]),
      'view.yaml': rbacBinding('RoleBinding', 'viewers', 'shop', ['ClusterRole', 'admin'], [['Group', 'shop-admins']]),
    };
    const msgs = await messages(ID, files);
    expect(msgs.find((m) => m.startsWith('ClusterRole "monitoring-secrets"'))).toBe(
      'ClusterRole "monitoring-secrets" can get, list Secrets in namespace "monitoring": every credential and service-account token stored there; granted to ServiceAccount monitoring/prometheus → RoleBinding monitoring/prom → ClusterRole "monitoring" (which aggregates ClusterRole "monitoring-secrets").',
    );
    expect(msgs.find((m) => m.startsWith('ClusterRole "view-secrets"'))).toContain('granted to Group shop-admins → RoleBinding shop/viewers → built-in ClusterRole "admin" (which aggregates ClusterRole "view-secrets")');
  });
});
