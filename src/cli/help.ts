export const HELP = `okelint — offline security linter for OKE estates (Kubernetes manifests, Helm output, OCI IAM policies,
OKE cluster configuration)

Usage:
  okelint [options] <paths|globs|->      lint files (directories are walked; - reads stdin)
  okelint rules [--format json]           list the rules with layer, level and description
  okelint explain <rule-id>               print a rule's documentation
  okelint lsp --stdio                     run the language server over stdin/stdout (docs/lsp.md)

Options:
  -f, --format text|json|sarif|github     output format (default text)
  -o, --output-file FILE                  write the report to FILE (atomically) instead of stdout
  -c, --config FILE                       config file (default: nearest .okelint.yaml walking up)
      --preset recommended|strict|pss-baseline|pss-restricted
                                          base rule set (default recommended); the pss-* presets
                                          enable exactly the Pod Security Standards checks of a level
      --chart-root DIR                    chart behind helm template output: findings move to its
                                          template lines (default: charts found under the cwd)
      --type k8s|helm|iam|oke|terraform   read every input as this format (default: by extension
                                          and content; .policy and OCI policy JSON are iam,
                                          OKE cluster and node-pool JSON is oke)
      --kubernetes-version 1.x            Pod Security Standards policy version (default: newest)
      --rule ID=off|note|warning|error    set a rule's level (repeatable)
      --fail-level error|warning|note|none
                                          lowest level that makes the exit code 1 (default error)
      --max-warnings N                    also exit 1 when there are more than N warnings
  -q, --quiet                             report errors only
      --write-baseline FILE               record the current findings (by fingerprint) and exit 0
      --baseline FILE                     report only findings that are not in FILE
      --fix                               fix what can be fixed mechanically (allowPrivilegeEscalation,
                                          privileged, readOnlyRootFilesystem, runAsNonRoot, drop ALL,
                                          seccomp RuntimeDefault, automountServiceAccountToken) in
                                          place, then report what remains; never writes stdin or
                                          helm template output
      --fix-dry-run                       print those fixes as a unified diff (patch -p1, git apply)
                                          and write nothing; the exit code is the one --fix would give
      --include-suppressed                keep suppressed findings in the report (SARIF: suppressions[])
      --sarif-category CAT                with --format sarif: set automationDetails.id to CAT/ (one
                                          category per upload when a workflow uploads several files)
      --stdin-filename NAME               file name to report for "-" (also used for config discovery)
      --jobs N|auto                       lint with N worker threads (default 1: none); the report is the
                                          same. Pays on large sets (a thousand files and more); auto: one
                                          per CPU, at most one per 500 files
      --color, --no-color                 force colour on or off (default: on for a TTY, honours NO_COLOR)
  -h, --help                              show this help
  -v, --version                           print the version

Exit codes: 0 no findings at or above the fail level; 1 findings at or above it (or too many
warnings); 2 bad usage, invalid config, a path that does not exist, or an internal error.

Suppress a finding with a reason:
  # okelint-disable-next-line <rule-id>[,<rule-id>] -- <reason>
  # okelint-disable <rule-id> -- <reason>        (rest of the YAML document or policy file)
  metadata.annotations: okelint.io/ignore: "<rule-id>", okelint.io/ignore-reason: "<reason>"
`;
