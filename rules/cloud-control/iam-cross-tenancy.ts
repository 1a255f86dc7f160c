/**
 * @fileoverview Endorse and Admit statements: access across tenancies. Each is an inventory note;
 * it is a warning when it trusts any tenancy, names every principal, covers all resources or IAM
 * types, or grants manage, and no where clause narrows it.
 */
import { ALL_RESOURCES, canonicalType, defineIamRule, IAM_RESOURCE_TYPES, narrowsEveryPath, quoteText, verbRank, type Span, type Statement, type Term } from '../../src/rule-api.js';

/** Peering needs `manage` on these one-permission types (OCI remote and local peering docs). */
const PEERING_TYPES: ReadonlySet<string> = new Set(['remote-peering-to', 'remote-peering-from', 'local-peering-to', 'local-peering-from']);

type CrossStatement = Extract<Statement, { kind: 'endorse' | 'admit' | 'associate' }>;

/** A where clause narrows the trust when every alternative names the principal, action or resource. */
function narrowsTrust(t: Term): boolean {
  return t.kind === 'unknown' || (t.kind === 'include' && (t.role === 'principal' || t.role === 'action' || t.role === 'resource'));
}

function broadlyAnyTenancy(s: CrossStatement): boolean {
  const locations = s.kind === 'associate' ? [s.location, s.withLocation] : [s.location];
  return locations.some((l) => l?.kind === 'any-tenancy');
}

/** Why the statement is broad (empty when it is not). */
function broadness(s: CrossStatement, admit: boolean): string[] {
  const why: string[] = [];
  if (broadlyAnyTenancy(s)) why.push('it trusts every tenancy (any-tenancy)');
  if (s.subject.kind === 'any-user') why.push('it names every principal (any-user, services included)');
  if (s.subject.kind === 'any-group') why.push('it names every group and dynamic group (any-group)');
  if (s.kind !== 'associate' && s.action.kind === 'verb' && s.resource && !s.resource.unresolved) {
    const name = canonicalType(s.resource.name);
    if (name === ALL_RESOURCES) why.push('it covers all resources');
    // Admitted, even read exposes this tenancy's identities and policies; endorsed, read only looks at the other one.
    if (IAM_RESOURCE_TYPES.has(name) && (admit || verbRank(s.action.verb) >= verbRank('use'))) why.push(`it covers the IAM type ${name}`);
    if (s.action.verb === 'manage' && !PEERING_TYPES.has(name)) why.push('it grants manage');
  }
  return why;
}

export default defineIamRule({
  meta: {
    id: 'iam-cross-tenancy',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 6.0,
    description: 'An OCI IAM Endorse or Admit statement grants access across tenancies; it is a warning when it trusts any tenancy, names any-user or any-group, covers all-resources or IAM types, or grants manage without a narrowing where clause (a note otherwise).',
    remediation: 'Name the other tenancy with Define tenancy <alias> as <ocid>, name the group, and grant the least verb on one resource type (or an explicit permission list), narrowed with a where clause on the principal or resource.',
    tags: ['oci-iam', 'cross-tenancy'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      endorse: 'Endorse lets {{subject}} of this tenancy act in {{tenancy}} ({{grant}}): cross-tenancy access; check that the other tenancy and the grant are the ones intended.',
      endorseBroad: 'Endorse lets {{subject}} of this tenancy act in {{tenancy}} ({{grant}}), and broadly: {{why}}. Name the tenancy and the group, and grant the least verb on one resource type or narrow it with a where clause.',
      admit: 'Admit lets {{subject}} of {{tenancy}} act in this tenancy ({{grant}}): cross-tenancy access; check that the other tenancy and the grant are the ones intended.',
      admitBroad: 'Admit lets {{subject}} of {{tenancy}} act in this tenancy ({{grant}}), and broadly: {{why}}. Name the group, and grant the least verb on one resource type or narrow it with a where clause.',
    },
  },
  *checkStatement(ctx) {
    const s = ctx.statement;
    if (s.kind === 'define' || s.kind === 'allow' || (s.kind === 'associate' && s.keyword === 'allow')) return;
    const admit = s.kind === 'admit' || (s.kind === 'associate' && s.keyword === 'admit');
    const why = broadness(s, admit);
    const broad = why.length > 0 && !narrowsEveryPath(s.where?.condition, narrowsTrust);
    const other = otherTenancy(s, admit);
    const grantStart = s.kind === 'associate' ? s.resource.span.start : s.action.span.start;
    const grantEnd = (s.kind === 'associate' ? s.withLocation : s.location ?? s.resource ?? s.action).span.end;
    const data = {
      subject: quoteText(ctx.textOf(s.subject)),
      tenancy: other.alias ? `tenancy ${ctx.textOf(other.alias)}` : broadlyAnyTenancy(s) ? 'any tenancy' : 'another tenancy',
      grant: `${s.kind === 'associate' ? 'associate ' : ''}${ctx.textOf({ span: { start: grantStart, end: grantEnd } }).replace(/\s+/g, ' ')}`,
      why: why.join('; '),
    };
    const at = other.at;
    if (broad && admit) yield { messageId: 'admitBroad', data, at };
    else if (broad) yield { messageId: 'endorseBroad', data, at };
    else if (admit) yield { messageId: 'admit', data, at, level: 'note' };
    else yield { messageId: 'endorse', data, at, level: 'note' };
  },
});

type Place = Extract<CrossStatement, { kind: 'associate' }>['location'];

/** The other tenancy a location names (`tenancy <alias>`, `compartment c of tenancy <alias>`), with the node that names it. */
function tenancyIn(l: Place | undefined): { alias: { span: Span }; at: { span: Span } } | undefined {
  if (l?.kind === 'tenancy' && l.alias) return { alias: l.alias, at: l };
  if ((l?.kind === 'compartment' || l?.kind === 'compartment-id') && l.ofTenancy) return { alias: l.ofTenancy.alias, at: l.ofTenancy };
  return undefined;
}

/** The other tenancy and where to report: Admit at `of tenancy` (whose principals come in), Endorse where the access goes. */
function otherTenancy(s: CrossStatement, admit: boolean): { alias?: { span: Span }; at: { span: Span } } {
  if (admit && s.kind !== 'endorse') return s.ofTenancy ? { alias: s.ofTenancy.alias, at: s.ofTenancy } : { at: s.subject };
  const places = s.kind === 'associate' ? [s.location, s.withLocation] : [s.location];
  for (const p of places) {
    const found = tenancyIn(p);
    if (found) return found;
  }
  return { at: places[0] ?? s.subject };
}
