/**
 * @fileoverview Container images pulled from outside the registries (or repository prefixes)
 * the estate trusts. Off until the `registries` option lists at least one. Invalid references are
 * left to `image-latest-tag`.
 */
import { containerImages, defineRule, isFromRegistry } from '../../src/rule-api.js';

interface Options {
  readonly registries: readonly string[];
}

export default defineRule<Options>({
  meta: {
    id: 'image-untrusted-registry',
    layer: 'supply-chain',
    level: 'error',
    securitySeverity: 7.0,
    description: 'A container image comes from a registry or repository outside the configured list of trusted ones.',
    remediation: 'Mirror the image into a trusted registry such as your tenancy\'s OCIR repositories and reference it from there, or add its registry to the registries option after review.',
    tags: ['trusted-registry'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      untrusted: 'Image "{{image}}" of container "{{name}}" comes from registry {{registry}} (as {{resolved}}), which is not under a trusted registry or prefix.',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        registries: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: [],
          description: 'Allowed registries or repository prefixes, e.g. iad.ocir.io/acme; the rule is off while this is empty.',
        },
      },
    },
    defaultOptions: { registries: [] },
  },
  *check(ctx) {
    const registries = ctx.options.registries;
    if (registries.length === 0) return;
    for (const { container, node, value, parsed } of containerImages(ctx.workload())) {
      if (!parsed.ok || isFromRegistry(parsed.ref, registries)) continue;
      const { normalizedRegistry: registry, normalizedRepository } = parsed.ref;
      const data = { image: value, name: container.name, registry, resolved: `${registry}/${normalizedRepository}` };
      yield { messageId: 'untrusted', data, at: node };
    }
  },
});
