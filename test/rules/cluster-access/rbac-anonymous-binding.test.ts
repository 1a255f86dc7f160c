import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding } from '../../helpers/project-tester.js';

const ID = 'rbac-anonymous-binding';

describe(ID, () => {
  it('reports anonymous and unauthenticated subjects bound to anything but public-info-viewer', async () => {
    const files = {
      'a.yaml': rbacBinding('ClusterRoleBinding', 'anon', undefined, ['ClusterRole', 'view'], [['User', 'system:anonymous'], ['Group', 'system:unauthenticated'], ['Group', 'ops']]),
      'b.yaml': rbacBinding('ClusterRoleBinding', 'public', undefined, ['ClusterRole', 'system:public-info-viewer'], [['Group', 'system:unauthenticated']]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 12, 11, 'anonymous', 'error'],
      ['a.yaml', 14, 11, 'anonymous', 'error'],
    ]);
    expect((await messages(ID, files))[0]).toBe(
      'User system:anonymous → ClusterRoleBinding anon → built-in ClusterRole "view": anyone who can reach the API endpoint gets this role without any credential.',
    );
  });

  it('reports system:authenticated beyond the discovery roles, even to a role it cannot resolve', async () => {
    const files = {
      'a.yaml': rbacBinding('RoleBinding', 'everyone', 'shop', ['Role', 'deployer'], [['Group', 'system:authenticated']]),
      'b.yaml': rbacBinding('ClusterRoleBinding', 'discovery', undefined, ['ClusterRole', 'system:discovery'], [['Group', 'system:authenticated']]),
      'c.yaml': rbacBinding('ClusterRoleBinding', 'basic', undefined, ['ClusterRole', 'system:basic-user'], [['Group', 'system:authenticated']]),
    };
    expect(await positions(ID, files)).toEqual([['a.yaml', 12, 11, 'authenticated', 'error']]);
    expect(await messages(ID, files)).toEqual([
      'Group system:authenticated → RoleBinding shop/everyone → Role deployer: every authenticated identity gets this role, including every service account of every pod and every OCI user allowed to use the cluster; Kubernetes grants them only discovery by default.',
    ]);
  });

  it('leaves ordinary users and service accounts named like the groups alone', async () => {
    expect(await positions(ID, {
      'a.yaml': rbacBinding('ClusterRoleBinding', 'x', undefined, ['ClusterRole', 'view'], [['ServiceAccount', 'system:anonymous', 'default'], ['Group', 'system:authenticated-admins']]),
    })).toEqual([]);
  });
});
