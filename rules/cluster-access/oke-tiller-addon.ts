/**
 * @fileoverview The OKE Tiller add-on (Helm 2's in-cluster server) is turned on
 * (`options.addOns.isTillerEnabled`, `true` or the string `"true"`).
 */
import { addonSwitch, defineOkeRule, type Report } from '../../src/rule-api.js';

const FLAG = 'options.addOns.isTillerEnabled';

export default defineOkeRule({
  meta: {
    id: 'oke-tiller-addon',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 8.8,
    description: 'An OKE cluster has the Tiller add-on enabled: Tiller, the Helm 2 server, answers API calls with no authentication or authorization.',
    remediation: 'Set isTillerEnabled to false (or leave it out), use Helm 3, which has no in-cluster server, and ask Oracle Support to remove the add-on from existing clusters.',
    tags: ['oke', 'addon:tiller', 'helm2'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      enabled: '{{resource}} enables the Tiller add-on ({{field}} is {{value}}{{origin}}): Tiller has no authentication or authorization for API calls, so anything that can reach it deploys with its privileges; turn the add-on off and use Helm 3.',
      unresolved: '{{resource}}: whether the Tiller add-on is enabled could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    const addon = addonSwitch(ctx, FLAG);
    if (addon?.state === 'enabled') yield { messageId: 'enabled', data: addon.data, at: addon.at };
    else if (addon?.state === 'unresolved') yield { messageId: 'unresolved', data: addon.data, at: addon.at, level: 'note' };
  },
});
