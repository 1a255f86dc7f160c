import { describe, expect, it } from 'vitest';
import rule from '../../../rules/workload/secret-committed.js';
import type { AnyRule } from '../../../src/engine/rule-api.js';
import { lintWith, ruleTester } from '../../helpers/rule-tester.js';

const secret = (body: string, type = 'Opaque'): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: ${type}\n${body}\n`;
const b64 = (s: string): string => Buffer.from(s).toString('base64');

const PLACEHOLDER_MESSAGE = (keys: string): string =>
  `Secret "db" is committed with only empty or placeholder values (${keys}): nothing leaks today, but filling it in here would put the credentials in the repository; create it from OCI Vault instead.`;

ruleTester.run(rule, {
  valid: [
    { name: 'a Secret with no data (filled in by a controller)', code: secret('', 'kubernetes.io/service-account-token') },
    { name: 'empty data maps', code: secret('data: {}\nstringData: {}') },
    { name: 'not a Secret', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  password: hunter2\n' },
    { name: 'a SealedSecret holds ciphertext', code: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq\n' },
  ],
  invalid: [
    {
      name: 'real base64 data, one finding at the first value, redacted',
      code: secret(`data:\n  username: ${b64('app')}\n  password: ${b64('hunter2hunter2')}`),
      errors: [{
        messageId: 'committed', line: 7, column: 13, endLine: 7, endColumn: 17,
        message: 'Secret "db" is committed with 2 values (username, password): base64 is an encoding, not encryption, so anyone who can read this file has the credentials; source them from OCI Vault and rotate them.',
      }],
    },
    {
      name: 'stringData, placeholders among real values are not counted',
      code: secret('stringData:\n  api-token: "<token>"\n  password: hunter2hunter2'),
      errors: [{ messageId: 'committed', line: 8, column: 13, message: 'Secret "db" is committed with 1 value (password): base64 is an encoding, not encryption, so anyone who can read this file has the credentials; source them from OCI Vault and rotate them.' }],
    },
    {
      name: 'a TLS Secret',
      code: secret('data:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t\n  ca.crt: ""\n  extra: eA==', 'kubernetes.io/tls'),
      errors: [{ messageId: 'committed', line: 7, column: 12, message: expect.stringContaining('with 3 values (tls.crt, tls.key, extra)') as unknown as string }],
    },
    {
      name: 'empty and placeholder values only: a note, at the first key',
      code: secret(`data:\n  csrf: ""\n  password: ${b64('REPLACE_ME')}\nstringData:\n  token: \${API_TOKEN}\n  key: "{{ .Values.key }}"\n  other: "***"`),
      errors: [{ messageId: 'placeholder', line: 7, column: 3, endColumn: 7, message: PLACEHOLDER_MESSAGE('csrf, password, token and 2 more') }],
    },
    {
      name: 'a value that is not valid base64 is still committed',
      code: secret('data:\n  password: hunter2!'),
      errors: [{ messageId: 'committed', line: 7, column: 13 }],
    },
  ],
});

describe('secret-committed levels and redaction', () => {
  const lint = (code: string) => lintWith(rule as unknown as AnyRule, code);

  it('real data is an error; empty or placeholder data is a note', () => {
    expect(lint(secret(`data:\n  password: ${b64('hunter2hunter2')}`)).map((f) => f.level)).toEqual(['error']);
    expect(lint(secret('data:\n  csrf: ""')).map((f) => f.level)).toEqual(['note']);
  });

  it('never shows a value', () => {
    const [f] = lint(secret(`data:\n  password: ${b64('hunter2hunter2')}`));
    expect(f?.lineText).toBe('  password: ********************');
    expect(f?.message).not.toContain(b64('hunter2hunter2'));
  });

  it('weak passwords are real values', () => {
    expect(lint(secret('stringData:\n  password: changeme')).map((f) => f.messageId)).toEqual(['committed']);
  });
});
