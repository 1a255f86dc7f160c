/**
 * The grant part of a statement: verb or `{PERMISSION, ...}` list, resource type, and location
 * (`tenancy [alias]`, `any-tenancy`, `compartment a:b:c`, `compartment id <ocid>`, or opaque).
 */
import type { Action, Location, Name, ResourceType } from './ast.js';
import { VERBS } from './ast.js';
import { quote, shorten, type Cursor } from './parse-cursor.js';
import { atName, parseName, parseOfTenancy } from './parse-subjects.js';
import { isKnownResourceType } from './resource-types.js';

const VERB_WHAT = "a verb (inspect, read, use, manage) or '{'";
const RESOURCE_WHAT = 'a resource type (e.g. all-resources, instance-family, buckets)';
const LOCATION_WHAT = 'a location (tenancy, compartment <name>, compartment id <ocid>, any-tenancy)';
const RESOURCE_STOP = new Set(['in', 'where', 'to', 'with']);

/** What the location parser may accept in this statement. */
export interface LocationContext {
  /** `tenancy <alias>` (Endorse, Admit, association statements). */
  readonly alias: boolean;
  /** `compartment c of tenancy <alias>` (association statements). */
  readonly ofTenancy: boolean;
  /** Statement keyword, for the `any-tenancy` check. */
  readonly keyword: 'allow' | 'endorse' | 'admit';
}

function parsePermissions(c: Cursor): Action {
  const start = c.next().start;
  const items: Name[] = [];
  for (;;) {
    const item = parseName(c, 'a permission name');
    if (item.unresolved) {
      c.hidden('permission', item.span, item.value, `the permission '${shorten(item.value)}' is not known and was not checked`);
    }
    items.push(item);
    if (c.isPunct('}')) break;
    if (!c.isPunct(',')) c.fail(["','", "'}'"], "',' or '}'");
    c.next();
  }
  c.next();
  return { kind: 'permissions', span: c.span(start, c.lastEnd), items };
}

/** The verb or permission list after `to`. */
export function parseAction(c: Cursor): Action {
  if (c.isPunct('{')) return parsePermissions(c);
  const tok = c.tok;
  const verb = VERBS.find((v) => c.isWord(v));
  if (verb === undefined) return c.fail([...VERBS, "'{'"], VERB_WHAT);
  c.next();
  return { kind: 'verb', span: c.spanOf(tok), verb };
}

export function parseResource(c: Cursor): ResourceType {
  const tok = c.tok;
  if (tok.kind !== 'word' || (!tok.unresolved && RESOURCE_STOP.has(tok.lower))) c.fail([RESOURCE_WHAT], RESOURCE_WHAT);
  c.next();
  const span = c.spanOf(tok);
  if (tok.unresolved) {
    c.hidden('resource', span, tok.text, `the resource type '${shorten(tok.text)}' is not known; what the grant covers was not checked`);
    return { span, name: tok.text, unresolved: true };
  }
  if (!isKnownResourceType(tok.lower)) {
    c.note('unknown-resource-type', span, `'${shorten(tok.text)}' is not a known resource type or family`);
  }
  if (c.isPunct(',')) {
    c.failHere(`a statement takes a single resource type; expected 'in' after ${quote(tok)}, found ','`, ['in']);
  }
  return { span, name: tok.lower };
}

function hideLocationName(c: Cursor, name: Name, what: string): void {
  if (name.unresolved) {
    c.hidden('location', name.span, name.value, `the ${what} '${shorten(name.value)}' is not known; the scope of the grant was not checked`);
  }
}

function parseCompartment(c: Cursor, ctx: LocationContext): Location {
  const start = c.next().start;
  let loc: Location;
  if (c.isWord('id') && atName(c, c.peek())) {
    c.next();
    const id = parseName(c, 'a compartment OCID');
    hideLocationName(c, id, 'compartment OCID');
    loc = { kind: 'compartment-id', span: c.span(start, c.lastEnd), id };
  } else {
    const path: Name[] = [parseName(c, 'a compartment name or path')];
    while (c.isPunct(':')) {
      c.next();
      path.push(parseName(c, 'a compartment name'));
    }
    for (const n of path) hideLocationName(c, n, 'compartment');
    loc = { kind: 'compartment', span: c.span(start, c.lastEnd), path };
  }
  if (ctx.ofTenancy && c.isWord('of')) {
    const ofTenancy = parseOfTenancy(c);
    return { ...loc, span: c.span(start, c.lastEnd), ofTenancy };
  }
  return loc;
}

/** The location after `in`. */
export function parseLocation(c: Cursor, ctx: LocationContext): Location {
  const tok = c.tok;
  if (c.isWord('tenancy')) {
    c.next();
    if (ctx.alias && atName(c)) {
      const alias = parseName(c, 'a tenancy alias');
      if (alias.unresolved) {
        c.hidden('tenancy-alias', alias.span, alias.value, `the tenancy alias '${shorten(alias.value)}' is not known; which tenancy is trusted was not checked`);
      }
      return { kind: 'tenancy', span: c.span(tok.start, c.lastEnd), alias };
    }
    return { kind: 'tenancy', span: c.spanOf(tok) };
  }
  if (c.isWord('any-tenancy')) {
    c.next();
    const span = c.spanOf(tok);
    if (ctx.keyword !== 'endorse') {
      c.note('any-tenancy-outside-endorse', span, `'any-tenancy' is documented for Endorse statements only`);
    }
    return { kind: 'any-tenancy', span };
  }
  if (c.isWord('compartment')) return parseCompartment(c, ctx);
  if (c.isOpaque()) {
    c.next();
    const span = c.spanOf(tok);
    c.hidden('location', span, tok.text, `the location '${shorten(tok.text)}' is not known; the scope of the grant was not checked`);
    return { kind: 'unresolved', span, text: tok.text };
  }
  return c.fail(['tenancy', 'compartment', 'any-tenancy'], LOCATION_WHAT);
}
