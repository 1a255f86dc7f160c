/**
 * @fileoverview Container images with no tag, or the `latest` tag, and no digest: what runs
 * changes whenever someone pushes. Image values that are not valid references are reported here
 * too, since no other supply-chain check can judge them.
 */
import { containerImages, defineRule } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'image-latest-tag',
    layer: 'supply-chain',
    level: 'warning',
    securitySeverity: 5.5,
    description: 'A container image has no tag or the mutable latest tag and no digest, or is not a valid image reference.',
    remediation: 'Reference every image by an explicit version tag and its digest, e.g. iad.ocir.io/acme/api:1.4.2@sha256:<digest>.',
    tags: ['mutable-image'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      noTag: 'Image "{{image}}" of container "{{name}}" has no tag, so it means :latest and changes under you.',
      latest: 'Image "{{image}}" of container "{{name}}" uses the :latest tag without a digest, so it changes under you.',
      invalid: 'Image "{{image}}" of container "{{name}}" is not a valid image reference: {{reason}}.',
    },
  },
  *check(ctx) {
    for (const { container, node, value, parsed } of containerImages(ctx.workload())) {
      const data = { image: value, name: container.name };
      if (!parsed.ok) {
        yield { messageId: 'invalid', data: { ...data, reason: parsed.reason }, at: node };
      } else if (parsed.ref.digest === undefined) {
        if (parsed.ref.tag === undefined) yield { messageId: 'noTag', data, at: node };
        else if (parsed.ref.tag === 'latest') yield { messageId: 'latest', data, at: node };
      }
    }
  },
});
