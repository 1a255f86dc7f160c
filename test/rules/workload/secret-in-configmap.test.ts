import { describe, expect, it } from 'vitest';
import rule from '../../../rules/workload/secret-in-configmap.js';
import type { AnyRule } from '../../../src/engine/rule-api.js';
import { lintWith, ruleTester, yaml } from '../../helpers/rule-tester.js';

// Token-shaped test values are assembled here so secret scanners do not flag this file.
const AWS = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const PEM = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('');

const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n${data.replace(/^/gm, '  ')}\n`;

const MOVE = 'ConfigMaps are not secret (anyone who can read them, and Git, sees it); move it to a Secret.';

ruleTester.run(rule, {
  valid: [
    { name: 'ordinary settings', code: configMap('LOG_LEVEL: info\nDATABASE_URL: postgres://db.acme.internal:5432/orders\nTOKEN_TTL: "3600"\nAUTH_ENABLED: "true"\nSECRET_NAME: db-credentials') },
    { name: 'empty values, references and templates', code: configMap('DB_PASSWORD: ""\nAPI_TOKEN: ${API_TOKEN}\nCLIENT_SECRET: "{{ .Values.clientSecret }}"\nADMIN_PASSWORD: "<admin-password>"') },
    { name: 'an embedded file that references its secrets', code: configMap('application.properties: |\n  spring.datasource.url=jdbc:postgresql://db:5432/app\n  spring.datasource.password=${DB_PASSWORD}\n  server.port=8080\n  # password=old-one-kept-for-reference\n  passwordPolicy: strict') },
    { name: 'a public certificate', code: configMap('ca.crt: |\n  -----BEGIN CERTIFICATE-----\n  MIIBszCCAVmgAwIBAgIUQ2\n  -----END CERTIFICATE-----') },
    { name: 'not a ConfigMap', code: yaml`
      apiVersion: v1
      kind: Secret
      metadata: { name: s }
      stringData:
        DB_PASSWORD: hunter2hunter2
    ` },
    { name: 'binaryData is not read', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nbinaryData:\n  password: aHVudGVyMg==\n' },
  ],
  invalid: [
    {
      name: 'a credential by key name, redacted',
      code: configMap('LOG_LEVEL: info\nDB_PASSWORD: hunter2hunter2'),
      errors: [{
        messageId: 'byName', line: 7, column: 16, endLine: 7, endColumn: 30,
        message: `ConfigMap "app-config" sets DB_PASSWORD to a literal value (14 characters) that looks like a password: ${MOVE}`,
      }],
    },
    {
      name: 'a credential by content',
      code: configMap(`backup-target: ${AWS}`),
      errors: [{ messageId: 'byContent', line: 6, column: 18, message: `ConfigMap "app-config" key backup-target holds a value (20 characters) that contains an AWS access key id: ${MOVE}` }],
    },
    {
      name: 'lines of an embedded properties file, each at its value',
      code: configMap('application.properties: |\n  server.port=8080\n  spring.datasource.password=s3cr3t-Pa55\n  spring.datasource.url=jdbc:postgresql://app:pw1234567@db:5432/app'),
      errors: [
        { messageId: 'inFile', line: 8, column: 32, endLine: 8, endColumn: 43, message: `ConfigMap "app-config" key application.properties sets spring.datasource.password to a literal value (11 characters) that looks like a password: ${MOVE}` },
        { messageId: 'byContent', line: 9, column: 5, endLine: 9, endColumn: 70 },
      ],
    },
    {
      name: 'YAML and JSON files',
      code: configMap('config.yaml: |\n  db:\n    host: db\n    password: "hunter2hunter2"\nsettings.json: |\n  { "apiKey": "k-8f7a6b5c4d3e2f1a",\n    "debug": false }'),
      errors: [
        { messageId: 'inFile', line: 9, column: 17, endColumn: 33 },
        { messageId: 'inFile', line: 11, column: 17, endColumn: 38 },
      ],
    },
    {
      name: 'a private key inside a file, once',
      code: configMap(`id_rsa: |\n  ${PEM}\n  MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n  -----END RSA PRIVATE KEY-----`),
      errors: [{ messageId: 'byContent', line: 7, column: 5, endLine: 7, endColumn: 36 }],
    },
  ],
});

describe('secret-in-configmap redaction', () => {
  it('never shows the value in the code frame or the message', () => {
    const code = configMap('DB_PASSWORD: hunter2hunter2\napp.env: |\n  API_TOKEN=tok-1234567890abcdef');
    const found = lintWith(rule as unknown as AnyRule, code);
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.message).not.toMatch(/hunter2|tok-1234/);
      expect(f.lineText).not.toMatch(/hunter2|tok-1234/);
    }
    expect(found.map((f) => f.lineText)).toEqual(['  DB_PASSWORD: **************', '    API_TOKEN=********************']);
  });

  it('finds the line inside a quoted scalar when it is written as is, else points at the whole value', () => {
    const lintCm = (data: string) => lintWith(rule as unknown as AnyRule, configMap(data)).map((f) => [f.messageId, f.start.line, f.start.column, f.lineText]);
    expect(lintCm('app.env: "MODE=prod\\nAPI_TOKEN=tok-1234567890abcdef"')).toEqual([['inFile', 6, 34, '  app.env: "MODE=prod\\nAPI_TOKEN=********************"']]);
    expect(lintCm('app.env: "MODE=prod\\nPASSWORD=\\"hunter2hunter2\\""')).toEqual([['inFile', 6, 12, '  app.env: ****************************************']]);
  });
});
