/**
 * @fileoverview An OKE cluster is a basic cluster: `type` is BASIC_CLUSTER, or not set (the API
 * and CLI then create a basic cluster). Basic clusters have no workload identity, so pods that
 * call OCI borrow the node's instance principal or carry long-lived keys.
 */
import { defineOkeRule, type Report } from '../../src/rule-api.js';

const TYPE = 'type';

export default defineOkeRule({
  meta: {
    id: 'oke-basic-cluster',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 4.2,
    description: 'An OKE cluster is (or defaults to) a basic cluster, which has no workload identity: pods that call OCI services fall back to the node\'s instance principal or to keys baked into the pod.',
    remediation: 'Create the cluster with type ENHANCED_CLUSTER (an existing basic cluster can be upgraded to enhanced) and grant pods OCI access through workload identity policies instead of instance principals or static keys.',
    tags: ['oke', 'workload-identity'],
    appliesTo: ['oke'],
    recommended: true,
    messages: {
      unset: '{{resource}} does not set {{field}}, so the API and CLI create a basic cluster: no workload identity, and pods that call OCI use the node\'s instance principal or baked-in keys; make it an ENHANCED_CLUSTER.',
      basic: '{{resource}} is a basic cluster ({{field}} is {{value}}{{origin}}): no workload identity, and pods that call OCI use the node\'s instance principal or baked-in keys; make it an ENHANCED_CLUSTER.',
      unknown: '{{resource}} sets {{field}} to {{value}}{{origin}}, which is neither BASIC_CLUSTER nor ENHANCED_CLUSTER: whether the cluster has workload identity was not checked.',
      unresolved: '{{resource}}: the cluster type could not be resolved ({{reason}}), so whether it has workload identity was not checked.',
    },
  },
  *checkOke(ctx): Iterable<Report> {
    if (ctx.resource.kind !== 'cluster') return;
    const resource = ctx.label;
    const r = ctx.read(TYPE);
    if (r.state === 'unresolved') {
      yield { messageId: 'unresolved', data: { resource, reason: r.reason }, at: r.at, level: 'note' };
      return;
    }
    if (r.state !== 'value' || r.value === null) {
      yield { messageId: 'unset', data: { resource, field: ctx.spell(TYPE) }, at: r.at };
      return;
    }
    const type = typeof r.value === 'string' ? r.value.trim().toUpperCase() : '';
    const data = { resource, field: r.name, value: JSON.stringify(r.value), origin: r.origin };
    if (type === 'BASIC_CLUSTER' || type === 'BASIC') yield { messageId: 'basic', data, at: r.at };
    else if (type !== 'ENHANCED_CLUSTER' && type !== 'ENHANCED') yield { messageId: 'unknown', data, at: r.at, level: 'note' };
  },
});
