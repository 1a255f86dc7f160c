/**
 * Credential detectors for literal configuration values (container `env[].value`, ConfigMap data):
 * by the variable's NAME (`DB_PASSWORD`) and by the value's CONTENT (an AWS key id, a PEM private
 * key, a JWT...). Detectors only classify; they never return or log the value itself.
 */

/** Why a value looks like a credential, as a noun phrase for messages ("a password"). */
export interface CredentialMatch {
  readonly by: 'name' | 'content';
  /** `a password`, `an AWS access key id`... */
  readonly kind: string;
}

/** Content patterns, most specific first. Each names what it found. */
const CONTENT: readonly (readonly [RegExp, string])[] = [
  [/-{3,}\s*BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?\s*-{3,}/, 'a private key'],
  [/(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])/, 'an AWS access key id'],
  [/(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/, 'a GitHub token'],
  [/(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/, 'a JSON Web Token'],
  [/(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/, 'a Google API key'],
  [/(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,}/, 'a Stripe secret key'],
];

/** `scheme://user:password@`: the password is group 1. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:([^\s/?#@]+)@/gi;
/** `password=...` / `pwd=...` inside an ADO.NET or libpq connection string: the value is group 1. */
const CONN_PASSWORD = /(?:^|[;\s?&])(?:password|pwd)\s*=\s*([^;\s&]+)/gi;

/** References and templates that stand for a value held elsewhere. */
const PLACEHOLDER = /\$\([^)]*\)|\$\{[^}]*\}|\{\{.*?\}\}|<[^<>]*>/;
const WHOLE_PLACEHOLDER = new RegExp(`^(?:${PLACEHOLDER.source}|\\*+)$`);

/** What the value's content is, when it holds a well-known kind of secret. */
export function secretContentKind(value: string): string | undefined {
  for (const [re, kind] of CONTENT) if (re.test(value)) return kind;
  for (const m of value.matchAll(URL_CREDENTIALS)) {
    if (!WHOLE_PLACEHOLDER.test(m[1] ?? '')) return 'a URL with an embedded password';
  }
  for (const m of value.matchAll(CONN_PASSWORD)) {
    if (!WHOLE_PLACEHOLDER.test(m[1] ?? '')) return 'a connection string with a password';
  }
  return undefined;
}

/** Single words that name a credential, by themselves or as a word's end (`DBPASSWORD`). */
const WORD_KINDS: readonly (readonly [RegExp, string])[] = [
  [/^(?:\w*password|\w*passwd|passwords|pwd)$/, 'a password'],
  [/^passphrase$/, 'a passphrase'],
  [/^\w*secrets?$/, 'a secret'],
  [/^\w*tokens?$/, 'a token'],
  [/^(?:apikeys?)$/, 'an API key'],
  [/^accesskeys?$/, 'an access key'],
  [/^privatekeys?$/, 'a private key'],
  [/^\w*credentials?$|^creds$/, 'a credential'],
  [/^(?:connstring|connectionstring|dsn)$/, 'a connection string'],
];

/** Words that name a credential only as the last word: `REDIS_AUTH`, `SMTP_PASS` (not `AUTH_PROVIDER`). */
const LAST_WORD_KINDS: ReadonlyMap<string, string> = new Map([['auth', 'a credential'], ['pass', 'a password'], ['pw', 'a password']]);

/** Words that, right before the credential word, make the name a count: `MAX_TOKENS`. */
const COUNTS = new Set(['max', 'min', 'num', 'number']);

/** `<qualifier>_KEY` pairs that name a secret key (a bare `KEY` does not: `SORT_KEY`, `CACHE_KEY`). */
const KEY_QUALIFIERS: ReadonlyMap<string, string> = new Map([
  ['api', 'an API key'], ['access', 'an access key'], ['private', 'a private key'], ['signing', 'a signing key'],
  ['encryption', 'an encryption key'], ['master', 'a master key'], ['account', 'an account key'],
  ['storage', 'a storage key'], ['batch', 'a batch key'], ['shared', 'a shared key'], ['hmac', 'an HMAC key'],
  ['auth', 'an auth key'],
]);

/**
 * Words that, after the credential word, make the name about the credential rather than the
 * credential itself: `TOKEN_TTL`, `PASSWORD_MIN_LENGTH`, `SECRET_NAME`, `API_KEY_FILE`.
 */
const NOT_THE_SECRET = new Set([
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port',
  'server', 'service', 'svc', 'addr', 'address', 'name', 'names', 'ref', 'location', 'mount', 'namespace',
  'ttl', 'lifetime', 'expiry', 'expires', 'expire', 'expiration', 'timeout', 'interval', 'period', 'duration',
  'second', 'seconds', 'secs', 'minute', 'minutes', 'mins', 'hour', 'hours', 'day', 'days', 'ms', 'per',
  'length', 'len', 'min', 'max', 'size', 'count', 'limit', 'enabled', 'enable', 'disabled', 'disable', 'required', 'type', 'mode', 'policy', 'header',
  'prefix', 'suffix', 'format', 'version', 'algorithm', 'alg', 'issuer', 'audience', 'scope', 'scopes',
  'provider', 'method', 'strategy', 'fingerprint', 'realm', 'user', 'username', 'email', 'regex', 'pattern',
  'complexity', 'strength', 'store', 'backend', 'level',
]);

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password` into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** What a variable name says it holds, or undefined when it does not name a credential. */
export function credentialNameKind(name: string): string | undefined {
  const w = words(name);
  let last = -1;
  let kind: string | undefined;
  w.forEach((word, i) => {
    const prev = w[i - 1];
    const found = WORD_KINDS.find(([re]) => re.test(word))?.[1]
      ?? (i === w.length - 1 ? LAST_WORD_KINDS.get(word) : undefined)
      ?? (word === 'key' && prev !== undefined ? KEY_QUALIFIERS.get(prev) : undefined)
      ?? (word === 'phrase' && prev === 'pass' ? 'a passphrase' : undefined)
      ?? (word === 'string' && (prev === 'conn' || prev === 'connection') ? 'a connection string' : undefined)
      ?? (word === 'content' && prev === 'key' ? 'a private key' : undefined);
    if (found) {
      last = i;
      kind = found;
    }
  });
  if (last < 0 || COUNTS.has(w[last - 1] ?? '') || w.slice(last + 1).some((word) => NOT_THE_SECRET.has(word))) return undefined;
  return kind;
}

/** Values a credential-sounding name may hold without being a credential. */
function harmlessValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || PLACEHOLDER.test(v)) return true;
  if (v.length < 6 && /^(?:true|false|yes|no|on|off|y|n|[+-]?\d+(?:\.\d+)?)$/i.test(v)) return true;
  // A file path (`GOOGLE_APPLICATION_CREDENTIALS=/var/run/key.json`, `PWD=/app`).
  return /^(?:\/|\.{1,2}\/|~\/)[\w.@+/-]*$/.test(v);
}

/** Whether an environment variable `name=value` looks like a literal credential, and why. */
export function envCredential(name: string, value: string): CredentialMatch | undefined {
  const content = secretContentKind(value);
  if (content) return { by: 'content', kind: content };
  const kind = credentialNameKind(name);
  if (kind && !harmlessValue(value)) return { by: 'name', kind };
  return undefined;
}
