/**
 * No false positives on valid manifests: every upstream Pod Security admission fixture
 * (../shared/corpora/psa, valid v1 Pods by construction; "fail" means a policy violation, not an
 * invalid object) and every demo manifest is linted with manifest-schema alone, and must give no
 * finding. Also checks that the vendored schemas agree with the generator and the validator.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/workload/manifest-schema.js';
import type { AnyRule } from '../../../src/engine/rule-api.js';
import { lintWith } from '../../helpers/rule-tester.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PSA = new URL('../../../../shared/corpora/psa/', import.meta.url).pathname;
const PEERS = new URL('../../../../shared/corpora/peers/', import.meta.url).pathname;

/**
 * Peer test fixtures that are not valid Kubernetes objects, read by hand: each line is a real
 * mistake the cluster would reject or silently drop (so the peers' own expectation for that
 * fixture tests a setting that never takes effect). Key: file:line:column → the field at fault.
 */
const PEER_INVALID: Readonly<Record<string, string>> = {
  'kube-linter/non-isolated-pod/non-isolated-pod.yml:26:5': 'selector label outside matchLabels',
  'kube-linter/non-isolated-pod/non-isolated-pod.yml:58:5': 'selector label outside matchLabels',
  'kube-linter/run-as-non-root/00-Deployment-dont-fire.yaml:13:11': 'runAsUser directly on the container',
  'kube-linter/run-as-non-root/02-Deployment-app1.yaml:13:11': 'runAsUser directly on the container',
  'kube-linter/unset-cpu-requirements/00-Deployment-app1.yaml:11:9': 'requests directly on the container',
  'kube-linter/unset-memory-requirements/00-Deployment-app1.yaml:11:9': '"limit" directly on the container',
  'kubescape-regolibrary/set-seccomp-profile/workloads.yaml:33:13': 'seccomp "type" directly in securityContext',
  'polaris/insecureCapabilities/failure.pod.yaml:9:5': 'capabilities in the pod securityContext',
  'polaris/notReadOnlyRootFilesystem/failure.pod.yaml:9:7': 'readOnlyRootFilesystem in the pod securityContext',
  'polaris/notReadOnlyRootFilesystem/failure.two_cont_one_unspecified.yaml:9:7': 'readOnlyRootFilesystem in the pod securityContext',
  'polaris/notReadOnlyRootFilesystem/success.pod.yaml:9:7': 'readOnlyRootFilesystem in the pod securityContext',
  'polaris/privilegeEscalationAllowed/failure.pod.yaml:9:5': 'allowPrivilegeEscalation in the pod securityContext',
  'polaris/privilegeEscalationAllowed/failure.pod_unspecified.yaml:9:5': 'allowPrivilegeEscalation in the pod securityContext',
  'polaris/privilegeEscalationAllowed/success.pod.yaml:9:5': 'allowPrivilegeEscalation in the pod securityContext',
  'polaris/procMount/failure.yaml:15:18': 'procMount "Other" is not a valid value',
  'polaris/runAsPrivileged/failure.pod.yaml:9:5': 'privileged in the pod securityContext',
  'polaris/runAsPrivileged/failure.two_cont.yaml:9:5': 'privileged in the pod securityContext',
  'polaris/runAsPrivileged/failure.two_cont_one_unspecified.yaml:9:5': 'privileged in the pod securityContext',
  'polaris/runAsPrivileged/success.pod.yaml:9:5': 'privileged in the pod securityContext',
  'polaris/runAsPrivileged/success.pod_no_cont.yaml:9:5': 'privileged in the pod securityContext',
};

/**
 * PSA fixtures upstream marks as invalid objects (none so far): path → reason. A listed file must
 * give a finding, so the list cannot go stale silently.
 */
const API_INVALID: ReadonlyMap<string, string> = new Map();

function findingsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return lintWith(rule as unknown as AnyRule, text).map((f) => `${path}:${f.start.line}:${f.start.column} ${f.message}`);
}

describe('manifest-schema on valid manifests', () => {
  it('finds nothing in the Pod Security admission fixtures', () => {
    const files = globSync('**/*.yaml', { cwd: PSA }).sort();
    expect(files.length).toBeGreaterThan(4000);
    const found = files.filter((f) => !API_INVALID.has(f)).flatMap((f) => findingsOf(PSA + f));
    expect(found).toEqual([]);
    for (const f of API_INVALID.keys()) expect(findingsOf(PSA + f), f).not.toEqual([]);
  });

  it('finds nothing in the demo estate', () => {
    const files = globSync('fixtures/demo/**/*.{yaml,yml,json}', { cwd: ROOT }).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => findingsOf(ROOT + f))).toEqual([]);
  });

  it('flags exactly the hand-checked mistakes in the peer linters\' fixtures', () => {
    const files = globSync('**/*.{yaml,yml}', { cwd: PEERS }).sort();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => findingsOf(PEERS + f).map((line) => line.slice(PEERS.length).replace(/ .*/s, '')));
    expect(found).toEqual(Object.keys(PEER_INVALID).sort());
  });
});
