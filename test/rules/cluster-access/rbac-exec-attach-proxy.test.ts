import { describe, expect, it } from 'vitest';
import { messages, positions, rbacBinding, rbacRole } from '../../helpers/project-tester.js';

const ID = 'rbac-exec-attach-proxy';

describe(ID, () => {
  it('reports exec, attach, port-forward and proxy subresources at the resource', async () => {
    const files = {
      'a.yaml': rbacRole('ClusterRole', 'debug', undefined, [
        { apiGroups: [''], resources: ['pods', 'pods/exec', 'pods/attach'], verbs: ['create'] },
        { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] },
        { apiGroups: [''], resources: ['*/portforward', 'services/proxy'], verbs: ['get'] },
      ]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 8, 25, 'clusterWide', 'error'],
      ['a.yaml', 11, 17, 'clusterWide', 'error'],
      ['a.yaml', 14, 17, 'clusterWide', 'error'],
    ]);
    expect((await messages(ID, files))[2]).toBe(
      'ClusterRole "debug" grants pods/portforward, services/proxy cluster-wide: a shell in, or a tunnel to, any pod or kubelet, with every secret and token they hold; no binding in the linted files grants it yet.',
    );
  });

  it('needs a verb that opens the stream: list on pods/exec is harmless', async () => {
    expect(await positions(ID, {
      'a.yaml': rbacRole('Role', 'r', 'shop', [
        { apiGroups: [''], resources: ['pods/exec', 'pods/log'], verbs: ['list', 'watch'] },
        { apiGroups: ['apps'], resources: ['pods/exec'], verbs: ['create'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
      ]),
    })).toEqual([]);
  });

  it('is a warning in a namespace, and reports the built-in edit role at the binding', async () => {
    const files = {
      'a.yaml': rbacRole('Role', 'r', 'shop', [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }]),
      'b.yaml': rbacBinding('RoleBinding', 'devs', 'shop', ['ClusterRole', 'edit'], [['Group', 'developers']]),
      'c.yaml': rbacBinding('RoleBinding', 'viewers', 'shop', ['ClusterRole', 'view'], [['Group', 'viewers']]),
    };
    expect(await positions(ID, files)).toEqual([
      ['a.yaml', 8, 17, 'namespaced', 'warning'],
      ['b.yaml', 9, 9, 'namespaced', 'warning'],
    ]);
  });
});
