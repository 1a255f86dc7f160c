import { describe, expect, it } from 'vitest';
import rule from '../../../rules/workload/secret-in-env.js';
import type { AnyRule } from '../../../src/engine/rule-api.js';
import { credentialNameKind, envCredential } from '../../../src/k8s/credentials.js';
import { lintWith, ruleTester, yaml } from '../../helpers/rule-tester.js';

// Token-shaped test values are assembled here so secret scanners do not flag this file.
const GITHUB = ['gh', 'p_', 'R7x2Kq9LmN4pZ8vB3cT6wY1aH5dF0gJ2sE4u'].join('');
const SLACK = ['xo', 'xb-', '1234567890-0987654321-AbCdEfGhIjKlMnOp'].join('');
const JWT = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJhcGkifQ', 'c2lnbmF0dXJlLXNpZ25hdHVyZQ'].join('.');
const AWS = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');

const env = (...pairs: [string, string][]): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: { name: p }
  spec:
    containers:
      - name: app
        env:
${pairs.map(([name, value]) => `          - name: ${name}\n            value: ${value}`).join('\n')}
`;

ruleTester.run(rule, {
  valid: [
    { name: 'references, not literals', code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: { name: ok-refs }
      spec:
        containers:
          - name: app
            envFrom:
              - secretRef: { name: app-secrets }
            env:
              - name: DB_PASSWORD
                valueFrom:
                  secretKeyRef: { name: db, key: password }
    ` },
    { name: 'names about a credential, not the credential', code: env(
      ['TOKEN_TTL', '"3600"'], ['PASSWORD_MIN_LENGTH', '"12"'], ['SECRET_NAME', 'db-credentials'],
      ['API_KEY_FILE', '/var/run/secrets/api/key'], ['AUTH_URL', 'https://auth.acme.example/oauth2'],
      ['OCI_API_KEY_FINGERPRINT', '"20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34"'],
      ['OCI_CLI_KEY_FILE', '/etc/oci/key.pem'], ['TOKEN_REFRESH_INTERVAL', '5m'], ['MAX_TOKENS', '"128000"'],
      ['GF_AUTH_ANONYMOUS_ORG_ROLE', 'Viewer'], ['POSTGRES_HOST_AUTH_METHOD', 'scram-sha-256'],
    ) },
    { name: 'names that are not credentials at all', code: env(
      ['AUTHOR', 'Jane Doe'], ['SORT_KEY', 'created_at'], ['OCI_USER_OCID', 'ocid1.user.oc1..aaaaaaaexample'],
      ['DATABASE_URL', 'postgres://db.acme.internal:5432/orders'], ['TOKENIZER', 'wordpiece-uncased'],
    ) },
    { name: 'booleans and short numbers', code: env(
      ['AUTH_ENABLED', '"true"'], ['REDIS_AUTH', 'false'], ['MYSQL_ALLOW_EMPTY_PASSWORD', '"yes"'],
      ['DB_PASSWORD', '12345'], ['API_TOKEN', 'off'],
    ) },
    { name: 'empty values, references, templates, placeholders and paths', code: env(
      ['DB_PASSWORD', '""'], ['API_TOKEN', '$(API_TOKEN_FROM_SECRET)'], ['CLIENT_SECRET', '"${CLIENT_SECRET}"'],
      ['ADMIN_PASSWORD', '"<admin-password>"'], ['SMTP_PASS', '"{{ .Values.smtp.password }}"'],
      ['DB_URL', 'postgres://$(DB_USER):$(DB_PASSWORD)@db:5432/app'], ['PWD', '/app'],
      ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'],
      ['MSSQL', '"Server=db;User Id=app;Password=$(DB_PASSWORD)"'],
    ) },
    { name: 'not a workload', code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: c }
      data:
        DB_PASSWORD: hunter2
    ` },
  ],
  invalid: [
    {
      name: 'password by name, redacted message',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: { name: bad }
        spec:
          containers:
            - name: api
              env:
                - name: DB_PASSWORD
                  value: "s3cr3t-Passw"
      `,
      errors: [{
        messageId: 'byName', line: 9, column: 18, endLine: 9, endColumn: 32,
        message: 'Container "api" sets DB_PASSWORD to a literal value (12 characters) that looks like a password; move it to a Secret and use valueFrom.secretKeyRef.',
      }],
    },
    {
      name: 'name detectors',
      code: env(
        ['ADMIN_PASSWORD', 'changeme'], ['dbPassword', 'hunter2'], ['PGPASSWORD', 'x'], ['pwd', '"Hpwd"'],
        ['CLIENT_SECRET', 'abc'], ['GITLAB_TOKEN', 'glpat-example'], ['apiKey', 'k-123'], ['APIKEY', 'k-456'],
        ['AWS_SECRET_ACCESS_KEY', 'xxx'], ['AZURE_BATCH_KEY', 'batch'], ['OCI_CLI_KEY_CONTENT', 'MIIEv'],
        ['SERVICE_CREDENTIALS', 'svc:pw'], ['REDIS_AUTH', 'r3d1s'], ['SMTP_PASS', 'mail'],
        ['DB_CONNECTION_STRING', '"Server=db;Integrated Security=true"'], ['SENTRY_DSN', 'https://k@o1.example/1'],
        ['VAULT_SECRET_ID', 'b3f0'], ['PIN_PASSWORD', '"123456"'],
      ),
      errors: [
        { messageId: 'byName', line: 9, column: 18, message: 'Container "app" sets ADMIN_PASSWORD to a literal value (8 characters) that looks like a password; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 11, column: 18 },
        { messageId: 'byName', line: 13, column: 18, message: 'Container "app" sets PGPASSWORD to a literal value (1 character) that looks like a password; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 15, column: 18 },
        { messageId: 'byName', line: 17, column: 18, message: 'Container "app" sets CLIENT_SECRET to a literal value (3 characters) that looks like a secret; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 19, column: 18 },
        { messageId: 'byName', line: 21, column: 18, message: 'Container "app" sets apiKey to a literal value (5 characters) that looks like an API key; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 23, column: 18 },
        { messageId: 'byName', line: 25, column: 18, message: 'Container "app" sets AWS_SECRET_ACCESS_KEY to a literal value (3 characters) that looks like an access key; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 27, column: 18 },
        { messageId: 'byName', line: 29, column: 18, message: 'Container "app" sets OCI_CLI_KEY_CONTENT to a literal value (5 characters) that looks like a private key; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 31, column: 18 },
        { messageId: 'byName', line: 33, column: 18, message: 'Container "app" sets REDIS_AUTH to a literal value (5 characters) that looks like a credential; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 35, column: 18 },
        { messageId: 'byName', line: 37, column: 18, message: 'Container "app" sets DB_CONNECTION_STRING to a literal value (34 characters) that looks like a connection string; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 39, column: 18 },
        { messageId: 'byName', line: 41, column: 18 },
        { messageId: 'byName', line: 43, column: 18 },
      ],
    },
    {
      name: 'content detectors, whatever the name',
      code: env(
        ['DB_URL', AWS], ['GIT_CONFIG', GITHUB], ['NOTIFY', SLACK], ['AUTH_HEADER', `"Bearer ${JWT}"`],
        ['DATABASE_URL', 'postgres://orders:Tr0ub4dor@db.acme.internal:5432/orders'],
        ['MSSQL', '"Server=db;User Id=sa;Password=Str0ng!"'], ['TOKEN_TTL', AWS],
      ),
      errors: [
        { messageId: 'byContent', line: 9, column: 18, endColumn: 38, message: 'Container "app" sets DB_URL to a literal value (20 characters) that contains an AWS access key id; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byContent', line: 11, column: 18, message: 'Container "app" sets GIT_CONFIG to a literal value (40 characters) that contains a GitHub token; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byContent', line: 13, column: 18, message: 'Container "app" sets NOTIFY to a literal value (43 characters) that contains a Slack token; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byContent', line: 15, column: 18, message: 'Container "app" sets AUTH_HEADER to a literal value (73 characters) that contains a JSON Web Token; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byContent', line: 17, column: 18, message: 'Container "app" sets DATABASE_URL to a literal value (56 characters) that contains a URL with an embedded password; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byContent', line: 19, column: 18, message: 'Container "app" sets MSSQL to a literal value (37 characters) that contains a connection string with a password; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byContent', line: 21, column: 18 },
      ],
    },
    {
      name: 'PEM private key in a block scalar, in a Deployment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad }
        spec:
          template:
            spec:
              containers:
                - name: signer
                  env:
                    - name: SIGNING_MATERIAL
                      value: |
                        -----BEGIN RSA PRIVATE KEY-----
                        MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
                        -----END RSA PRIVATE KEY-----
      `,
      errors: [{
        messageId: 'byContent', line: 11, column: 22, endLine: 15, endColumn: 1,
        message: 'Container "signer" sets SIGNING_MATERIAL to a literal value (95 characters) that contains a private key; move it to a Secret and use valueFrom.secretKeyRef.',
      }],
    },
    {
      name: 'cronjob init and ephemeral containers',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: { name: bad-cron }
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      env: [{ name: FLYWAY_PASSWORD, value: flyway }]
                  containers:
                    - name: main
                  ephemeralContainers:
                    - name: dbg
                      env:
                        - { name: GITHUB_TOKEN, value: 'plain-token' }
      `,
      errors: [
        { messageId: 'byName', line: 12, column: 53, endColumn: 59, message: 'Init container "migrate" sets FLYWAY_PASSWORD to a literal value (6 characters) that looks like a password; move it to a Secret and use valueFrom.secretKeyRef.' },
        { messageId: 'byName', line: 18, column: 48, message: 'Ephemeral container "dbg" sets GITHUB_TOKEN to a literal value (11 characters) that looks like a token; move it to a Secret and use valueFrom.secretKeyRef.' },
      ],
    },
  ],
});

describe('secret-in-env redaction', () => {
  const secrets = ['hunter2-prod', AWS, GITHUB, 'Tr0ub4dor'];
  const code = env(
    ['DB_PASSWORD', secrets[0] as string], ['BACKUP', secrets[1] as string], ['GIT', secrets[2] as string],
    ['DB_URL', `postgres://orders:${secrets[3] as string}@db:5432/orders`],
  );
  const findings = lintWith(rule as unknown as AnyRule, code);

  it('reports every secret', () => {
    expect(findings.map((f) => f.messageId)).toEqual(['byName', 'byContent', 'byContent', 'byContent']);
  });

  it('never puts the value in the message or the line text', () => {
    for (const f of findings) {
      for (const secret of secrets) {
        expect(f.message).not.toContain(secret);
        expect(f.lineText).not.toContain(secret);
      }
      expect(f.lineText).toMatch(/value: \*+$/);
    }
  });
});

describe('credential name detection', () => {
  it.each([
    ['DB_PASSWORD', 'a password'], ['db-passwd', 'a password'], ['PWD', 'a password'], ['OCI_CLI_PASS_PHRASE', 'a passphrase'],
    ['JWT_SECRET', 'a secret'], ['SECRET_KEY_BASE', 'a secret'], ['refreshToken', 'a token'], ['X_API_KEY', 'an API key'],
    ['AWS_ACCESS_KEY_ID', 'an access key'], ['TLS_PRIVATE_KEY', 'a private key'], ['DB_CREDS', 'a credential'],
    ['BASIC_AUTH', 'a credential'], ['CONN_STRING', 'a connection string'], ['DB_DSN', 'a connection string'],
  ])('%s names %s', (name, kind) => {
    expect(credentialNameKind(name)).toBe(kind);
  });

  it.each([
    'TOKEN_TTL', 'PASSWORD_MIN_LENGTH', 'SECRET_NAME', 'API_KEY_FILE', 'PRIVATE_KEY_PATH', 'AUTH_URL', 'AUTH_ENABLED',
    'OCI_API_KEY_FINGERPRINT', 'AUTHOR', 'OAUTH_ISSUER', 'SORT_KEY', 'CACHE_KEY', 'PWD_DIR', 'MAX_TOKENS', 'PASSPORT',
    'CONSTRUCTOR_KEY', 'MY_CONSTRUCTOR', 'TOSTRING',
  ])('%s is not a credential name', (name) => {
    expect(credentialNameKind(name)).toBeUndefined();
  });

  it('prefers what the content is over what the name says', () => {
    expect(envCredential('AWS_ACCESS_KEY_ID', AWS)).toEqual({ by: 'content', kind: 'an AWS access key id' });
    expect(envCredential('AWS_ACCESS_KEY_ID', 'minioadmin')).toEqual({ by: 'name', kind: 'an access key' });
  });

  it('does not take OCI key fingerprints or OCIDs for secrets', () => {
    expect(envCredential('OCI_CLI_FINGERPRINT', '20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34')).toBeUndefined();
    expect(envCredential('OCI_TENANCY', 'ocid1.tenancy.oc1..aaaaaaaaexample')).toBeUndefined();
  });
});
