/**
 * Statement grammar: kinds, subjects, verbs and permission lists, resource types, locations,
 * unresolved parts, with exact spans (checked through the text they cover).
 */
import { describe, expect, it } from 'vitest';
import { parseStatement, type Span, type Statement, type StatementResult } from '../../src/oci-iam/index.js';

type Parsed = Extract<StatementResult, { ok: true }>;
type Grant = Extract<Statement, { kind: 'allow' | 'endorse' | 'admit' }>;

function ok(text: string, offset = 0): Parsed {
  const r = parseStatement(text, offset);
  if (!r.ok) throw new Error(`expected a statement, got: ${r.error.message}`);
  return r;
}
function grant(text: string): Grant {
  const s = ok(text).statement;
  if (s.kind === 'associate' || s.kind === 'define') throw new Error(`not a grant: ${s.kind}`);
  return s;
}
const at = (text: string, span: Span, offset = 0): string => text.slice(span.start - offset, span.end - offset);

describe('statement shape', () => {
  const text = 'Allow group A-Admins to manage all-resources in compartment Project-A';

  it('parses an Allow statement with a span for every part', () => {
    const s = grant(text);
    expect(s.kind).toBe('allow');
    expect(at(text, s.span)).toBe(text);
    expect(at(text, s.subject.span)).toBe('group A-Admins');
    expect(s.action).toEqual({ kind: 'verb', verb: 'manage', span: { start: 24, end: 30 } });
    expect(at(text, s.resource?.span ?? { start: 0, end: 0 })).toBe('all-resources');
    expect(s.resource?.name).toBe('all-resources');
    expect(s.location?.kind).toBe('compartment');
    expect(at(text, s.location?.span ?? { start: 0, end: 0 })).toBe('compartment Project-A');
    expect(s.where).toBeUndefined();
  });

  it('adds the offset to every span', () => {
    const file = `xx\n${text}\n`;
    const r = ok(text, 3);
    const s = r.statement as Grant;
    expect(at(file, s.span)).toBe(text);
    expect(at(file, s.subject.span)).toBe('group A-Admins');
    expect(at(file, s.location?.span ?? { start: 0, end: 0 })).toBe('compartment Project-A');
  });

  it('ignores surrounding whitespace and line breaks inside the statement', () => {
    const t = '  Allow group X\n  to {INSTANCE_IMAGE_READ,\n  VOLUME_READ}\n in tenancy  \n';
    const s = grant(t);
    expect(at(t, s.span)).toBe('Allow group X\n  to {INSTANCE_IMAGE_READ,\n  VOLUME_READ}\n in tenancy');
    expect(s.action.kind === 'permissions' && s.action.items.map((i) => i.value)).toEqual(['INSTANCE_IMAGE_READ', 'VOLUME_READ']);
  });

  it('matches keywords, verbs, subject kinds and resource types case-insensitively', () => {
    const s = grant("ALLOW GROUP test-group TO MANAGE METRICS IN TENANCY WHERE ALL {target.metrics.namespace='x'}");
    expect(s.kind).toBe('allow');
    expect(s.subject.kind).toBe('group');
    expect(s.action).toMatchObject({ kind: 'verb', verb: 'manage' });
    expect(s.resource?.name).toBe('metrics');
    expect(s.location?.kind).toBe('tenancy');
    expect(s.where?.condition).toMatchObject({ kind: 'group', op: 'all' });
    expect(grant('allow ANY-USER to inspect users in tenancy').subject.kind).toBe('any-user');
  });
});

describe('subjects', () => {
  it('reads a group list with a span per name', () => {
    const t = 'Allow group A-Admins, B-Admins,C to manage all-resources in tenancy';
    const s = grant(t);
    if (s.subject.kind !== 'group') throw new Error('group');
    expect(s.subject.names.map((n) => [n.value, n.quoted, at(t, n.span)])).toEqual([
      ['A-Admins', false, 'A-Admins'],
      ['B-Admins', false, 'B-Admins'],
      ['C', false, 'C'],
    ]);
    expect(at(t, s.subject.span)).toBe('group A-Admins, B-Admins,C');
  });

  it('reads quoted names with spaces', () => {
    const t = "allow group 'vision security adm group2' to read all-resources in tenancy";
    const s = grant(t);
    if (s.subject.kind !== 'group') throw new Error('group');
    const [n] = s.subject.names;
    expect(n).toEqual({ value: 'vision security adm group2', quoted: true, span: { start: 12, end: 40 } });
    expect(at(t, n?.span ?? { start: 0, end: 0 })).toBe("'vision security adm group2'");
  });

  it('reads identity-domain-qualified names, quoted and bare', () => {
    const t = "allow group 'id_lz_common'/'grp-iam-admin', Domain-B/Domain-B-Admins to read usage-reports in tenancy";
    const s = grant(t);
    if (s.subject.kind !== 'group') throw new Error('group');
    const [a, b] = s.subject.names;
    expect(a?.value).toBe('grp-iam-admin');
    expect(a?.quoted).toBe(true);
    expect(at(t, a?.span ?? { start: 0, end: 0 })).toBe("'id_lz_common'/'grp-iam-admin'");
    expect(a?.domain).toMatchObject({ value: 'id_lz_common', quoted: true });
    expect(at(t, a?.domain?.span ?? { start: 0, end: 0 })).toBe("'id_lz_common'");
    expect(b?.value).toBe('Domain-B-Admins');
    expect(b?.domain?.value).toBe('Domain-B');
    expect(at(t, b?.span ?? { start: 0, end: 0 })).toBe('Domain-B/Domain-B-Admins');
  });

  it('reads group id <ocid> lists', () => {
    const t = 'Allow group id ocid1.group.oc1..aaa, id ocid1.group.oc1..bbb to manage all-resources in compartment id ocid1.compartment.oc1..ccc';
    const s = grant(t);
    if (s.subject.kind !== 'group') throw new Error('group');
    expect(s.subject.names.map((n) => [n.value, n.ocid, at(t, n.span)])).toEqual([
      ['ocid1.group.oc1..aaa', true, 'id ocid1.group.oc1..aaa'],
      ['ocid1.group.oc1..bbb', true, 'id ocid1.group.oc1..bbb'],
    ]);
  });

  it('reads dynamic groups, by name, domain and id', () => {
    const t = "allow dynamic-group 'Default'/'dg-fn', id ocid1.dynamicgroup.oc1..x to use keys in tenancy";
    const s = grant(t);
    expect(s.subject.kind).toBe('dynamic-group');
    if (s.subject.kind !== 'dynamic-group') return;
    expect(s.subject.names[0]?.domain?.value).toBe('Default');
    expect(s.subject.names[1]).toMatchObject({ value: 'ocid1.dynamicgroup.oc1..x', ocid: true });
  });

  it('reads any-user and any-group', () => {
    const t = 'Allow any-group to inspect users in tenancy';
    const s = grant(t);
    expect(s.subject).toEqual({ kind: 'any-group', span: { start: 6, end: 15 } });
    expect(grant('allow any-user to read repos in tenancy').subject.kind).toBe('any-user');
  });

  it('reads service lists, with unresolved entries kept as names', () => {
    const t = 'Allow service blockstorage, objectstorage-<region_name>, oke, streaming to use keys in compartment ABC';
    const r = ok(t);
    const s = r.statement as Grant;
    if (s.subject.kind !== 'service') throw new Error('service');
    expect(s.subject.names.map((n) => n.value)).toEqual(['blockstorage', 'objectstorage-<region_name>', 'oke', 'streaming']);
    expect(s.subject.names[1]?.unresolved).toBe(true);
    expect(r.unresolved).toEqual([
      expect.objectContaining({ part: 'subject', text: 'objectstorage-<region_name>', span: s.subject.names[1]?.span }),
    ]);
  });

  it('reads the resource <type> <name> subject', () => {
    const t = 'Allow resource loganalyticsvrp LogAnalyticsVirtualResource to {VCN_READ} in tenancy';
    const s = grant(t);
    if (s.subject.kind !== 'resource') throw new Error('resource');
    expect(s.subject.resourceType.value).toBe('loganalyticsvrp');
    expect(s.subject.names.map((n) => n.value)).toEqual(['LogAnalyticsVirtualResource']);
    expect(at(t, s.subject.span)).toBe('resource loganalyticsvrp LogAnalyticsVirtualResource');
  });

  it('keeps interpolated and placeholder subjects as unresolved names', () => {
    const t = 'Allow group ${local.identity_domain_name}/${local.group_names["x"]}, <Remediation Group> to read buckets in tenancy';
    const r = ok(t);
    const s = r.statement as Grant;
    if (s.subject.kind !== 'group') throw new Error('group');
    const [a, b] = s.subject.names;
    expect(a).toMatchObject({ value: '${local.group_names["x"]}', unresolved: true, domain: { value: '${local.identity_domain_name}', unresolved: true } });
    expect(b).toMatchObject({ value: '<Remediation Group>', unresolved: true });
    expect(r.unresolved.map((u) => [u.part, at(t, u.span)])).toEqual([
      ['subject', '${local.identity_domain_name}/${local.group_names["x"]}'],
      ['subject', '<Remediation Group>'],
    ]);
    expect(r.unresolved[0]?.message).toContain('who gets the grant was not checked');
  });

  it('reads an interpolation with commas and nested braces as one name', () => {
    const t = 'allow group ${join(",", [for g in local.x : "${g}"])} to read buckets in tenancy';
    const s = grant(t);
    if (s.subject.kind !== 'group') throw new Error('group');
    expect(s.subject.names).toHaveLength(1);
    expect(at(t, s.subject.names[0]?.span ?? { start: 0, end: 0 })).toBe('${join(",", [for g in local.x : "${g}"])}');
  });

  it('keeps a whole-subject interpolation as an unresolved subject', () => {
    const t = 'Allow ${var.subject} to read buckets in tenancy';
    const r = ok(t);
    expect((r.statement as Grant).subject).toEqual({ kind: 'unresolved', text: '${var.subject}', span: { start: 6, end: 20 } });
    expect(r.unresolved[0]?.part).toBe('subject');
  });
});

describe('verbs, permission lists and resource types', () => {
  it('reads each verb', () => {
    for (const verb of ['inspect', 'read', 'use', 'manage'] as const) {
      expect(grant(`allow group g to ${verb.toUpperCase()} buckets in tenancy`).action).toMatchObject({ kind: 'verb', verb });
    }
  });

  it('reads permission lists with spans for the list and each item', () => {
    const t = 'Endorse any-user to { WLP_LOG_CREATE, WLP_METRICS_CREATE } in any-tenancy';
    const s = grant(t);
    if (s.action.kind !== 'permissions') throw new Error('permissions');
    expect(at(t, s.action.span)).toBe('{ WLP_LOG_CREATE, WLP_METRICS_CREATE }');
    expect(s.action.items.map((i) => at(t, i.span))).toEqual(['WLP_LOG_CREATE', 'WLP_METRICS_CREATE']);
    expect(s.resource).toBeUndefined();
  });

  it('keeps resource types lower-case and reports unknown ones as questionable', () => {
    const t = 'allow group g to manage Instance-Family in tenancy';
    expect(grant(t).resource?.name).toBe('instance-family');
    const r = ok('allow group g to manage flux-capacitors in tenancy');
    expect(r.questionable).toEqual([
      { code: 'unknown-resource-type', span: { start: 24, end: 39 }, message: "'flux-capacitors' is not a known resource type or family" },
    ]);
  });

  it('keeps an interpolated resource type as unresolved', () => {
    const t = 'allow group g to manage ${var.rt} in tenancy';
    const r = ok(t);
    expect((r.statement as Grant).resource).toEqual({ name: '${var.rt}', unresolved: true, span: { start: 24, end: 33 } });
    expect(r.unresolved.map((u) => u.part)).toEqual(['resource']);
  });
});

describe('locations', () => {
  it('reads tenancy', () => {
    const t = 'allow group g to read buckets in tenancy';
    expect(grant(t).location).toEqual({ kind: 'tenancy', span: { start: 33, end: 40 } });
  });

  it('reads compartment paths with a span per segment', () => {
    const t = 'allow group g to use subnets in compartment cmp-landingzone-p:cmp-lzp-preprod:cmp-lzp-pp-network';
    const loc = grant(t).location;
    if (loc?.kind !== 'compartment') throw new Error('compartment');
    expect(loc.path.map((n) => at(t, n.span))).toEqual(['cmp-landingzone-p', 'cmp-lzp-preprod', 'cmp-lzp-pp-network']);
    expect(at(t, loc.span)).toBe('compartment cmp-landingzone-p:cmp-lzp-preprod:cmp-lzp-pp-network');
  });

  it('reads quoted compartment names', () => {
    const loc = grant("allow group g to use subnets in compartment 'My Project'").location;
    expect(loc).toMatchObject({ kind: 'compartment', path: [{ value: 'My Project', quoted: true }] });
  });

  it('reads compartment id <ocid>, resolved or not', () => {
    const t = 'allow group g to use subnets in COMPARTMENT ID ocid1.compartment.oc1..aaa';
    const loc = grant(t).location;
    if (loc?.kind !== 'compartment-id') throw new Error('compartment-id');
    expect(loc.id.value).toBe('ocid1.compartment.oc1..aaa');
    expect(at(t, loc.span)).toBe('COMPARTMENT ID ocid1.compartment.oc1..aaa');
    const r = ok('allow group g to use subnets in compartment id ${var.compartment_ocid}');
    expect(r.unresolved).toEqual([expect.objectContaining({ part: 'location', text: '${var.compartment_ocid}' })]);
    expect(r.unresolved[0]?.message).toContain('scope of the grant was not checked');
  });

  it('reads any-tenancy and tenancy aliases in Endorse', () => {
    const t = 'endorse group Administrators to read objects in tenancy usage-report';
    const loc = grant(t).location;
    if (loc?.kind !== 'tenancy') throw new Error('tenancy');
    expect(loc.alias?.value).toBe('usage-report');
    expect(at(t, loc.span)).toBe('tenancy usage-report');
    expect(grant('Endorse group StorageAdmins to manage object-family in any-tenancy').location?.kind).toBe('any-tenancy');
  });

  it('notes any-tenancy outside Endorse', () => {
    expect(ok('allow group g to read buckets in any-tenancy').questionable.map((q) => q.code)).toEqual(['any-tenancy-outside-endorse']);
  });

  it('keeps whole-location interpolations and placeholders as unresolved locations', () => {
    for (const [t, text] of [
      ['allow group g to read buckets in ${local.policy_scope}', '${local.policy_scope}'],
      ['allow group g to manage buckets in <compartment-name> where ALL {request.permission=\'PAR_MANAGE\'}', '<compartment-name>'],
    ] as const) {
      const r = ok(t);
      expect((r.statement as Grant).location).toMatchObject({ kind: 'unresolved', text });
      expect(r.unresolved[0]).toMatchObject({ part: 'location', text });
    }
  });

  it('accepts a missing location and reports it', () => {
    const t = "Allow group DayShift to manage instance-family where request.utc-timestamp.time-of-day between '17:00:00Z' and '01:00:00Z'";
    const r = ok(t);
    expect((r.statement as Grant).location).toBeUndefined();
    expect(r.questionable).toHaveLength(1);
    expect(r.questionable[0]?.code).toBe('missing-location');
    expect(at(t, r.questionable[0]?.span ?? { start: 0, end: 0 })).toBe('instance-family');
    expect(ok('allow group g to read buckets').questionable.map((q) => q.code)).toEqual(['missing-location']);
  });

  it('treats an interpolation right after the location as a hidden where clause', () => {
    const t = 'Allow dynamic-group dg to use tag-namespaces in tenancy ${local.tags_policy_where_clause}';
    const r = ok(t);
    const s = r.statement as Grant;
    expect(s.location).toEqual({ kind: 'tenancy', span: { start: 48, end: 55 } });
    expect(s.where).toMatchObject({ keyword: false, condition: { kind: 'unresolved', text: '${local.tags_policy_where_clause}' } });
    expect(r.unresolved[0]?.part).toBe('condition');
  });
});

describe('Endorse, Admit, Define, associate', () => {
  it('reads Admit with of tenancy', () => {
    const t = 'Admit group requestorGroup of tenancy Requestor to manage remote-peering-to in compartment cmp-landingzone-rpc:cmp-lzp-network';
    const s = grant(t);
    if (s.kind !== 'admit') throw new Error('admit');
    expect(s.ofTenancy?.alias.value).toBe('Requestor');
    expect(at(t, s.ofTenancy?.span ?? { start: 0, end: 0 })).toBe('of tenancy Requestor');
    expect(ok('admit group g to read buckets in tenancy').questionable.map((q) => q.code)).toEqual(['admit-without-tenancy']);
  });

  it('reads Define for tenancy, group, compartment, and dynamic-group (noted)', () => {
    const t = 'define tenancy usage-report as ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq';
    const s = ok(t).statement;
    if (s.kind !== 'define') throw new Error('define');
    expect(s.target).toBe('tenancy');
    expect(at(t, s.alias.span)).toBe('usage-report');
    expect(s.ocid.value).toMatch(/^ocid1\.tenancy/);
    expect(ok('Define group requestorGroup as ocid1.group.oc1..aaaaa...u5sc').statement).toMatchObject({ target: 'group' });
    expect(ok('define compartment ske_compartment as ocid1.compartment.oc1..a').statement).toMatchObject({ target: 'compartment' });
    const dg = ok('define dynamic-group d as ocid1.dynamicgroup.oc1..a');
    expect(dg.questionable.map((q) => q.code)).toEqual(['define-dynamic-group']);
    const ph = ok('define tenancy usage-report as <OCID-COMPARTMENT-ROOT>');
    expect(ph.unresolved).toEqual([expect.objectContaining({ part: 'define', text: '<OCID-COMPARTMENT-ROOT>' })]);
  });

  it('reads association statements', () => {
    const t = 'endorse any-user to associate compute-container-instances in compartment ske_compartment of tenancy ske with subnets in tenancy where ALL {request.principal.type=\'virtualnode\',request.principal.subnet=2.subnet.id}';
    const r = ok(t);
    const s = r.statement;
    if (s.kind !== 'associate') throw new Error('associate');
    expect(s.keyword).toBe('endorse');
    expect(s.resource.name).toBe('compute-container-instances');
    expect(at(t, s.location.span)).toBe('compartment ske_compartment of tenancy ske');
    expect(s.location.kind === 'compartment' && s.location.ofTenancy?.alias.value).toBe('ske');
    expect(s.withResource.name).toBe('subnets');
    expect(s.withLocation).toMatchObject({ kind: 'tenancy' });
    // `2.subnet.id` names the second resource's attribute: a variable, not an unquoted value.
    expect(r.questionable).toEqual([]);
    const cond = s.where?.condition;
    expect(cond?.kind === 'group' && cond.children[1]).toMatchObject({ right: [{ kind: 'variable', path: '2.subnet.id' }] });
  });

  it('reads Admit association with tenancy aliases on both sides', () => {
    const s = ok('Admit group G of tenancy Requestor to associate local-peering-gateways in tenancy Requestor with local-peering-gateways in compartment Acceptor').statement;
    expect(s).toMatchObject({ kind: 'associate', keyword: 'admit', ofTenancy: { alias: { value: 'Requestor' } }, location: { kind: 'tenancy', alias: { value: 'Requestor' } } });
  });

  it('notes associate in an Allow statement', () => {
    expect(ok('allow group g to associate vnics in tenancy with subnets in tenancy').questionable.map((q) => q.code)).toEqual(['associate-in-allow']);
  });
});

describe('printf and placeholder templates', () => {
  it('keeps %v parts as unresolved and reports each', () => {
    const t = 'Allow dynamic-group %v to {CLUSTER_JOIN} in compartment id %v where %v';
    const r = ok(t);
    expect(r.unresolved.map((u) => [u.part, at(t, u.span)])).toEqual([
      ['subject', '%v'],
      ['location', '%v'],
      ['condition', '%v'],
    ]);
    expect(r.questionable).toEqual([]);
  });
});
