/**
 * Container image reference parsing, following distribution/reference's `ParseNormalizedNamed`
 * (the rules docker, containerd and the kubelet apply). A hand-written, linear-time scanner so
 * every failure can point at the first offending character.
 *
 *   reference := [domain '/'] path [':' tag] ['@' digest]
 *
 * The first path component is a registry only when it contains '.' or ':', is `localhost`,
 * or contains an upper-case letter (repository paths must be lower-case).
 */

/** A parsed, syntactically valid image reference. */
export interface ImageRef {
  readonly raw: string;
  /** Registry host as written ('' when implicit). */
  readonly registry: string;
  /** Registry after normalisation: implicit → 'docker.io'; 'index.docker.io' → 'docker.io'. */
  readonly normalizedRegistry: string;
  /** Repository path as written (e.g. 'nginx', 'acme/api', 'a/b/c'). */
  readonly repository: string;
  /** Docker Hub single-component names get 'library/' prefix here. */
  readonly normalizedRepository: string;
  readonly tag?: string;
  /** Full digest, e.g. 'sha256:…'. */
  readonly digest?: string;
  /** Offsets (UTF-16, half-open, relative to the start of `raw`) of parts, so rules can point at the tag or digest. */
  readonly spans: {
    readonly registry?: [number, number];
    readonly repository: [number, number];
    readonly tag?: [number, number];
    readonly digest?: [number, number];
  };
}

/** Outcome of {@link parseImageRef}; `reason` is a short lower-case phrase, `offset` the first offending character. */
export type ImageRefResult =
  | { readonly ok: true; readonly ref: ImageRef }
  | { readonly ok: false; readonly reason: string; readonly offset: number };

type Failure = Extract<ImageRefResult, { ok: false }>;

const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
/** distribution's RepositoryNameTotalLengthMax, applied to the normalised path. */
const MAX_REPOSITORY_LENGTH = 255;
const MAX_TAG_LENGTH = 128;
/** Algorithms go-digest supports, with their hex lengths; anything else is rejected by the runtimes. */
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([['sha256', 64], ['sha384', 96], ['sha512', 128]]);

const isLowerAlnum = (c: string | undefined): boolean => c !== undefined && /^[a-z0-9]$/.test(c);
const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isWord = (c: string | undefined): boolean => c !== undefined && /^\w$/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

function fail(reason: string, offset: number): Failure {
  return { ok: false, reason, offset };
}

/** `invalid character "x" in <where>`, with whitespace called out as such. */
function badChar(raw: string, at: number, where: string): Failure {
  const c = raw.charAt(at);
  return fail(/\s/.test(c) ? `contains whitespace` : `invalid character ${JSON.stringify(c)} in ${where}`, at);
}

/** Validates `raw[start, end)` as `host[:port]`; returns a failure or undefined. */
function checkRegistry(raw: string, start: number, end: number): Failure | undefined {
  let p = start;
  if (raw[p] === '[') {
    const close = raw.indexOf(']', p);
    if (close < 0 || close >= end) return fail('unterminated ipv6 address in registry', p);
    for (let i = p + 1; i < close; i++) {
      if (!isHex(raw[i]) && raw[i] !== ':') return badChar(raw, i, 'ipv6 registry address');
    }
    if (close === p + 1) return fail('empty ipv6 address in registry', close);
    p = close + 1;
    if (p < end && raw[p] !== ':') return badChar(raw, p, 'registry');
  } else {
    for (;;) {
      const cs = p;
      while (p < end && (isAlnum(raw[p]) || raw[p] === '-')) p++;
      if (p === cs) return p >= end || raw[p] === '.' || raw[p] === ':' ? fail('empty registry host component', p) : badChar(raw, p, 'registry host');
      if (raw[cs] === '-') return fail('registry host component must not start with a hyphen', cs);
      if (raw[p - 1] === '-') return fail('registry host component must not end with a hyphen', p - 1);
      if (p >= end || raw[p] === ':') break;
      if (raw[p] !== '.') return badChar(raw, p, 'registry host');
      p++;
    }
  }
  if (p >= end) return undefined;
  p++; // the ':' before the port
  if (p >= end) return fail('empty registry port', p - 1);
  for (; p < end; p++) if (!isDigit(raw[p])) return fail('registry port must be numeric', p);
  return undefined;
}

/** Scans the repository path from `start`; returns its end (at ':', '@' or end of input) or a failure. */
function scanPath(raw: string, start: number, end: number): number | Failure {
  let p = start;
  for (;;) {
    const cs = p;
    if (p >= end || raw[p] === '/' || raw[p] === ':') return fail(p === start ? 'missing repository name' : 'empty path component', p);
    while (p < end) {
      const c = raw[p];
      if (isLowerAlnum(c)) {
        p++;
      } else if (c === '.' || c === '_' || c === '-') {
        if (p === cs) return fail('path component must start with a lowercase letter or digit', p);
        const ss = p;
        while (p < end && (raw[p] === '.' || raw[p] === '_' || raw[p] === '-')) p++;
        const sep = raw.slice(ss, p);
        if (sep !== '.' && sep !== '_' && sep !== '__' && !/^-+$/.test(sep)) return fail(`invalid separator ${JSON.stringify(sep)} in repository name`, ss);
        if (p >= end || raw[p] === '/' || raw[p] === ':') return fail('path component must end with a lowercase letter or digit', ss);
      } else if (c !== undefined && c >= 'A' && c <= 'Z') {
        return fail('repository name must be lowercase', p);
      } else {
        break;
      }
    }
    if (p >= end || raw[p] === ':') return p;
    if (raw[p] !== '/') return badChar(raw, p, 'repository name');
    p++;
  }
}

/** Validates the digest `raw[start..]` (after '@'); returns a failure or undefined. */
function checkDigest(raw: string, start: number): Failure | undefined {
  const end = raw.length;
  if (start >= end) return fail('empty digest', start - 1);
  let p = start;
  for (;;) {
    if (!isAlpha(raw[p])) return p >= end ? fail('digest must have the form algorithm:hex', start) : badChar(raw, p, 'digest algorithm');
    p++;
    while (isAlnum(raw[p])) p++;
    const c = raw[p];
    if (c !== '-' && c !== '_' && c !== '+' && c !== '.') break;
    p++;
  }
  if (p >= end) return fail('digest must have the form algorithm:hex', start);
  if (raw[p] !== ':') return badChar(raw, p, 'digest algorithm');
  const algorithm = raw.slice(start, p);
  const hs = ++p;
  while (isHex(raw[p])) p++;
  if (p < end) return badChar(raw, p, 'digest');
  const expected = DIGEST_HEX_LENGTH.get(algorithm);
  if (expected === undefined) return fail(`unsupported digest algorithm ${JSON.stringify(algorithm)}`, start);
  const len = end - hs;
  if (len !== expected) return fail(`${algorithm} digest must be ${expected} hex characters`, len > expected ? hs + expected : len === 0 ? hs - 1 : hs);
  const upper = raw.slice(hs).search(/[A-F]/);
  return upper >= 0 ? fail('digest must be lowercase hex', hs + upper) : undefined;
}

/**
 * Parses a container image reference the way distribution/reference's `ParseNormalizedNamed`
 * does, without trimming or expanding anything. Never throws; runs in linear time.
 */
export function parseImageRef(raw: string): ImageRefResult {
  if (raw.length === 0) return fail('empty reference', 0);
  if (/^\s/.test(raw)) return fail('leading whitespace', 0);
  const trimmedEnd = raw.trimEnd().length;
  if (trimmedEnd < raw.length) return fail('trailing whitespace', trimmedEnd);
  const template = /\{\{|\$[({A-Za-z_]/.exec(raw);
  if (template) return fail('contains an unexpanded template placeholder', template.index);
  if (/^[a-f0-9]{64}$/.test(raw)) return fail('a 64-character hex image id is not a repository name', 0);

  const at = raw.indexOf('@');
  const nameEnd = at < 0 ? raw.length : at;
  const slash = raw.indexOf('/');
  let registry = '';
  if (slash >= 0 && slash < nameEnd) {
    const first = raw.slice(0, slash);
    if (first === 'localhost' || /[.:]/.test(first) || first !== first.toLowerCase()) {
      const bad = checkRegistry(raw, 0, slash);
      if (bad) return bad;
      registry = first;
    }
  }
  const repoStart = registry ? slash + 1 : 0;
  const repoEnd = scanPath(raw, repoStart, nameEnd);
  if (typeof repoEnd !== 'number') return repoEnd;
  const repository = raw.slice(repoStart, repoEnd);
  const normalizedRegistry = registry === '' || registry === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : registry;
  const prefix = normalizedRegistry === DEFAULT_REGISTRY && !repository.includes('/') ? OFFICIAL_PREFIX : '';
  if (prefix.length + repository.length > MAX_REPOSITORY_LENGTH) {
    return fail(`repository name must not be more than ${MAX_REPOSITORY_LENGTH} characters`, repoStart + Math.max(0, MAX_REPOSITORY_LENGTH - prefix.length));
  }

  let tag: string | undefined;
  if (repoEnd < nameEnd) {
    const ts = repoEnd + 1;
    if (ts >= nameEnd) return fail('empty tag', repoEnd);
    if (!isWord(raw[ts])) return raw[ts] === '.' || raw[ts] === '-' ? fail('tag must start with a letter, digit or underscore', ts) : badChar(raw, ts, 'tag');
    for (let i = ts + 1; i < nameEnd; i++) {
      if (!isWord(raw[i]) && raw[i] !== '.' && raw[i] !== '-') return badChar(raw, i, 'tag');
    }
    if (nameEnd - ts > MAX_TAG_LENGTH) return fail(`tag must not be more than ${MAX_TAG_LENGTH} characters`, ts + MAX_TAG_LENGTH);
    tag = raw.slice(ts, nameEnd);
  }
  if (at >= 0) {
    const bad = checkDigest(raw, at + 1);
    if (bad) return bad;
  }

  const spans: { -readonly [K in keyof ImageRef['spans']]: ImageRef['spans'][K] } = { repository: [repoStart, repoEnd] };
  if (registry) spans.registry = [0, slash];
  if (tag !== undefined) spans.tag = [repoEnd + 1, nameEnd];
  if (at >= 0) spans.digest = [at + 1, raw.length];
  const ref: ImageRef = {
    raw,
    registry,
    normalizedRegistry,
    repository,
    normalizedRepository: prefix + repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(at >= 0 ? { digest: raw.slice(at + 1) } : {}),
    spans,
  };
  return { ok: true, ref };
}

function normalizeRegistryForMatch(registry: string): string {
  const lower = registry.toLowerCase();
  return lower === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : lower;
}

/**
 * Whether `ref` lives under one of `prefixes` ('iad.ocir.io/acme', 'docker.io/library', 'ghcr.io').
 * The first component of a prefix is always its registry (compared case-insensitively, with
 * 'index.docker.io' meaning 'docker.io'); the rest must equal the leading whole components of
 * `normalizedRepository` (case-sensitively). A bare registry matches everything on it. No
 * 'library/' is added to prefixes: 'docker.io/nginx' does not match 'nginx'.
 */
export function isFromRegistry(ref: ImageRef, prefixes: readonly string[]): boolean {
  const registry = normalizeRegistryForMatch(ref.normalizedRegistry);
  const path = ref.normalizedRepository.split('/');
  return prefixes.some((prefix) => {
    const [head, ...rest] = prefix.trim().split('/').filter((part) => part.length > 0);
    if (head === undefined || normalizeRegistryForMatch(head) !== registry) return false;
    return rest.length <= path.length && rest.every((part, i) => part === path[i]);
  });
}
