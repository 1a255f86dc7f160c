/**
 * @fileoverview Container images pinned by a tag only: a tag is a movable pointer, a digest is
 * the content itself. Images without a tag (or with `latest`) and invalid references are left to
 * `image-latest-tag`, so no image is reported twice.
 */
import { containerImages, defineRule } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'image-no-digest',
    layer: 'supply-chain',
    level: 'warning',
    securitySeverity: 4.0,
    description: 'A container image is referenced by a tag without an @sha256: digest, so the registry decides what runs.',
    remediation: 'Append the image digest to the reference (name:tag@sha256:<digest>) and let your release tooling update it.',
    tags: ['mutable-image'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      noDigest: 'Image "{{image}}" of container "{{name}}" is pinned only by its tag "{{tag}}", which anyone who can push to the repository can move; add its @sha256: digest.',
    },
  },
  *check(ctx) {
    for (const { container, node, value, parsed } of containerImages(ctx.workload())) {
      if (!parsed.ok || parsed.ref.digest !== undefined) continue;
      const tag = parsed.ref.tag;
      if (tag === undefined || tag === 'latest') continue;
      yield { messageId: 'noDigest', data: { image: value, name: container.name, tag }, at: node };
    }
  },
});
