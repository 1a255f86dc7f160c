import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFromRegistry, parseImageRef, type ImageRef } from '../../src/k8s/image-ref.js';

const SHA256 = 'sha256:' + 'a1'.repeat(32);
const SHA512 = 'sha512:' + '0f'.repeat(64);

function ok(raw: string): ImageRef {
  const r = parseImageRef(raw);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got: ${r.reason} @${r.offset}`);
  return r.ref;
}

function bad(raw: string): { reason: string; offset: number } {
  const r = parseImageRef(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return { reason: r.reason, offset: r.offset };
}

/** The text each span covers, for compact assertions. */
function spanText(ref: ImageRef): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ref.spans)) if (v) out[k] = ref.raw.slice(v[0], v[1]);
  return out;
}

describe('parseImageRef: valid references', () => {
  it.each([
    // raw, registry, normalizedRegistry, repository, normalizedRepository, tag, digest
    ['nginx', '', 'docker.io', 'nginx', 'library/nginx', undefined, undefined],
    ['nginx:1.25', '', 'docker.io', 'nginx', 'library/nginx', '1.25', undefined],
    ['nginx:latest', '', 'docker.io', 'nginx', 'library/nginx', 'latest', undefined],
    ['library/nginx', '', 'docker.io', 'library/nginx', 'library/nginx', undefined, undefined],
    ['acme/api', '', 'docker.io', 'acme/api', 'acme/api', undefined, undefined],
    ['docker.io/library/nginx:1.2', 'docker.io', 'docker.io', 'library/nginx', 'library/nginx', '1.2', undefined],
    ['docker.io/nginx', 'docker.io', 'docker.io', 'nginx', 'library/nginx', undefined, undefined],
    ['index.docker.io/nginx', 'index.docker.io', 'docker.io', 'nginx', 'library/nginx', undefined, undefined],
    ['localhost/app', 'localhost', 'localhost', 'app', 'app', undefined, undefined],
    ['localhost:5000/app:dev', 'localhost:5000', 'localhost:5000', 'app', 'app', 'dev', undefined],
    ['localhost', '', 'docker.io', 'localhost', 'library/localhost', undefined, undefined],
    ['localhost:5000', '', 'docker.io', 'localhost', 'library/localhost', '5000', undefined],
    ['registry.example.com:5000/team/app:1.0', 'registry.example.com:5000', 'registry.example.com:5000', 'team/app', 'team/app', '1.0', undefined],
    ['[::1]:5000/app', '[::1]:5000', '[::1]:5000', 'app', 'app', undefined, undefined],
    ['[2001:db8::1]/app', '[2001:db8::1]', '[2001:db8::1]', 'app', 'app', undefined, undefined],
    ['10.0.0.1:5000/app', '10.0.0.1:5000', '10.0.0.1:5000', 'app', 'app', undefined, undefined],
    ['iad.ocir.io/tenancy/repo/app:1.0', 'iad.ocir.io', 'iad.ocir.io', 'tenancy/repo/app', 'tenancy/repo/app', '1.0', undefined],
    [`ghcr.io/org/app@${SHA256}`, 'ghcr.io', 'ghcr.io', 'org/app', 'org/app', undefined, SHA256],
    [`app:1.0@${SHA256}`, '', 'docker.io', 'app', 'library/app', '1.0', SHA256],
    [`app@${SHA512}`, '', 'docker.io', 'app', 'library/app', undefined, SHA512],
    ['Registry.Example.com/app', 'Registry.Example.com', 'Registry.Example.com', 'app', 'app', undefined, undefined],
    ['Acme/app', 'Acme', 'Acme', 'app', 'app', undefined, undefined],
    ['my-registry.io/a.b/c_d/e__f/g---h:_V1.0-rc.1', 'my-registry.io', 'my-registry.io', 'a.b/c_d/e__f/g---h', 'a.b/c_d/e__f/g---h', '_V1.0-rc.1', undefined],
  ])('%s', (raw, registry, normalizedRegistry, repository, normalizedRepository, tag, digest) => {
    const ref = ok(raw);
    expect(ref.raw).toBe(raw);
    expect(ref.registry).toBe(registry);
    expect(ref.normalizedRegistry).toBe(normalizedRegistry);
    expect(ref.repository).toBe(repository);
    expect(ref.normalizedRepository).toBe(normalizedRepository);
    expect(ref.tag).toBe(tag);
    expect(ref.digest).toBe(digest);
    expect('tag' in ref).toBe(tag !== undefined);
    expect('digest' in ref).toBe(digest !== undefined);
  });

  it('reports spans for every part', () => {
    expect(spanText(ok('nginx'))).toEqual({ repository: 'nginx' });
    expect(spanText(ok('localhost:5000/app:dev'))).toEqual({ registry: 'localhost:5000', repository: 'app', tag: 'dev' });
    expect(spanText(ok(`iad.ocir.io/t/app:1.0@${SHA256}`))).toEqual({ registry: 'iad.ocir.io', repository: 't/app', tag: '1.0', digest: SHA256 });
    expect(ok(`ghcr.io/org/app@${SHA256}`).spans).toEqual({ registry: [0, 7], repository: [8, 15], digest: [16, 16 + SHA256.length] });
  });

  it('accepts the longest tag and repository distribution allows', () => {
    expect(ok('app:' + 'x'.repeat(128)).tag).toHaveLength(128);
    expect(ok('a/' + 'b'.repeat(253)).repository).toHaveLength(255);
    expect(ok('ghcr.io/' + 'b'.repeat(255)).repository).toHaveLength(255);
  });
});

describe('parseImageRef: invalid references', () => {
  it.each([
    ['', 'empty reference', 0],
    [' nginx', 'leading whitespace', 0],
    ['\tnginx', 'leading whitespace', 0],
    ['nginx:1.25 ', 'trailing whitespace', 10],
    ['nginx\n', 'trailing whitespace', 5],
    ['ngi nx', 'contains whitespace', 3],
    ['Nginx', 'repository name must be lowercase', 0],
    ['acme/Api', 'repository name must be lowercase', 5],
    ['nginx:', 'empty tag', 5],
    [`nginx:@${SHA256}`, 'empty tag', 5],
    ['nginx:.1', 'tag must start with a letter, digit or underscore', 6],
    ['nginx:1:2', 'invalid character ":" in tag', 7],
    ['nginx:1+2', 'invalid character "+" in tag', 7],
    ['nginx:' + 'x'.repeat(129), 'tag must not be more than 128 characters', 6 + 128],
    ['nginx@sha256:abc', 'sha256 digest must be 64 hex characters', 13],
    ['nginx@sha256:' + 'a'.repeat(65), 'sha256 digest must be 64 hex characters', 13 + 64],
    ['nginx@sha512:' + 'a'.repeat(64), 'sha512 digest must be 128 hex characters', 13],
    ['nginx@sha256:', 'sha256 digest must be 64 hex characters', 12],
    ['nginx@sha256:' + 'A'.repeat(64), 'digest must be lowercase hex', 13],
    ['nginx@md5:' + 'a'.repeat(32), 'unsupported digest algorithm "md5"', 6],
    ['nginx@sha256+b64:' + 'a'.repeat(64), 'unsupported digest algorithm "sha256+b64"', 6],
    ['nginx@', 'empty digest', 5],
    ['nginx@sha256', 'digest must have the form algorithm:hex', 6],
    ['nginx@1sha:' + 'a'.repeat(64), 'invalid character "1" in digest algorithm', 6],
    ['nginx@sha256:' + 'g'.repeat(64), 'invalid character "g" in digest', 13],
    [`nginx@${SHA256}@${SHA256}`, 'invalid character "@" in digest', 6 + SHA256.length],
    ['a//b', 'empty path component', 2],
    ['a/', 'empty path component', 2],
    ['docker.io/', 'missing repository name', 10],
    [':1.0', 'missing repository name', 0],
    [`@${SHA256}`, 'missing repository name', 0],
    ['-leading-dash', 'path component must start with a lowercase letter or digit', 0],
    ['acme/_app', 'path component must start with a lowercase letter or digit', 5],
    ['app-', 'path component must end with a lowercase letter or digit', 3],
    ['acme/app./x', 'path component must end with a lowercase letter or digit', 8],
    ['app./x', 'empty registry host component', 4],
    ['a..b', 'invalid separator ".." in repository name', 1],
    ['a___b', 'invalid separator "___" in repository name', 1],
    ['a.-b', 'invalid separator ".-" in repository name', 1],
    ['acme/app!', 'invalid character "!" in repository name', 8],
    ['café', 'invalid character "é" in repository name', 3],
    ['my.registry:abc/app', 'registry port must be numeric', 12],
    ['my.registry:/app', 'empty registry port', 11],
    ['my..registry/app', 'empty registry host component', 3],
    ['-reg.io/app', 'registry host component must not start with a hyphen', 0],
    ['reg-.io/app', 'registry host component must not end with a hyphen', 3],
    ['reg_x.io/app', 'invalid character "_" in registry host', 3],
    ['[::1/app', 'unterminated ipv6 address in registry', 0],
    ['[::g]/app', 'invalid character "g" in ipv6 registry address', 3],
    ['[]:5000/app', 'empty ipv6 address in registry', 1],
    ['[::1]x:5000/app', 'invalid character "x" in registry', 5],
    ['::1/app', 'empty registry host component', 0],
    ['f'.repeat(64), 'a 64-character hex image id is not a repository name', 0],
    ['n'.repeat(248), 'repository name must not be more than 255 characters', 247],
    ['a/' + 'b'.repeat(254), 'repository name must not be more than 255 characters', 255],
    ['$(IMAGE)', 'contains an unexpanded template placeholder', 0],
    ['${REGISTRY}/app:{{ .Values.tag }}', 'contains an unexpanded template placeholder', 0],
    ['ghcr.io/acme/app:{{ .Values.tag }}', 'contains an unexpanded template placeholder', 17],
    ['$IMAGE', 'contains an unexpanded template placeholder', 0],
    ['repo/app:${TAG}', 'contains an unexpanded template placeholder', 9],
  ])('%j', (raw, reason, offset) => {
    expect(bad(raw)).toEqual({ reason, offset });
  });

  it('rejects uppercase anywhere in the path, even after a registry', () => {
    expect(bad('ghcr.io/Acme/app')).toEqual({ reason: 'repository name must be lowercase', offset: 8 });
    expect(bad('acme/apP:1')).toEqual({ reason: 'repository name must be lowercase', offset: 7 });
  });

  it('gives reasons that embed in a sentence', () => {
    for (const raw of ['', ' x', 'Nginx', 'nginx:', 'a//b', '$(IMAGE)', 'my.registry:abc/app', 'nginx@sha256:abc']) {
      const { reason } = bad(raw);
      expect(reason).toMatch(/^[a-z0-9]/);
      expect(reason).not.toMatch(/[.!]$/);
    }
  });
});

describe('parseImageRef: robustness', () => {
  it('handles 10,000-character adversarial strings', () => {
    const n = 10_000;
    expect(bad('a' + '-'.repeat(n) + '!')).toEqual({ reason: 'invalid character "!" in repository name', offset: n + 1 });
    expect(bad('a' + '-'.repeat(n))).toEqual({ reason: 'path component must end with a lowercase letter or digit', offset: 1 });
    expect(bad('a.'.repeat(n / 2) + '/')).toEqual({ reason: 'empty registry host component', offset: n });
    expect(bad('x/' + 'a.'.repeat(n / 2) + '/')).toEqual({ reason: 'path component must end with a lowercase letter or digit', offset: n + 1 });
    expect(bad('x/' + 'a__'.repeat(n) + '_b').reason).toBe('invalid separator "___" in repository name');
    expect(bad('a/'.repeat(n / 2)).reason).toBe('empty path component');
    expect(bad('a'.repeat(n)).reason).toBe('repository name must not be more than 255 characters');
    expect(bad('x.' + 'a-'.repeat(n / 2) + '/app').reason).toBe('registry host component must not end with a hyphen');
    expect(bad('app:' + 'x.'.repeat(n / 2)).reason).toBe('tag must not be more than 128 characters');
    expect(bad('app@' + 'a+'.repeat(n / 2) + ':').offset).toBe(4 + n);
    expect(bad('app@sha256:' + 'a'.repeat(n)).reason).toBe('sha256 digest must be 64 hex characters');
    expect(bad('[' + ':'.repeat(n) + '/app').reason).toBe('unterminated ipv6 address in registry');
    expect(bad('{'.repeat(n)).offset).toBe(0);
  });

  it('never throws and keeps offsets and spans inside the input', () => {
    const alphabet = fc.constantFrom(...'abcAB09._-/:@[]$ {}'.split(''));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (raw) => {
      const r = parseImageRef(raw);
      if (!r.ok) {
        expect(r.offset).toBeGreaterThanOrEqual(0);
        expect(r.offset).toBeLessThanOrEqual(raw.length);
        expect(r.reason.length).toBeGreaterThan(0);
        return;
      }
      const { ref } = r;
      expect(ref.raw.slice(...ref.spans.repository)).toBe(ref.repository);
      if (ref.spans.registry) expect(raw.slice(...ref.spans.registry)).toBe(ref.registry);
      if (ref.spans.tag) expect(raw.slice(...ref.spans.tag)).toBe(ref.tag);
      if (ref.spans.digest) expect(raw.slice(...ref.spans.digest)).toBe(ref.digest);
    }), { numRuns: 2000 });
  });

  it('round-trips generated valid references', () => {
    const comp = fc.stringMatching(/^[a-z0-9]{1,4}(?:(?:[._]|__|-{1,3})[a-z0-9]{1,4}){0,2}$/);
    const host = fc.constantFrom('', 'localhost/', 'ghcr.io/', 'Reg.Example.com:5000/', '[::1]:5000/', 'index.docker.io/');
    const tag = fc.option(fc.stringMatching(/^\w[\w.-]{0,10}$/), { nil: undefined });
    const digest = fc.option(fc.constant(SHA256), { nil: undefined });
    fc.assert(fc.property(host, fc.array(comp, { minLength: 1, maxLength: 4 }), tag, digest, (h, path, t, d) => {
      // Without a host, a first component containing '.' is itself read as a registry.
      fc.pre(h !== '' || path.length === 1 || !path[0]?.includes('.'));
      const raw = h + path.join('/') + (t !== undefined ? ':' + t : '') + (d !== undefined ? '@' + d : '');
      const ref = ok(raw);
      expect(ref.repository).toBe(path.join('/'));
      expect(ref.tag).toBe(t);
      expect(ref.digest).toBe(d);
    }), { numRuns: 1000 });
  });
});

describe('isFromRegistry', () => {
  const prefixes = ['iad.ocir.io/acme', 'docker.io/library', 'ghcr.io'];

  it.each([
    ['iad.ocir.io/acme/app:1.0', true],
    ['iad.ocir.io/acme/team/app', true],
    ['IAD.OCIR.IO/acme/app', true],
    ['iad.ocir.io/acme', true],
    ['iad.ocir.io/acme2/app', false],
    ['phx.ocir.io/acme/app', false],
    ['nginx', true],
    ['nginx:1.25', true],
    ['index.docker.io/nginx', true],
    ['docker.io/library/redis', true],
    ['acme/app', false],
    ['ghcr.io/anything/at/all:1', true],
    [`ghcr.io/org/app@${SHA256}`, true],
    ['ghcr.io.evil.com/org/app', false],
    ['localhost:5000/app', false],
  ])('%s → %s', (raw, expected) => {
    expect(isFromRegistry(ok(raw), prefixes)).toBe(expected);
  });

  it('matches whole path components and tolerates stray slashes or whitespace in prefixes', () => {
    const ref = ok('iad.ocir.io/acme/app');
    expect(isFromRegistry(ref, ['iad.ocir.io/acme/app'])).toBe(true);
    expect(isFromRegistry(ref, ['iad.ocir.io/acme/app/sub'])).toBe(false);
    expect(isFromRegistry(ref, ['iad.ocir.io/ac'])).toBe(false);
    expect(isFromRegistry(ref, [' IAD.ocir.io/acme/ '])).toBe(true);
    expect(isFromRegistry(ref, ['', '/'])).toBe(false);
    expect(isFromRegistry(ref, [])).toBe(false);
  });

  it('treats index.docker.io and docker.io as the same registry', () => {
    expect(isFromRegistry(ok('acme/app'), ['index.docker.io/acme'])).toBe(true);
    expect(isFromRegistry(ok('index.docker.io/acme/app'), ['docker.io'])).toBe(true);
    expect(isFromRegistry(ok('localhost:5000/app'), ['localhost:5000'])).toBe(true);
    expect(isFromRegistry(ok('[::1]:5000/app'), ['[::1]:5000'])).toBe(true);
  });
});
