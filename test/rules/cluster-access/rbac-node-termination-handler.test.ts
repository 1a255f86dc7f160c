import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding, rbacRole } from '../../helpers/project-tester.js';

const ID = 'rbac-node-termination-handler';

const NTH = rbacRole('ClusterRole', 'nth', undefined, [
  { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'patch'] },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
]);

describe(ID, () => {
  it('reports a service account that may evict pods and update nodes cluster-wide, at the subject', async () => {
    const files = {
      'role.yaml': NTH,
      'bind.yaml': rbacBinding('ClusterRoleBinding', 'nth', undefined, ['ClusterRole', 'nth'], [['ServiceAccount', 'nth', 'kube-system'], ['User', 'oncall']]),
    };
    expect(await positions(ID, files)).toEqual([['bind.yaml', 12, 11, 'clusterWide', 'warning']]);
    expect(await messages(ID, files)).toEqual([
      'ServiceAccount kube-system/nth → ClusterRoleBinding nth → ClusterRole "nth": this service account may evict pods, update nodes cluster-wide, so a compromised pod on one node can evict pods on, or update, every other node.',
    ]);
  });

  it('counts service-account Users and Groups, "*" rules and built-in roles; not RoleBindings or cluster-admin', async () => {
    const files = {
      'role.yaml': NTH,
      'wild.yaml': rbacRole('ClusterRole', 'wild', undefined, [{ apiGroups: ['*'], resources: ['pods'], verbs: ['*'] }]),
      'a.yaml': rbacBinding('ClusterRoleBinding', 'a', undefined, ['ClusterRole', 'wild'], [['User', 'system:serviceaccount:ops:cleaner']]),
      'b.yaml': rbacBinding('ClusterRoleBinding', 'b', undefined, ['ClusterRole', 'edit'], [['Group', 'system:serviceaccounts']]),
      'c.yaml': rbacBinding('RoleBinding', 'c', 'batch', ['ClusterRole', 'nth'], [['ServiceAccount', 'descheduler']]),
      'd.yaml': rbacBinding('ClusterRoleBinding', 'd', undefined, ['ClusterRole', 'cluster-admin'], [['ServiceAccount', 'tiller', 'kube-system']]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 12, 11, 'clusterWide', 'warning'],
      ['b.yaml', 12, 11, 'clusterWide', 'warning'],
    ]);
    expect((await messages(ID, files))[1]).toContain('may evict pods, delete pods cluster-wide');
  });
});
