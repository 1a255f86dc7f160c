/**
 * @fileoverview Unknown fields, wrong value types and bad enum values in Pods and the objects that
 * template them (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job,
 * CronJob, PodTemplate), checked against the vendored Kubernetes JSON Schemas. A misspelt
 * `securityContex:` is dropped by the API server (without strict field validation), so the pod
 * runs without the setting; a `privileged: "true"` is a string that checks reading booleans cannot
 * see. An unknown field is reported at its key, with the closest valid field name when one is
 * near; a bad value at the value.
 */
import { defineRule, manifestSchemaIssues, type Report } from '../../src/rule-api.js';

export default defineRule({
  meta: {
    id: 'manifest-schema',
    layer: 'workload',
    level: 'warning',
    securitySeverity: 5.0,
    description: 'A workload object has a field the Kubernetes API does not know (often a misspelling such as securityContex), a value of the wrong type, or a value outside its allowed set.',
    remediation: 'Correct the field name, value type or value to what the Kubernetes API defines (the finding names the closest valid field), so the setting takes effect.',
    tags: ['schema'],
    appliesTo: ['k8s'],
    recommended: true,
    messages: {
      unknownField: '{{type}} has no field "{{field}}"{{hint}}; Kubernetes rejects the object or drops the field, so the setting never takes effect.',
      wrongType: '{{path}} must be {{expected}}, not {{actual}}; Kubernetes rejects the object, and checks that expect {{expected}} cannot read the value.',
      badEnum: '{{path}} is "{{value}}", which is not one of: {{allowed}}.',
    },
  },
  *check(ctx): Iterable<Report> {
    for (const issue of manifestSchemaIssues(ctx.resource)) {
      switch (issue.kind) {
        case 'unknownField': {
          const hint = issue.suggestion !== undefined ? ` (did you mean "${issue.suggestion}"?)`
            : issue.belongsIn !== undefined ? ` (it belongs in ${issue.belongsIn})` : '';
          yield { messageId: 'unknownField', data: { type: issue.type, field: issue.field, hint }, at: issue.at };
          break;
        }
        case 'wrongType':
          yield { messageId: 'wrongType', data: { path: issue.path, expected: issue.expected, actual: issue.actual }, at: issue.at };
          break;
        case 'badEnum':
          yield { messageId: 'badEnum', data: { path: issue.path, value: issue.value, allowed: issue.allowed }, at: issue.at };
          break;
      }
    }
  },
});
