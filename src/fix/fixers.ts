/**
 * The autofix table: which findings okelint can fix, and what each fix sets. Fixes are defined
 * here, outside the rules, keyed by rule id and message id. A fixer does not edit text: it
 * returns intents ("this field of this object should hold this value"), which yaml-plan.ts turns
 * into minimal text edits and merges with the other fixes of the same object.
 *
 * Every fix makes the rule's check pass for the reported container or pod, and nothing else:
 * - allow-privilege-escalation: `securityContext.allowPrivilegeEscalation: false` on the container;
 * - privileged-container: `securityContext.privileged: false` on the container;
 * - readonly-root-filesystem: `securityContext.readOnlyRootFilesystem: true` on the container;
 * - capabilities-restricted (only "does not drop ALL"): `ALL` added to
 *   `securityContext.capabilities.drop`; capabilities the container adds are never removed;
 * - seccomp-profile-restricted: `seccompProfile.type: RuntimeDefault` in the pod securityContext
 *   when no profile is set anywhere, else the offending profile's type → RuntimeDefault;
 * - run-as-non-root: `runAsNonRoot: true` in the pod securityContext when it is set nowhere, else
 *   the offending value (the container's, or the pod's) → true;
 * - service-account-token-automount: `automountServiceAccountToken: false` in the pod spec.
 *
 * These fixes change behaviour on purpose (a container that needs root will not start); review
 * them with --fix-dry-run, and suppress with a reason what has to stay.
 */
import type { Node } from 'yaml';
import type { ContainerView, Workload } from '../k8s/workload.js';
import type { K8sResource } from '../k8s/resource.js';
import { get, getIn, isMap, isScalar } from '../k8s/yaml-access.js';
import type { Intent } from './yaml-plan.js';

/** What a fixer sees: the re-parsed object, its workload view and the reported container. */
export interface FixContext {
  readonly messageId: string;
  readonly resource: K8sResource;
  readonly workload: Workload;
  /** The container the finding points into (set for container-scope message ids). */
  readonly container?: ContainerView;
  /** Field path from the object root to the container map. */
  readonly containerPath?: readonly (string | number)[];
  /** Field path from the object root to the pod spec map. */
  readonly podPath: readonly (string | number)[];
}

export type FixerResult = { readonly intents: readonly Intent[] } | { readonly skip: string };

export interface Fixer {
  /** Message ids this fixer handles, and whether each needs the reported container located. */
  readonly messages: Readonly<Record<string, 'container' | 'pod'>>;
  /** A short imperative title for editors ("Set allowPrivilegeEscalation: false"). */
  readonly title: string;
  readonly fix: (ctx: FixContext) => FixerResult;
}

const SC = 'securityContext';

function inContainer(ctx: FixContext, ...keys: string[]): readonly (string | number)[] {
  if (!ctx.containerPath) throw new Error('no container located');
  return [...ctx.containerPath, SC, ...keys];
}

function inPod(ctx: FixContext, ...keys: string[]): readonly (string | number)[] {
  return [...ctx.podPath, ...keys];
}

function isSet(node: Node | undefined): boolean {
  return node !== undefined && !(isScalar(node) && node.value === null);
}

const set = (path: readonly (string | number)[], value: boolean | string): FixerResult =>
  ({ intents: [{ path, want: { kind: 'scalar', value } }] });

/** `seccompProfile.type: RuntimeDefault` under the securityContext at `scPath`, unless a Localhost profile would be half-changed. */
function seccompRuntimeDefault(sc: unknown, scPath: readonly (string | number)[]): FixerResult {
  const profile = get(sc, 'seccompProfile');
  if (isMap(profile) && get(profile, 'localhostProfile') !== undefined) {
    return { skip: 'the seccompProfile names a localhostProfile: choose between Localhost and RuntimeDefault by hand' };
  }
  if (profile !== undefined && isSet(profile) && !isMap(profile)) return { skip: 'seccompProfile is not a map' };
  return set([...scPath, 'seccompProfile', 'type'], 'RuntimeDefault');
}

export const FIXERS: Readonly<Record<string, Fixer>> = {
  'allow-privilege-escalation': {
    messages: { enabled: 'container', missing: 'container' },
    title: 'Set allowPrivilegeEscalation: false',
    fix: (ctx) => set(inContainer(ctx, 'allowPrivilegeEscalation'), false),
  },
  'privileged-container': {
    messages: { privileged: 'container' },
    title: 'Set privileged: false',
    fix: (ctx) => set(inContainer(ctx, 'privileged'), false),
  },
  'readonly-root-filesystem': {
    messages: { disabled: 'container', missing: 'container' },
    title: 'Set readOnlyRootFilesystem: true',
    fix: (ctx) => set(inContainer(ctx, 'readOnlyRootFilesystem'), true),
  },
  'capabilities-restricted': {
    messages: { noDropAll: 'container' },
    title: 'Drop ALL capabilities',
    fix: (ctx) => ({ intents: [{ path: inContainer(ctx, 'capabilities', 'drop'), want: { kind: 'item', value: 'ALL' } }] }),
  },
  'seccomp-profile-restricted': {
    messages: { missing: 'container', type: 'container', noType: 'container', podType: 'pod', podNoType: 'pod' },
    title: 'Set seccompProfile.type: RuntimeDefault',
    fix: (ctx) => {
      const podSc = ctx.workload.podSecurityContext;
      if (ctx.messageId === 'podType' || ctx.messageId === 'podNoType' || ctx.messageId === 'missing') {
        return seccompRuntimeDefault(podSc, inPod(ctx, SC));
      }
      return seccompRuntimeDefault(ctx.container?.securityContext, inContainer(ctx));
    },
  },
  'run-as-non-root': {
    messages: { disabled: 'container', missing: 'container', podDisabled: 'pod' },
    title: 'Set runAsNonRoot: true',
    fix: (ctx) => {
      if (ctx.messageId === 'podDisabled') return set(inPod(ctx, SC, 'runAsNonRoot'), true);
      // The container's own value wins over the pod's: fix it where it is set.
      const own = getIn(ctx.container?.node, [SC, 'runAsNonRoot']);
      if (ctx.messageId === 'disabled' || isSet(own)) return set(inContainer(ctx, 'runAsNonRoot'), true);
      return set(inPod(ctx, SC, 'runAsNonRoot'), true);
    },
  },
  'service-account-token-automount': {
    messages: { enabled: 'pod', missing: 'pod' },
    title: 'Set automountServiceAccountToken: false',
    fix: (ctx) => set(inPod(ctx, 'automountServiceAccountToken'), false),
  },
};

/** Whether okelint has a fix for findings of this rule and message id. */
export function hasFixer(ruleId: string, messageId: string): boolean {
  const fixer = Object.hasOwn(FIXERS, ruleId) ? FIXERS[ruleId] : undefined;
  return fixer !== undefined && Object.hasOwn(fixer.messages, messageId);
}

/** The ids of the rules that have fixes. */
export const FIXABLE_RULES: readonly string[] = Object.keys(FIXERS);
