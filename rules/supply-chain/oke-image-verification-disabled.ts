/**
 * @fileoverview Image signature verification is off for an OKE cluster: no
 * `imagePolicyConfig`, `isPolicyEnabled` false or unset (the default), or a policy with no
 * Vault key to verify signatures with.
 */
import { booleanState, defineOkeRule, presence, type ObjectReading, type OkeContext, type Report, type UnresolvedReading } from '../../src/rule-api.js';

const CONFIG = 'imagePolicyConfig';
const ENABLED = 'imagePolicyConfig.isPolicyEnabled';
const KEYS = 'imagePolicyConfig.keyDetails';

export default defineOkeRule({
  meta: {
    id: 'oke-image-verification-disabled',
    layer: 'supply-chain',
    level: 'warning',
    securitySeverity: 6.1,
    description: 'An OKE cluster does not verify image signatures: it has no image policy, the policy is disabled, or it names no Vault key to verify with.',
    remediation: 'Set imagePolicyConfig with isPolicyEnabled true and at least one keyDetails entry naming the OCI Vault key your images are signed with, and sign images in the pipeline.',
    tags: ['oke', 'images', 'signing'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      noPolicy: '{{resource}} has no {{field}}{{why}}: image signature verification is off (the default), so the cluster runs images whatever their signature; enable an image policy with a Vault key.',
      disabled: '{{resource}} does not verify image signatures ({{field}} is {{value}}{{origin}}): tampered or unknown images can run; enable the image policy with a Vault key.',
      notEnabled: '{{resource}} does not set {{field}}, which defaults to false: image signature verification is off; set it to true with a Vault key.',
      noKeys: '{{resource}} enables image verification but names no key in {{field}}: no signature can be verified; add the Vault key your images are signed with.',
      unresolved: '{{resource}}: the image verification policy could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx) {
    if (ctx.resource.kind !== 'cluster') return;
    const report = judge(ctx);
    if (report) yield report;
  },
});

function judge(ctx: OkeContext<undefined>): Report | undefined {
  const resource = ctx.label;
  const unresolved = (r: UnresolvedReading, path: string): Report => ({ messageId: 'unresolved', data: { resource, field: ctx.spell(path), reason: r.reason }, at: r.at, level: 'note' });
  const config = ctx.read(CONFIG);
  if (config.state === 'unresolved') return unresolved(config, CONFIG);
  if (config.state !== 'object') {
    return { messageId: 'noPolicy', data: { resource, field: ctx.spell(CONFIG), why: config.state === 'missing' && config.why ? ` (${config.why})` : '' }, at: config.at };
  }
  const enabled = ctx.read(ENABLED);
  if (enabled.state === 'unresolved') return unresolved(enabled, ENABLED);
  const state = booleanState(enabled);
  if (state === 'false' && enabled.state === 'value') {
    return { messageId: 'disabled', data: { resource, field: enabled.name, value: JSON.stringify(enabled.value), origin: enabled.origin }, at: enabled.at };
  }
  if (state === 'unset') return { messageId: 'notEnabled', data: { resource, field: ctx.spell(ENABLED) }, at: enabled.at };
  const keys = ctx.readAll(KEYS);
  const objects = keys.filter((k): k is ObjectReading => k.state === 'object');
  const keyIds = objects.flatMap((o) => ctx.readWithin(o, 'kmsKeyId'));
  if (keyIds.some((k) => presence(k) === 'set')) return undefined;
  const obstacle = [...keys, ...keyIds].find((k): k is UnresolvedReading => k.state === 'unresolved');
  if (obstacle) return unresolved(obstacle, KEYS);
  return { messageId: 'noKeys', data: { resource, field: ctx.spell(KEYS) }, at: enabled.at };
}
