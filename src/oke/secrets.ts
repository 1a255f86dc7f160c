/**
 * Credential-like literals in node-pool metadata. Node metadata is served to every process on
 * the node by the instance metadata service, so a secret there is readable by any pod that can
 * reach 169.254.169.254. Entries are judged like environment variables (by name and by content);
 * `user_data` (cloud-init, usually base64) is decoded and read line by line. Only the kind of
 * secret and where it is are returned, never the value.
 */
import { envCredential, secretContentKind } from '../k8s/credentials.js';

export interface MetadataSecret {
  /** `a password`, `a private key`... */
  readonly kind: string;
  /** Where in the entry: '' for the value itself, ` (line 4 of user_data, PASSWORD)` for cloud-init. */
  readonly where: string;
  /** The secret's `[start, end)` in the value as written (not when it was base64-decoded). */
  readonly range?: readonly [number, number];
}

/** An OCI resource identifier: it names a secret, it is not one (`db_password_secret = "ocid1.vaultsecret..."`). */
const OCID = /^ocid1\.[a-z0-9]+\.[a-z0-9-]*\.[a-z0-9-]*\.[a-z0-9]+$/;

/** `key: value` at the start of a line (YAML, cloud-init): the key is group 2, the value group 3. */
const KEY_VALUE = /^(\s*(?:-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*:\s+)(.*?)\s*(?:\s#.*)?$/;
/** `NAME=value` anywhere in a line (`export`, `echo "A=b"`, `env A=b cmd`): name, then a quoted or bare value. */
const SHELL_ASSIGNMENT = /(?<![\w.-])([A-Za-z_][\w.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"';&|>)]+))/g;

/** The credential an entry of node metadata holds, if it looks like one. */
export function metadataSecret(key: string, value: string): MetadataSecret | undefined {
  if (key.replace(/[-_]/g, '').toLowerCase() !== 'userdata') {
    const m = envCredential(key, value);
    return m && !(m.by === 'name' && OCID.test(value.trim())) ? { kind: m.kind, where: '' } : undefined;
  }
  const { text, encoded } = decodeBase64(value);
  const lines = text.split('\n');
  let lineStart = 0;
  for (let i = 0; i < lines.length; lineStart += (lines[i] ?? '').length + 1, i++) {
    const line = lines[i] ?? '';
    const found = (kind: string, from: number, length: number, variable?: string): MetadataSecret => ({
      kind,
      where: ` (line ${i + 1} of the${encoded ? ' decoded' : ''} user_data${variable ? `, ${variable}` : ''})`,
      ...(!encoded && { range: [lineStart + from, lineStart + from + length] as const }),
    });
    const content = secretContentKind(line);
    if (content) return found(content, line.length - line.trimStart().length, line.trim().length);
    for (const a of assignments(line)) {
      const m = envCredential(a.name, a.value);
      if (m && !OCID.test(a.value)) return found(m.kind, a.at, a.value.length, a.name);
    }
  }
  return undefined;
}

/** The `name = value` pairs of one line of user data, with the value's index in the line. */
function assignments(line: string): { name: string; value: string; at: number }[] {
  const out: { name: string; value: string; at: number }[] = [];
  const kv = KEY_VALUE.exec(line);
  if (kv?.[2]) {
    const raw = kv[3] ?? '';
    const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0]);
    out.push({ name: kv[2], value: quoted ? raw.slice(1, -1) : raw, at: (kv[1] ?? '').length + (quoted ? 1 : 0) });
  }
  for (const m of line.matchAll(SHELL_ASSIGNMENT)) {
    const name = m[1] ?? '';
    const quoted = m[2] ?? m[3];
    const value = quoted ?? m[4] ?? '';
    out.push({ name, value, at: (m.index ?? 0) + name.length + 1 + (quoted === undefined ? 0 : 1) });
  }
  return out;
}

/** The text behind base64 user data (OCI requires it encoded), or the value as written. */
export function decodeBase64(value: string): { text: string; encoded: boolean } {
  const compact = value.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return { text: value, encoded: false };
  const text = Buffer.from(compact, 'base64').toString('utf8');
  const chars = [...text];
  const printable = chars.filter((ch) => ch === '\n' || ch === '\t' || ch === '\r' || (ch >= ' ' && ch !== '\u007f' && ch !== '\ufffd')).length;
  return printable >= chars.length * 0.95 ? { text, encoded: true } : { text: value, encoded: false };
}
