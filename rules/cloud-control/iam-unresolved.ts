/**
 * @fileoverview Parts of a statement hidden by `${...}`, `%v` or a `<placeholder>`: says what
 * okelint could not check, so a clean run is not mistaken for a checked one.
 */
import { defineIamRule, type Report, type Unresolved } from '../../src/rule-api.js';

export default defineIamRule({
  meta: {
    id: 'iam-unresolved',
    layer: 'cloud-control',
    level: 'note',
    securitySeverity: 1.0,
    description: 'Part of an OCI IAM policy statement is hidden behind a template expression (${...}, %v or a <placeholder>), so the checks that need it were not made.',
    remediation: 'Lint the rendered policy (oci iam policy get or list output, or terraform plan values) to check the hidden parts, or suppress this note with a reason.',
    tags: ['oci-iam', 'coverage'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      subject: 'The subject is hidden behind {{text}}: who gets the grant was not checked.',
      tenancyAlias: 'The tenancy alias is hidden behind {{text}}: which tenancy is trusted was not checked.',
      permission: 'A permission is hidden behind {{text}}: what the permission list grants was not checked.',
      resource: 'The resource type is hidden behind {{text}}: what the grant covers was not checked.',
      location: 'The location is hidden behind {{text}}: the scope of the grant was not checked.',
      condition: 'Part of the condition is hidden behind {{text}}: what the where clause narrows was not checked.',
      define: 'Part of the Define statement is hidden behind {{text}}: what the alias names was not checked.',
    },
  },
  *checkStatement(ctx) {
    for (const u of ctx.unresolved) yield report(u, { text: `'${clip(u.text)}'` });
  },
});

function report(u: Unresolved, data: { text: string }): Report {
  switch (u.part) {
    case 'subject': return { messageId: 'subject', data, at: u };
    case 'tenancy-alias': return { messageId: 'tenancyAlias', data, at: u };
    case 'permission': return { messageId: 'permission', data, at: u };
    case 'resource': return { messageId: 'resource', data, at: u };
    case 'location': return { messageId: 'location', data, at: u };
    case 'condition': return { messageId: 'condition', data, at: u };
    case 'define': return { messageId: 'define', data, at: u };
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
