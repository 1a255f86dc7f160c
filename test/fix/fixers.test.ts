/**
 * Each autofix on real linter findings, with the exact text it produces: the fixed field and
 * nothing else changes (comments, key order, quoting, flow style, line endings), and fixing
 * the result again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { fixText, isHelmOutput } from '../../src/fix/index.js';
import { findingsOf, fix, fixableIds, fixableOf } from './helpers.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web # the web pod
spec:
  # pod-level settings
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: true # needed? no
`;

/** `fix` for one rule, asserting that a second run changes nothing more. */
function fixOnce(text: string, rule: string, path?: string): string {
  const first = fix(text, [rule], path);
  expect(first.notFixed).toEqual([]);
  expect(first.fixed.length).toBeGreaterThan(0);
  const again = fix(first.text, [rule], path);
  expect(again.text).toBe(first.text);
  expect(again.fixed).toEqual([]);
  expect(fixableOf(first.text, [rule], path)).toEqual([]);
  return first.text;
}

describe('each fixer, on block YAML', () => {
  it('allow-privilege-escalation: true becomes false, keeping the comment on the line', () => {
    expect(fixOnce(POD, 'allow-privilege-escalation')).toBe(POD.replace('allowPrivilegeEscalation: true #', 'allowPrivilegeEscalation: false #'));
  });

  it('allow-privilege-escalation: added to the container securityContext when missing', () => {
    const text = POD.replace('        allowPrivilegeEscalation: true # needed? no\n', '        runAsUser: 1000\n');
    expect(fixOnce(text, 'allow-privilege-escalation')).toBe(text + '        allowPrivilegeEscalation: false\n');
  });

  it('privileged-container: privileged true becomes false', () => {
    const text = POD.replace('allowPrivilegeEscalation: true', 'privileged: true');
    expect(fixOnce(text, 'privileged-container')).toBe(text.replace('privileged: true', 'privileged: false'));
  });

  it('readonly-root-filesystem: appended after the last key of the securityContext', () => {
    expect(fixOnce(POD, 'readonly-root-filesystem')).toBe(POD + '        readOnlyRootFilesystem: true\n');
    const off = POD.replace('allowPrivilegeEscalation: true', 'readOnlyRootFilesystem: false');
    expect(fixOnce(off, 'readonly-root-filesystem')).toBe(off.replace('readOnlyRootFilesystem: false', 'readOnlyRootFilesystem: true'));
  });

  it('capabilities-restricted: a missing capabilities map is created with drop ALL', () => {
    expect(fixOnce(POD, 'capabilities-restricted')).toBe(POD + '        capabilities:\n          drop: ["ALL"]\n');
  });

  it('capabilities-restricted: ALL appended to an existing block or flow drop list, adds kept', () => {
    const block = POD + '        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop:\n            - NET_RAW # raw sockets\n';
    expect(fixOnce(block, 'capabilities-restricted')).toBe(block + '            - ALL\n');
    const flow = POD + "        capabilities: { drop: ['NET_RAW'] }\n";
    expect(fixOnce(flow, 'capabilities-restricted')).toBe(flow.replace("['NET_RAW']", "['NET_RAW', 'ALL']"));
  });

  it('run-as-non-root: set in a new pod securityContext when it is set nowhere', () => {
    expect(fixOnce(POD, 'run-as-non-root')).toBe(POD + '  securityContext:\n    runAsNonRoot: true\n');
  });

  it('run-as-non-root: a container false becomes true where it is set', () => {
    const text = POD.replace('allowPrivilegeEscalation: true', 'runAsNonRoot: false');
    expect(fixOnce(text, 'run-as-non-root')).toBe(text.replace('runAsNonRoot: false', 'runAsNonRoot: true'));
  });

  it('seccomp-profile-restricted: RuntimeDefault in the pod securityContext, or the offending type replaced in its quotes', () => {
    expect(fixOnce(POD, 'seccomp-profile-restricted')).toBe(POD + '  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n');
    const quoted = POD.replace('  # pod-level settings\n', "  securityContext:\n    seccompProfile: { type: 'Unconfined' }\n");
    expect(fixOnce(quoted, 'seccomp-profile-restricted')).toBe(quoted.replace("'Unconfined'", "'RuntimeDefault'"));
  });

  it('seccomp-profile-restricted: a Localhost profile with a file is left to a person', () => {
    const text = POD.replace('  # pod-level settings\n', '  securityContext:\n    seccompProfile:\n      type: Unconfined\n      localhostProfile: profiles/web.json\n');
    const res = fix(text, ['seccomp-profile-restricted']);
    expect(res.text).toBe(text);
    expect(res.notFixed.map((n) => n.reason)).toContain('the seccompProfile names a localhostProfile: choose between Localhost and RuntimeDefault by hand');
  });

  it('service-account-token-automount: false appended to the pod spec', () => {
    expect(fixOnce(POD, 'service-account-token-automount')).toBe(POD + '  automountServiceAccountToken: false\n');
  });

  it('every fix of one container merged into one securityContext, in one pass', () => {
    const res = fix(POD);
    expect(res.text).toBe(`apiVersion: v1
kind: Pod
metadata:
  name: web # the web pod
spec:
  # pod-level settings
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false # needed? no
        capabilities:
          drop: ["ALL"]
        readOnlyRootFilesystem: true
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`);
    expect(res.fixed.map((f) => f.ruleId).sort()).toEqual([
      'allow-privilege-escalation', 'capabilities-restricted', 'readonly-root-filesystem', 'run-as-non-root',
      'seccomp-profile-restricted', 'service-account-token-automount',
    ]);
    expect(fixableIds(res.text)).toEqual([]);
    expect(fix(res.text).text).toBe(res.text);
  });
});

describe('layout kept', () => {
  it('flow maps stay flow maps, with the new keys inside the braces', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: flow }
spec:
  automountServiceAccountToken: false
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
    - { name: app, image: "nginx:1.27", securityContext: { privileged: true } }
`;
    const res = fix(text);
    expect(res.notFixed).toEqual([]);
    expect(res.text).toBe(text.replace('securityContext: { privileged: true }',
      'securityContext: { privileged: false, allowPrivilegeEscalation: false, capabilities: {drop: ["ALL"]}, readOnlyRootFilesystem: true }'));
    expect(fix(res.text).text).toBe(res.text);
  });

  it('CRLF files get CRLF lines only', () => {
    const crlf = POD.replace(/\n/g, '\r\n');
    const res = fix(crlf);
    expect(res.text).toBe(fix(POD).text.replace(/\n/g, '\r\n'));
    expect(res.text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('a file without a final newline gets its new lines after the last one', () => {
    const text = POD.slice(0, -1);
    expect(fixOnce(text, 'readonly-root-filesystem')).toBe(`${text}\n        readOnlyRootFilesystem: true`);
  });

  it('a four-space indented file gets four-space nested keys', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
    name: wide
spec:
    containers:
        -   name: app
            image: nginx:1.27
            securityContext:
                runAsUser: 1000
`;
    expect(fixOnce(text, 'capabilities-restricted')).toBe(`${text}                capabilities:\n                    drop: ["ALL"]\n`);
    expect(fixOnce(text, 'seccomp-profile-restricted')).toBe(`${text}    securityContext:\n        seccompProfile:\n            type: RuntimeDefault\n`);
  });

  it('an empty securityContext: gets its keys on the lines below it', () => {
    const text = POD.replace('        allowPrivilegeEscalation: true # needed? no\n', '').replace('securityContext:', 'securityContext: # todo');
    expect(fixOnce(text, 'readonly-root-filesystem')).toBe(`${text}        readOnlyRootFilesystem: true\n`);
  });

  it('JSON manifests get quoted keys in their own indentation', () => {
    const json = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": { "name": "j" },
  "spec": {
    "containers": [
      {
        "name": "app",
        "image": "nginx:1.27",
        "securityContext": {
          "runAsUser": 1000
        }
      }
    ]
  }
}
`;
    const out = fixOnce(json, 'allow-privilege-escalation', 'pod.json');
    expect(out).toBe(json.replace('"runAsUser": 1000\n', '"runAsUser": 1000,\n          "allowPrivilegeEscalation": false\n'));
    expect(JSON.parse(out)).toMatchObject({ spec: { containers: [{ securityContext: { runAsUser: 1000, allowPrivilegeEscalation: false } }] } });
    const all = fix(json, undefined, 'pod.json');
    expect(() => JSON.parse(all.text) as unknown).not.toThrow();
    expect(fixableIds(all.text, 'pod.json')).toEqual([]);
  });
});

describe('several objects, lists and references', () => {
  it('fixes every document of a stream, keeping separators and comments between them', () => {
    const second = POD.replace('name: web # the web pod', 'name: api').replace('allowPrivilegeEscalation: true # needed? no', 'privileged: true');
    const text = `# two pods\n---\n${POD}---\n# the second\n${second}`;
    const res = fix(text, ['allow-privilege-escalation', 'privileged-container']);
    expect(res.text).toBe(`# two pods\n---\n${POD.replace('true #', 'false #')}---\n# the second\n${second.replace('privileged: true', 'privileged: false')}        allowPrivilegeEscalation: false\n`);
    expect(fix(res.text, ['allow-privilege-escalation', 'privileged-container']).fixed).toEqual([]);
  });

  it('fixes the right container of several, and init containers', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: two
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext:
            privileged: true
      containers:
        - name: a
          image: nginx:1.27
        - name: b
          image: nginx:1.27
          securityContext:
            privileged: true
`;
    expect(fixOnce(text, 'privileged-container')).toBe(text.replace(/privileged: true/g, 'privileged: false'));
  });

  it('fixes each item of a List', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: one }
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
  - apiVersion: v1
    kind: Pod
    metadata: { name: two }
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext: { privileged: true }
`;
    expect(fixOnce(text, 'privileged-container')).toBe(text.replace(/privileged: true/g, 'privileged: false'));
  });

  it('refuses cleanly to edit through an anchor or an alias', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  containers:
    - name: a
      image: nginx:1.27
      securityContext: &sc
        privileged: true
    - name: b
      image: nginx:1.27
      securityContext: *sc
`;
    expect(findingsOf(text).filter((f) => f.ruleId === 'allow-privilege-escalation')).toHaveLength(2);
    const res = fix(text, ['allow-privilege-escalation']);
    expect(res.text).toBe(text);
    expect(res.fixed).toEqual([]);
    expect(res.notFixed.map((n) => n.reason)).toEqual([
      'securityContext has an anchor (&sc): editing it would change every alias of it',
      'securityContext is an alias (*sc): fix the anchored value instead',
    ]);
  });

  it('fixes nothing, and says why, when the span no longer points at the reported object', () => {
    const [target] = fixableOf(POD, ['allow-privilege-escalation']);
    expect(target).toBeDefined();
    if (!target) return;
    const res = fixText(POD, [{ ...target, object: { kind: 'Pod', name: 'other' } }]);
    expect(res.text).toBe(POD);
    expect(res.notFixed.map((n) => n.reason)).toEqual(['the object at the finding is not the one reported (was the file changed?)']);
  });
});

describe('helm template output', () => {
  const rendered = `---\n# Source: shop/templates/web.yaml\n${POD}`;

  it('is recognised by its # Source: documents', () => {
    expect(isHelmOutput(rendered)).toBe(true);
    expect(isHelmOutput(POD)).toBe(false);
  });

  it('is not fixed unless the rendered output is asked for (a dry run)', () => {
    const targets = fixableOf(rendered, ['allow-privilege-escalation']);
    expect(targets.map((t) => t.helmTemplate)).toEqual(['shop/templates/web.yaml']);
    const res = fixText(rendered, targets);
    expect(res.text).toBe(rendered);
    expect(res.notFixed.map((n) => n.reason)).toEqual(['rendered by helm from shop/templates/web.yaml (fix the template)']);
    expect(fixText(rendered, targets, { renderedOutput: true }).text).toBe(rendered.replace('true #', 'false #'));
  });
});
