import rule from '../../../rules/node/oke-node-metadata-secret.js';
import { code, okeTester } from '../../oke/tester.js';

/** cloud-init that exports API_TOKEN=s3cr3tTokenValue42 on line 3, base64-encoded as OCI requires. */
const USER_DATA = 'I2Nsb3VkLWNvbmZpZwpydW5jbWQ6CiAgLSBleHBvcnQgQVBJX1RPS0VOPXMzY3IzdFRva2VuVmFsdWU0MgogIC0gL3Vzci9sb2NhbC9iaW4vam9pbi1jbHVzdGVyCg==';
/** OKE's own init script (fetches oke_init_script from the metadata service): no secret. */
const OKE_INIT = 'IyEvYmluL2Jhc2gKY3VybCAtLWZhaWwgLUggIkF1dGhvcml6YXRpb246IEJlYXJlciBPcmFjbGUiIC1MMCBodHRwOi8vMTY5LjI1NC4xNjkuMjU0L29wYy92Mi9pbnN0YW5jZS9tZXRhZGF0YS9va2VfaW5pdF9zY3JpcHQgfCBiYXNlNjQgLS1kZWNvZGUgPi92YXIvcnVuL29rZS1pbml0LnNoCmJhc2ggL3Zhci9ydW4vb2tlLWluaXQuc2gK';
const TF = (body: string): string => `resource "oci_containerengine_node_pool" "workers" {\n  cluster_id = var.cluster\n  node_shape = "VM.Standard.E4.Flex"\n${body}}\n`;

okeTester.run(rule, {
  valid: [
    { name: 'API: harmless metadata and OKE\'s own init script', code: `{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeMetadata": {"user_data": "${OKE_INIT}", "oke-kubeproxy-proxy-mode": "iptables", "TOKEN_TTL": "3600"}}\n` },
    { name: 'Terraform: a credential name with a placeholder or a path', format: 'tf', code: TF('  node_metadata = {\n    db_password = "<from-vault>"\n    api_key_file = "/etc/oke/key.pem"\n  }\n') },
    { name: 'no metadata at all', code: '{"name": "p", "clusterId": "c", "nodeShape": "s"}\n' },
  ],
  invalid: [
    {
      name: 'API: a password by its name, masked in the line',
      code: code`
        {
          "name": "p", "clusterId": "c", "nodeShape": "s",
          "nodeMetadata": {
            "DB_PASSWORD": "hunter2-prod-pw"
          }
        }
      `,
      errors: [{
        messageId: 'secret', line: 4, column: 20, endColumn: 37, level: 'error',
        message: 'Node pool "p" puts a password in node metadata (nodeMetadata.DB_PASSWORD): instance metadata is readable by every pod on the node that can reach 169.254.169.254; keep secrets in OCI Vault and fetch them at boot.',
        lineText: '    "DB_PASSWORD": *****************',
      }],
    },
    {
      name: 'CLI get: a token in base64 cloud-init user data',
      code: `{\n  "data": {\n    "name": "p", "cluster-id": "c", "node-shape": "s",\n    "node-metadata": {\n      "user_data": "${USER_DATA}"\n    }\n  }\n}\n`,
      errors: [{ messageId: 'secret', line: 5, column: 20, message: 'Node pool "p" puts a token in node metadata (node-metadata.user_data (line 3 of the decoded user_data, API_TOKEN)): instance metadata is readable by every pod on the node that can reach 169.254.169.254; keep secrets in OCI Vault and fetch them at boot.' }],
    },
    {
      name: 'Terraform: a private key in base64encode(heredoc) user data, at its line in the heredoc',
      format: 'tf',
      code: TF('  node_metadata = {\n    user_data = base64encode(<<-EOT\n      #!/bin/bash\n      cat > /root/key.pem <<KEY\n      -----BEGIN RSA PRIVATE KEY-----\n      KEY\n    EOT\n    )\n  }\n'),
      errors: [{ messageId: 'secret', line: 8, column: 7, endColumn: 38, lineText: '      *******************************', message: 'Node pool oci_containerengine_node_pool.workers puts a private key in node metadata (node_metadata.user_data (line 3 of the user_data)): instance metadata is readable by every pod on the node that can reach 169.254.169.254; keep secrets in OCI Vault and fetch them at boot.' }],
    },
    {
      name: 'API: plain-text user data with escapes, at the value inside the string',
      code: '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeMetadata": {"user_data": "#!/bin/sh\\nexport \\"REDIS_PASSWORD=\\u0073ecret-redis-pw\\"\\n"}}\n',
      errors: [{ messageId: 'secret', line: 1, column: 117, endColumn: 137, message: 'Node pool "p" puts a password in node metadata (nodeMetadata.user_data (line 2 of the user_data, REDIS_PASSWORD)): instance metadata is readable by every pod on the node that can reach 169.254.169.254; keep secrets in OCI Vault and fetch them at boot.' }],
    },
    {
      name: 'Terraform: a literal entry next to parts merged from variables (checked, then a note)',
      format: 'tf',
      code: TF('  node_metadata = merge(\n    { slack_token = "xoxb-123456789012-abcdefghijkl" },\n    var.node_metadata,\n  )\n'),
      errors: [
        { messageId: 'secret', line: 5, column: 22, endColumn: 52 },
        { messageId: 'unresolved', line: 6, column: 5, level: 'note', message: 'Node pool oci_containerengine_node_pool.workers: 1 part of node_metadata could not be resolved (var.node_metadata is not set in terraform.tfvars or *.auto.tfvars and has no default), so it was not checked for credentials.' },
      ],
    },
    {
      name: 'Terraform: node_metadata from a variable without a value is a note',
      format: 'tf',
      code: TF('  node_metadata = var.md\n'),
      errors: [{ messageId: 'unresolved', line: 4, column: 3, level: 'note', message: 'Node pool oci_containerengine_node_pool.workers: the value of node_metadata could not be resolved (var.md is not set in terraform.tfvars or *.auto.tfvars and has no default), so it was not checked for credentials.' }],
    },
    {
      name: 'Terraform: a secret given in terraform.tfvars is reported at the attribute',
      format: 'tf',
      code: TF('  node_metadata = var.md\n'),
      tfvars: 'md = { registry_password = "Pa55w0rd-registry" }\n',
      errors: [{ messageId: 'secret', line: 4, column: 19, message: 'Node pool oci_containerengine_node_pool.workers puts a password in node metadata (node_metadata.registry_password): instance metadata is readable by every pod on the node that can reach 169.254.169.254; keep secrets in OCI Vault and fetch them at boot.' }],
    },
  ],
});
