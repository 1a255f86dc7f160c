/**
 * Canonical printer: AST → statement text. Keywords, verbs, resource types and operators are
 * lower-case, parts are separated by single spaces, lists by `, `, names are quoted when the AST
 * says they were (or when they could not be read back otherwise), and opaque parts are printed
 * as written. For any parsed statement `parse(print(ast))` gives the same AST modulo spans
 * (compare with `stripSpans`).
 */
import type {
  Action,
  Condition,
  Location,
  Name,
  OfTenancy,
  Statement,
  Subject,
  Value,
  ValueList,
  WhereClause,
} from './ast.js';
import { lexAt } from './lexer.js';

/** Words that end a name list: an unquoted name never takes them. */
const RESERVED = new Set(['to', 'of', 'in', 'where', 'as', 'with']);

/** A value that reads back as one unquoted, resolved word. */
function isPlainWord(value: string): boolean {
  if (value.length === 0 || RESERVED.has(value.toLowerCase())) return false;
  const tok = lexAt(value, 0);
  return tok.kind === 'word' && tok.start === 0 && tok.end === value.length && !tok.unresolved;
}

function printSimpleName(name: Name): string {
  if (name.unresolved && !name.quoted) return name.value;
  return name.quoted || !isPlainWord(name.value) ? `'${name.value}'` : name.value;
}

export function printName(name: Name): string {
  if (name.ocid) return `id ${printSimpleName(name)}`;
  if (name.domain) return `${printSimpleName(name.domain)}/${printSimpleName(name)}`;
  return printSimpleName(name);
}

export function printSubject(subject: Subject): string {
  switch (subject.kind) {
    case 'any-user':
    case 'any-group':
      return subject.kind;
    case 'unresolved':
      return subject.text;
    case 'resource':
      return `resource ${printSimpleName(subject.resourceType)} ${subject.names.map(printName).join(', ')}`;
    default:
      return `${subject.kind} ${subject.names.map(printName).join(', ')}`;
  }
}

function printOfTenancy(of: OfTenancy | undefined): string {
  return of ? ` of tenancy ${printSimpleName(of.alias)}` : '';
}

export function printAction(action: Action): string {
  return action.kind === 'verb' ? action.verb : `{${action.items.map(printSimpleName).join(', ')}}`;
}

export function printLocation(loc: Location): string {
  switch (loc.kind) {
    case 'tenancy':
      return loc.alias ? `tenancy ${printSimpleName(loc.alias)}` : 'tenancy';
    case 'any-tenancy':
      return 'any-tenancy';
    case 'compartment':
      return `compartment ${loc.path.map(printSimpleName).join(':')}${printOfTenancy(loc.ofTenancy)}`;
    case 'compartment-id':
      return `compartment id ${printSimpleName(loc.id)}${printOfTenancy(loc.ofTenancy)}`;
    case 'unresolved':
      return loc.text;
  }
}

export function printValue(value: Value | ValueList): string {
  switch (value.kind) {
    case 'string':
      return `'${value.value}'`;
    case 'pattern':
      return `/${value.value}/`;
    case 'variable':
      return value.path;
    case 'bare':
      return value.value;
    case 'list':
      return `(${value.items.map(printValue).join(', ')})`;
  }
}

export function printCondition(cond: Condition): string {
  switch (cond.kind) {
    case 'comparison': {
      const left = cond.left.path;
      const [a, b] = cond.right;
      if (cond.op === 'in') return `${left} in (${cond.right.map(printValue).join(', ')})`;
      if (cond.op === 'between' && a && b) return `${left} between ${printValue(a)} and ${printValue(b)}`;
      return `${left} ${cond.op} ${a ? printValue(a) : ''}`;
    }
    case 'call':
      return `${cond.name}(${cond.args.map(printValue).join(', ')})`;
    case 'unresolved':
      return cond.text;
    case 'group': {
      let body = '';
      cond.children.forEach((child, i) => {
        const sep = i === 0 ? '' : child.kind === 'unresolved' && child.glued ? ' ' : ', ';
        body += sep + printCondition(child);
      });
      const [open, close] = cond.parens ? ['(', ')'] : [' {', '}'];
      return `${cond.op}${open}${body}${cond.unterminated ? '' : close}`;
    }
  }
}

export function printWhere(where: WhereClause): string {
  const cond = printCondition(where.condition);
  return where.keyword ? `where ${cond}` : cond;
}

function tail(location: Location | undefined, where: WhereClause | undefined): string {
  return `${location ? ` in ${printLocation(location)}` : ''}${where ? ` ${printWhere(where)}` : ''}`;
}

/** Canonical text of a statement. */
export function printStatement(stmt: Statement): string {
  switch (stmt.kind) {
    case 'define':
      return `define ${stmt.target} ${printSimpleName(stmt.alias)} as ${printSimpleName(stmt.ocid)}`;
    case 'associate':
      return (
        `${stmt.keyword} ${printSubject(stmt.subject)}${printOfTenancy(stmt.ofTenancy)} to associate ` +
        `${stmt.resource.name} in ${printLocation(stmt.location)} with ${stmt.withResource.name}${tail(stmt.withLocation, stmt.where)}`
      );
    default: {
      const of = stmt.kind === 'admit' ? printOfTenancy(stmt.ofTenancy) : '';
      const resource = stmt.resource ? ` ${stmt.resource.name}` : '';
      return `${stmt.kind} ${printSubject(stmt.subject)}${of} to ${printAction(stmt.action)}${resource}${tail(stmt.location, stmt.where)}`;
    }
  }
}

/** A deep copy without `span` keys or undefined properties: the shape round-trip tests compare. */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'span' || value === undefined) continue;
    out[key] = stripSpans(value);
  }
  return out;
}
