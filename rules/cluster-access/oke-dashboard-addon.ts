/**
 * @fileoverview The OKE Kubernetes Dashboard add-on is turned on
 * (`options.addOns.isKubernetesDashboardEnabled`, `true` or the string `"true"`).
 */
import { addonSwitch, defineOkeRule, type Report } from '../../src/rule-api.js';

const FLAG = 'options.addOns.isKubernetesDashboardEnabled';

export default defineOkeRule({
  meta: {
    id: 'oke-dashboard-addon',
    layer: 'cluster-access',
    level: 'error',
    securitySeverity: 7.4,
    description: 'An OKE cluster has the Kubernetes Dashboard add-on enabled, which Oracle does not recommend on production clusters for its lack of extensible authentication.',
    remediation: 'Set isKubernetesDashboardEnabled to false (or leave it out) and use kubectl or the OCI Console; if the dashboard is needed, install it yourself, keep it inside the cluster and give it no cluster-wide role.',
    tags: ['oke', 'addon:dashboard'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      enabled: '{{resource}} enables the Kubernetes Dashboard add-on ({{field}} is {{value}}{{origin}}): the dashboard lacks extensible authentication and is a common way into a cluster; turn the add-on off.',
      unresolved: '{{resource}}: whether the Kubernetes Dashboard add-on is enabled could not be resolved ({{reason}}), so {{field}} was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    const addon = addonSwitch(ctx, FLAG);
    if (addon?.state === 'enabled') yield { messageId: 'enabled', data: addon.data, at: addon.at };
    else if (addon?.state === 'unresolved') yield { messageId: 'unresolved', data: addon.data, at: addon.at, level: 'note' };
  },
});
