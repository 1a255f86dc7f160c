/**
 * Every finding okelint reports on the three Helm fixture charts, written by reading the
 * templates and values by hand: the template line of the offending key (or of its nearest
 * ancestor in the template when the key comes from a helper or a toYaml block), the rendered
 * position, the helper and values.yaml keys behind it. Each position carries the text found
 * there, and `expectations.test.ts` checks those texts against the files, so a wrong line or
 * column in this table fails on its own, before any CLI output is compared with it.
 */

/** `[position, text at that position, message]` of a related location; paths relative to the chart. */
export type Related = readonly [at: string, text: string, message: string];

export interface Row {
  readonly rule: string;
  /** Template `path:line:column`, relative to the chart directory. */
  readonly at: string;
  /** Text starting at that position in the template. */
  readonly key: string;
  /** Position in rendered.yaml, and the text starting there (the rendered node the rule reported). */
  readonly rendered: string;
  readonly renderedText: string;
  /** Related chart locations after the rendered one: helpers, values keys. */
  readonly related: readonly Related[];
  /** The end of the message: `(value from …)`, `(enabled by …)`, or '' for none. */
  readonly note: string;
  readonly suppressed?: 'comment' | 'annotation';
}

export interface ChartCase {
  readonly chart: string;
  readonly rows: readonly Row[];
}

const values = (at: string, text: string, key: string, file = 'values.yaml'): Related => [`${file}:${at}`, text, `Value from ${file}: ${key}`];
const enabled = (at: string, text: string, key: string): Related => [`values.yaml:${at}`, text, `Enabled by values.yaml: ${key}`];
/** A place of an RBAC finding's chain (subject, binding, role), on its template line. */
const chain = (at: string, text: string, message: string): Related => [at, text, message];

export const WEBAPP: ChartCase = {
  chart: 'webapp',
  rows: [
    {
      rule: 'image-no-digest', at: 'templates/deployment.yaml:22:11', key: 'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      rendered: '29:18', renderedText: '"iad.ocir.io/acme/webapp:2.3.1"',
      related: [values('4:3', 'repository: iad.ocir.io/acme/webapp', 'image.repository'), values('5:3', 'tag: "2.3.1"', 'image.tag')],
      note: '(value from values.yaml: image.repository, image.tag)',
    },
    {
      // securityContext: then {{- toYaml .Values.securityContext | nindent 12 }}
      rule: 'privileged-container', at: 'templates/deployment.yaml:25:11', key: 'securityContext:',
      rendered: '37:25', renderedText: 'true',
      related: [values('17:3', 'privileged: true', 'securityContext.privileged')],
      note: '(value from values.yaml: securityContext.privileged)',
    },
    {
      rule: 'missing-resource-limits', at: 'templates/deployment.yaml:27:11', key: 'resources:',
      rendered: '40:13', renderedText: 'limits:',
      related: [values('24:3', 'limits:', 'resources.limits')],
      note: '(value from values.yaml: resources.limits)',
    },
  ],
};

const DASH_IMAGE: readonly Related[] = [values('7:3', 'repository: kubernetesui/dashboard', 'image.repository'), values('8:3', 'tag: v2.7.0', 'image.tag')];
const WGET = 'templates/tests/test-connection.yaml:11:7';

export const DASHBOARD: ChartCase = {
  chart: 'kubernetes-dashboard',
  rows: [
    // The second document of clusterrolebinding.yaml (cluster-admin), behind {{- if .Values.rbac.clusterAdminRole }}.
    ...(['dashboard-exposed', 'rbac-cluster-admin-binding'] as const).map((rule): Row => ({
      rule, at: 'templates/clusterrolebinding.yaml:31:5', key: 'name: {{ template "kubernetes-dashboard.serviceAccountName" . }}',
      rendered: '184:11', renderedText: 'demo-kubernetes-dashboard',
      related: [
        enabled('83:3', 'clusterAdminRole: true', 'rbac.clusterAdminRole'),
        // RBAC findings carry their chain, mapped to the template lines like the finding itself.
        ...(rule === 'rbac-cluster-admin-binding'
          ? [chain('templates/clusterrolebinding.yaml:28:3', 'name: cluster-admin', 'ClusterRoleBinding demo-kubernetes-dashboard-cluster-admin grants built-in ClusterRole "cluster-admin"')]
          : []),
      ],
      note: '(enabled by values.yaml: rbac.clusterAdminRole)',
    })),
    {
      rule: 'service-account-token-automount', at: 'templates/deployment.yaml:46:5', key: 'spec:',
      rendered: '349:5', renderedText: 'spec:', related: [], note: '',
    },
    ...(['dashboard-installed', 'image-no-digest'] as const).map((rule): Row => ({
      rule, at: 'templates/deployment.yaml:54:9', key: 'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      rendered: '356:16', renderedText: '"kubernetesui/dashboard:v2.7.0"',
      related: DASH_IMAGE, note: '(value from values.yaml: image.repository, image.tag)',
    })),
    {
      // args: holds two literal items, then {{ toYaml .Values.extraArgs | indent 10 }}: rendered args[2] is extraArgs[0].
      rule: 'dashboard-exposed', at: 'templates/deployment.yaml:56:9', key: 'args:',
      rendered: '361:13', renderedText: '--enable-skip-login',
      related: [values('22:5', '--enable-skip-login', 'extraArgs[0]')], note: '(value from values.yaml: extraArgs[0])',
    },
    {
      rule: 'dashboard-exposed', at: 'templates/deployment.yaml:56:9', key: 'args:',
      rendered: '362:13', renderedText: '--enable-insecure-login',
      related: [values('23:5', '--enable-insecure-login', 'extraArgs[1]')], note: '(value from values.yaml: extraArgs[1])',
    },
    // {{- with .Values.containerSecurityContext }} securityContext: {{ toYaml . | indent 10 }}
    ...(['capabilities-restricted', 'run-as-non-root'] as const).map((rule): Row => ({
      rule, at: 'templates/deployment.yaml:98:9', key: 'securityContext:',
      rendered: '380:9', renderedText: 'securityContext:',
      related: [values('104:1', 'containerSecurityContext:', 'containerSecurityContext')], note: '(value from values.yaml: containerSecurityContext)',
    })),
    {
      rule: 'rbac-exec-attach-proxy', at: 'templates/role.yaml:39:5', key: 'resources: ["services/proxy"]',
      rendered: '229:17', renderedText: '"services/proxy"',
      related: [
        enabled('77:3', 'create: true', 'rbac.create'),
        chain('templates/rolebinding.yaml:28:5', 'name: {{ template "kubernetes-dashboard.serviceAccountName" . }}', 'subject: ServiceAccount default/demo-kubernetes-dashboard'),
        chain('templates/rolebinding.yaml:25:3', 'name: {{ template "kubernetes-dashboard.fullname" . }}', 'RoleBinding demo-kubernetes-dashboard grants Role "demo-kubernetes-dashboard"'),
        chain('templates/role.yaml:17:1', 'kind: Role', 'Role "demo-kubernetes-dashboard"'),
      ],
      note: '(enabled by values.yaml: rbac.create)',
    },
    {
      rule: 'dashboard-exposed', at: 'templates/service.yaml:33:3', key: 'type: {{ .Values.service.type }}',
      rendered: '296:9', renderedText: 'LoadBalancer',
      related: [values('55:3', 'type: LoadBalancer', 'service.type')], note: '(value from values.yaml: service.type)',
    },
    // The test pod (a helm.sh/hook: test), printed after every other object.
    {
      rule: 'dashboard-installed', at: 'templates/tests/test-connection.yaml:4:3', key: 'name: "{{ include "kubernetes-dashboard.fullname" . }}-test-connection"',
      rendered: '403:9', renderedText: '"demo-kubernetes-dashboard-test-connection"', related: [], note: '',
    },
    {
      rule: 'service-account-token-automount', at: 'templates/tests/test-connection.yaml:9:1', key: 'spec:',
      rendered: '412:1', renderedText: 'spec:', related: [], note: '',
    },
    ...(['allow-privilege-escalation', 'capabilities-restricted', 'missing-resource-limits', 'missing-resource-requests',
      'readonly-root-filesystem', 'run-as-non-root', 'seccomp-profile-restricted'] as const).map((rule): Row => ({
      rule, at: WGET, key: 'name: wget', rendered: '414:7', renderedText: 'name: wget', related: [], note: '',
    })),
    {
      // `# okelint-disable-next-line image-latest-tag -- …` right above, kept by helm in the rendered pod.
      rule: 'image-latest-tag', at: 'templates/tests/test-connection.yaml:13:7', key: 'image: busybox',
      rendered: '416:14', renderedText: 'busybox', related: [], note: '', suppressed: 'comment',
    },
  ],
};

const SHOP_IMAGE: readonly Related[] = [
  ['templates/_helpers.tpl:68:1', '{{ .registry }}/{{ .repository }}', 'Rendered by helper "shop.image"'],
  values('8:3', 'registry: iad.ocir.io', 'image.registry'),
  values('9:3', 'repository: acme/shop', 'image.repository'),
];
const SHOP_IMAGE_NOTE = '(value from values.yaml: image.registry, image.repository)';
const SHOP_RO: readonly Related[] = [
  ['templates/_helpers.tpl:81:3', 'readOnlyRootFilesystem: {{ .Values.readOnlyRootFilesystem }}', 'Set by helper "shop.securityContext"'],
  values('20:1', 'readOnlyRootFilesystem: false', 'readOnlyRootFilesystem'),
];
const SHOP_RO_NOTE = '(value from values.yaml: readOnlyRootFilesystem)';
const REDIS_VALUES = 'charts/redis/values.yaml';

export const SHOP: ChartCase = {
  chart: 'shop',
  rows: [
    {
      rule: 'secret-committed', at: 'charts/redis/templates/secret.yaml:10:3', key: 'password: {{ .Values.auth.password | b64enc | quote }}',
      rendered: '25:13', renderedText: '"Y2hhbmdlbWUtcmVkaXMtMjAyNA=="',
      related: [values('9:3', 'password: changeme-redis-2024', 'auth.password', REDIS_VALUES)], note: `(value from ${REDIS_VALUES}: auth.password)`,
    },
    {
      rule: 'image-no-digest', at: 'charts/redis/templates/statefulset.yaml:25:11', key: 'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      rendered: '224:18', renderedText: '"docker.io/library/redis:7.2.5-alpine"',
      related: [values('4:3', 'repository: docker.io/library/redis', 'image.repository', REDIS_VALUES), values('5:3', 'tag: 7.2.5-alpine', 'image.tag', REDIS_VALUES)],
      note: `(value from ${REDIS_VALUES}: image.repository, image.tag)`,
    },
    {
      // The parent chart's `redis.securityContext` overrides the subchart's own default.
      rule: 'run-as-non-root', at: 'charts/redis/templates/statefulset.yaml:45:11', key: 'securityContext:',
      rendered: '246:27', renderedText: 'false',
      related: [values('81:5', 'runAsNonRoot: false', 'redis.securityContext.runAsNonRoot')], note: '(value from values.yaml: redis.securityContext.runAsNonRoot)',
    },
    {
      // `# okelint-disable-next-line run-as-user-root -- …` above securityContext: in the template; rendered, it is 7 lines above runAsUser.
      rule: 'run-as-user-root', at: 'charts/redis/templates/statefulset.yaml:45:11', key: 'securityContext:',
      rendered: '247:24', renderedText: '0',
      related: [values('82:5', 'runAsUser: 0', 'redis.securityContext.runAsUser')], note: '(value from values.yaml: redis.securityContext.runAsUser)',
      suppressed: 'comment',
    },
    {
      rule: 'missing-resource-limits', at: 'charts/redis/templates/statefulset.yaml:47:11', key: 'resources:',
      rendered: '249:13', renderedText: 'limits:',
      related: [values('21:3', 'limits:', 'resources.limits', REDIS_VALUES)], note: `(value from ${REDIS_VALUES}: resources.limits)`,
    },
    {
      // {{- range $key, $value := .Values.config }} {{ $key }}: {{ $value | quote }}
      rule: 'secret-in-configmap', at: 'templates/configmap.yaml:9:3', key: '{{ $key }}: {{ $value | quote }}',
      rendered: '41:18', renderedText: '"Wq8rT2vLp0sXz6Nb"',
      related: [values('59:3', 'SMTP_PASSWORD: Wq8rT2vLp0sXz6Nb', 'config.SMTP_PASSWORD')], note: '(value from values.yaml: config.SMTP_PASSWORD)',
    },
    {
      // The container's securityContext comes from {{- include "shop.securityContext" . | nindent 10 }}: its item is the nearest key.
      rule: 'readonly-root-filesystem', at: 'templates/db-migrate-job.yaml:28:9', key: '- name: migrate',
      rendered: '309:37', renderedText: 'false', related: SHOP_RO, note: SHOP_RO_NOTE,
    },
    {
      rule: 'image-no-digest', at: 'templates/db-migrate-job.yaml:29:11', key: 'image: {{ include "shop.image" . }}',
      rendered: '299:18', renderedText: 'iad.ocir.io/acme/shop:3.2.0', related: SHOP_IMAGE, note: SHOP_IMAGE_NOTE,
    },
    {
      rule: 'host-namespaces', at: 'templates/frontend.yaml:27:7', key: 'hostNetwork: true',
      rendered: '114:20', renderedText: 'true',
      related: [enabled('29:3', 'hostNetwork: true', 'frontend.hostNetwork')], note: '(enabled by values.yaml: frontend.hostNetwork)',
    },
    {
      // okelint.io/ignore: readonly-root-filesystem comes from values (frontend.annotations) through toYaml.
      rule: 'readonly-root-filesystem', at: 'templates/frontend.yaml:34:9', key: '- name: frontend',
      rendered: '138:37', renderedText: 'false', related: SHOP_RO, note: SHOP_RO_NOTE, suppressed: 'annotation',
    },
    {
      rule: 'image-no-digest', at: 'templates/frontend.yaml:35:11', key: 'image: {{ include "shop.image" . }}',
      rendered: '121:18', renderedText: 'iad.ocir.io/acme/shop:3.2.0', related: SHOP_IMAGE, note: SHOP_IMAGE_NOTE,
    },
    {
      // {{- range .Values.frontend.ports }} … {{- with .hostPort }} hostPort: {{ . }}: the second port.
      rule: 'host-ports', at: 'templates/frontend.yaml:41:15', key: 'hostPort: {{ . }}',
      rendered: '127:25', renderedText: '9090',
      related: [values('35:7', 'hostPort: 9090', 'frontend.ports[1].hostPort')], note: '(value from values.yaml: frontend.ports[1].hostPort)',
    },
    {
      // {{- range $name, $value := .Values.env }}: Go ranges over map keys in order, PAYMENT_API_TOKEN is the second.
      rule: 'secret-in-env', at: 'templates/frontend.yaml:47:15', key: 'value: {{ $value | quote }}',
      rendered: '132:22', renderedText: '"pk_live_51HxQ2fLk9aZ3bV7cT0mN8rS"',
      related: [values('53:3', 'PAYMENT_API_TOKEN: pk_live_51HxQ2fLk9aZ3bV7cT0mN8rS', 'env.PAYMENT_API_TOKEN')], note: '(value from values.yaml: env.PAYMENT_API_TOKEN)',
    },
    {
      rule: 'readonly-root-filesystem', at: 'templates/worker.yaml:27:9', key: '- name: worker',
      rendered: '193:37', renderedText: 'false', related: SHOP_RO, note: SHOP_RO_NOTE,
    },
    // worker.resources is {} in values: {{- with .Values.worker.resources }} renders nothing.
    ...(['missing-resource-limits', 'missing-resource-requests'] as const).map((rule): Row => ({
      rule, at: 'templates/worker.yaml:27:11', key: 'name: worker', rendered: '183:11', renderedText: 'name: worker', related: [], note: '',
    })),
    {
      rule: 'image-no-digest', at: 'templates/worker.yaml:28:11', key: 'image: {{ include "shop.image" . }}',
      rendered: '184:18', renderedText: 'iad.ocir.io/acme/shop:3.2.0', related: SHOP_IMAGE, note: SHOP_IMAGE_NOTE,
    },
  ],
};

export const CASES: readonly ChartCase[] = [WEBAPP, DASHBOARD, SHOP];
