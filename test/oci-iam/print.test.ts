/**
 * Canonical printer: lower-case keywords, single spaces, quotes where the AST has them or where
 * a name needs them, opaque parts as written; parse(print(ast)) equals ast modulo spans.
 */
import { describe, expect, it } from 'vitest';
import { parseStatement, printStatement, stripSpans, type Statement } from '../../src/oci-iam/index.js';

function parse(text: string): Statement {
  const r = parseStatement(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.statement;
}
const canon = (text: string): string => printStatement(parse(text));

function roundTrips(text: string): void {
  const ast = parse(text);
  const again = parse(printStatement(ast));
  expect(stripSpans(again)).toEqual(stripSpans(ast));
}

describe('printStatement', () => {
  it('lower-cases keywords, verbs and resource types and normalises spacing', () => {
    expect(canon("ALLOW  GROUP test-group\n TO MANAGE Objects IN TENANCY WHERE ALL{target.bucket.name = 'test-bucket',any{request.permission='OBJECT_INSPECT'}}")).toBe(
      "allow group test-group to manage objects in tenancy where all {target.bucket.name = 'test-bucket', any {request.permission = 'OBJECT_INSPECT'}}",
    );
  });

  it('keeps the quoting of names as written', () => {
    expect(canon("allow group 'id_lz_common'/'grp-iam-admin', Domain-B/Admins, 'a b' to read buckets in compartment 'My Comp':child")).toBe(
      "allow group 'id_lz_common'/'grp-iam-admin', Domain-B/Admins, 'a b' to read buckets in compartment 'My Comp':child",
    );
  });

  it('quotes a hand-built name that could not be read back bare', () => {
    const stmt: Statement = {
      kind: 'allow',
      span: { start: 0, end: 0 },
      subject: {
        kind: 'group',
        span: { start: 0, end: 0 },
        names: [
          { value: 'Security Admins', quoted: false, span: { start: 0, end: 0 } },
          { value: 'to', quoted: false, span: { start: 0, end: 0 } },
          { value: 'plain', quoted: false, span: { start: 0, end: 0 } },
        ],
      },
      action: { kind: 'verb', verb: 'read', span: { start: 0, end: 0 } },
      resource: { name: 'buckets', span: { start: 0, end: 0 } },
      location: { kind: 'tenancy', span: { start: 0, end: 0 } },
    };
    expect(printStatement(stmt)).toBe("allow group 'Security Admins', 'to', plain to read buckets in tenancy");
  });

  it('prints ids, services, permission lists and any-user', () => {
    expect(canon('Allow group id ocid1.group.oc1..a,id ocid1.group.oc1..b to {A,B} in compartment id ocid1.compartment.oc1..c')).toBe(
      'allow group id ocid1.group.oc1..a, id ocid1.group.oc1..b to {A, B} in compartment id ocid1.compartment.oc1..c',
    );
    expect(canon('Allow service blockstorage,objectstorage-${var.region} to use keys in tenancy')).toBe(
      'allow service blockstorage, objectstorage-${var.region} to use keys in tenancy',
    );
    expect(canon('ENDORSE ANY-USER to { WLP_LOG_CREATE } in ANY-TENANCY')).toBe('endorse any-user to {WLP_LOG_CREATE} in any-tenancy');
  });

  it('prints Admit, Define and association statements', () => {
    expect(canon('Admit group G of tenancy T to manage remote-peering-to in compartment a:b')).toBe(
      'admit group G of tenancy T to manage remote-peering-to in compartment a:b',
    );
    expect(canon('Define Tenancy usage-report AS ocid1.tenancy.oc1..aaa')).toBe('define tenancy usage-report as ocid1.tenancy.oc1..aaa');
    expect(canon("endorse any-user to associate compute-container-instances in compartment c of tenancy ske with subnets in tenancy where ALL {request.principal.subnet=2.subnet.id}")).toBe(
      'endorse any-user to associate compute-container-instances in compartment c of tenancy ske with subnets in tenancy where all {request.principal.subnet = 2.subnet.id}',
    );
  });

  it('prints every condition form', () => {
    const where = (cond: string): string => canon(`allow group g to read buckets in tenancy where ${cond}`).slice('allow group g to read buckets in tenancy where '.length);
    expect(where("request.utc-timestamp BEFORE '2022-01-01T00:00Z'")).toBe("request.utc-timestamp before '2022-01-01T00:00Z'");
    expect(where("request.utc-timestamp.time-of-day BETWEEN '17:00:00Z' AND '01:00:00Z'")).toBe(
      "request.utc-timestamp.time-of-day between '17:00:00Z' and '01:00:00Z'",
    );
    expect(where("ANY {request.utc-timestamp.month-of-year IN ('6','7')}")).toBe("any {request.utc-timestamp.month-of-year in ('6', '7')}");
    expect(where("Sets-Intersect(target.resource.tag.ns.k,('a','b'))")).toBe("sets-intersect(target.resource.tag.ns.k, ('a', 'b'))");
    expect(where("any( request.resource.type='a', request.resource.type='b')")).toBe("any(request.resource.type = 'a', request.resource.type = 'b')");
    expect(where('target.group.name=/A-*/')).toBe('target.group.name = /A-*/');
    expect(where('request.principal.id=target.agent.id')).toBe('request.principal.id = target.agent.id');
  });

  it('prints opaque parts exactly, including a group closed inside an interpolation', () => {
    const tail = '${length(local.x) > 0 ? ",${join(",", local.x)}}" : "}"}';
    expect(canon(`allow group \${join(",", local.g)} to manage groups in tenancy where all {target.group.name != 'Administrators' ${tail}`)).toBe(
      `allow group \${join(",", local.g)} to manage groups in tenancy where all {target.group.name != 'Administrators' ${tail}`,
    );
    expect(canon('Allow dynamic-group %v to {CLUSTER_JOIN} in compartment id %v where %v')).toBe(
      'allow dynamic-group %v to {CLUSTER_JOIN} in compartment id %v where %v',
    );
    expect(canon('Allow dynamic-group dg to use tag-namespaces in tenancy ${local.where}')).toBe('allow dynamic-group dg to use tag-namespaces in tenancy ${local.where}');
    expect(canon('Allow group <Remediation Group> to read buckets in <compartment-name>')).toBe('allow group <Remediation Group> to read buckets in <compartment-name>');
  });

  it('round-trips tricky statements', () => {
    for (const text of [
      'allow group id to read buckets in compartment id',
      "allow group 'group' to read buckets in compartment 'where'",
      "Allow group DayShift to manage instance-family where request.utc-timestamp.time-of-day between '17:00:00Z' and '01:00:00Z'",
      "allow group g to read buckets in tenancy where all {target.domain.name = 'd',${join(\",\", local.x)}}",
      'Allow resource loganalyticsvrp LogAnalyticsVirtualResource to {VCN_READ,SUBNET_READ} in ${local.scope}',
    ]) {
      roundTrips(text);
    }
  });
});

describe('stripSpans', () => {
  it('drops spans and undefined properties at every depth', () => {
    expect(stripSpans({ span: { start: 1, end: 2 }, a: [{ span: { start: 0, end: 0 }, b: 1, c: undefined }], d: null })).toEqual({ a: [{ b: 1 }], d: null });
  });
});
