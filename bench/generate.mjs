// @ts-check
/**
 * Deterministic benchmark corpus generator for okelint.
 *
 *   node bench/generate.mjs [--out bench/corpus] [--files 2000] [--objects 20000] [--seed 1]
 *
 * Writes `files` manifest files holding exactly `objects` Kubernetes objects (List items count,
 * the List itself does not) under `out`, spread over 40 top-level team directories. The same
 * arguments always give byte-identical output: all randomness comes from a seeded mulberry32
 * PRNG, nothing reads the clock or Math.random.
 *
 * Content: app bundles (Deployment/StatefulSet/DaemonSet + Service, ConfigMap, ServiceAccount,
 * Secret, HPA, PDB, NetworkPolicy, Ingress, Role/RoleBinding), CronJobs and Jobs, bare Pods,
 * namespaces with quotas, RBAC (Role/ClusterRole/bindings), `kind: List` exports in YAML and
 * JSON, and `helm template`-style streams with `# Source:` comments. About a third of the
 * workloads carry findings (latest or untagged images, tags without digests, privileged
 * containers, missing limits, literal credentials in env, privilege escalation, root, writable
 * root filesystems, mounted tokens, hostPath, host network); the rest are hardened.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Name of the marker file that lets a later run delete the directory again. */
export const MARKER = '.okelint-bench-corpus';

/**
 * A manifest object. Keys starting with `#` are emitted as comment lines in YAML and dropped in JSON.
 * @typedef {{ [key: string]: YamlValue | undefined }} YamlMap
 */
/**
 * A manifest value. Sequence items are typed `unknown` only because JSDoc cannot express a
 * recursive array type; they are YamlValues.
 * @typedef {string | number | boolean | null | unknown[] | { [key: string]: YamlValue | undefined }} YamlValue
 */

/**
 * @typedef {object} GenerateOptions
 * @property {string} [out] output directory (deleted and recreated); default `bench/corpus`
 * @property {number} [files] number of files; default 2000
 * @property {number} [objects] number of Kubernetes objects; default 20000
 * @property {number} [seed] PRNG seed; default 1
 */

/**
 * @typedef {object} GenerateResult
 * @property {string[]} files absolute paths of the written manifest files, sorted
 * @property {number} objects Kubernetes objects written (List items counted, Lists not)
 * @property {number} bytes total size of the written manifest files
 */

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** @param {number} seed */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  /** @param {number} seed */
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. @param {number} lo @param {number} hi */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return /** @type {T} */ (items[Math.floor(this.next() * items.length)]);
  }
  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }
  /** @template T @param {readonly (readonly [T, number])[]} table @returns {T} */
  weighted(table) {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.next() * total;
    for (const [v, w] of table) {
      x -= w;
      if (x < 0) return v;
    }
    return /** @type {readonly [T, number]} */ (table[table.length - 1])[0];
  }
  /** @param {number} n hex digits */
  hex(n) {
    let s = '';
    while (s.length < n) s += ((this.next() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  }
  /** Base64 of n pseudo-random bytes. @param {number} n */
  base64(n) {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(this.next() * 256);
    return b.toString('base64');
  }
  uuid() {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
  timestamp() {
    const p = (/** @type {number} */ n) => String(n).padStart(2, '0');
    return `2025-${p(this.int(1, 12))}-${p(this.int(1, 28))}T${p(this.int(0, 23))}:${p(this.int(0, 59))}:${p(this.int(0, 59))}Z`;
  }
}

// ---------------------------------------------------------------------------------------------
// A small YAML emitter (block style, Kubernetes conventions, comments via `#` keys)

const FLOW_KEYS = new Set(['args', 'command', 'verbs', 'apiGroups', 'resources', 'drop', 'add', 'accessModes', 'resourceNames']);
const PLAIN = /^[A-Za-z0-9_/.$][A-Za-z0-9_/.:@=+,()$*-]*(?: [A-Za-z0-9_/.:@=+,()$*-]+)*$/;
const NUMBERISH = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0[xob]|^\d+(?::\d+)+$|^\.(?:inf|nan)$/i;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** @param {string} s */
function quoteIfNeeded(s) {
  if (s === '' || !PLAIN.test(s) || NUMBERISH.test(s) || RESERVED.test(s) || s.endsWith(':') || s.includes(': ')) {
    return JSON.stringify(s);
  }
  return s;
}

/** @param {YamlValue} v @returns {v is string | number | boolean | null} */
function isScalar(v) {
  return v === null || typeof v !== 'object';
}

/** @param {string | number | boolean | null} v */
function inlineScalar(v) {
  if (v === null) return 'null';
  if (typeof v === 'string') return quoteIfNeeded(v);
  return String(v);
}

/**
 * `key: value` for a scalar, using a literal block for multi-line strings.
 * @param {string} head text before the value (`key:` or `-`)
 * @param {string | number | boolean | null} v
 * @param {string} ind indentation of the block's content
 * @param {string[]} lines
 */
function scalarLine(head, v, ind, lines) {
  if (typeof v === 'string' && v.includes('\n') && !/^[ \t]/.test(v)) {
    const chomp = v.endsWith('\n') ? (v.endsWith('\n\n') ? '+' : '') : '-';
    lines.push(`${head} |${chomp}`);
    const body = v.endsWith('\n') ? v.slice(0, -1) : v;
    for (const line of body.split('\n')) lines.push(line === '' ? '' : ind + line);
    return;
  }
  lines.push(`${head} ${inlineScalar(v)}`);
}

/** @param {YamlMap} map @param {string} ind @param {string[]} lines */
function emitMap(map, ind, lines) {
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (k.startsWith('#')) {
      lines.push(`${ind}# ${v}`);
      continue;
    }
    const key = quoteIfNeeded(k);
    if (isScalar(v)) scalarLine(`${ind}${key}:`, v, ind + '  ', lines);
    else if (Array.isArray(v)) {
      if (v.length === 0) lines.push(`${ind}${key}: []`);
      else if (FLOW_KEYS.has(k) && v.every((x) => typeof x === 'string' && x.length < 40)) {
        lines.push(`${ind}${key}: [${v.map((x) => JSON.stringify(x)).join(', ')}]`);
      } else {
        lines.push(`${ind}${key}:`);
        emitSeq(v, ind + '  ', lines);
      }
    } else if (Object.keys(v).length === 0) lines.push(`${ind}${key}: {}`);
    else {
      lines.push(`${ind}${key}:`);
      emitMap(v, ind + '  ', lines);
    }
  }
}

/** @param {unknown[]} seq @param {string} ind @param {string[]} lines */
function emitSeq(seq, ind, lines) {
  for (const item of seq) {
    const v = /** @type {YamlValue} */ (item);
    if (isScalar(v)) scalarLine(`${ind}-`, v, ind + '  ', lines);
    else if (Array.isArray(v)) {
      lines.push(`${ind}-`);
      emitSeq(v, ind + '  ', lines);
    } else if (Object.keys(v).length === 0) lines.push(`${ind}- {}`);
    else {
      const sub = /** @type {string[]} */ ([]);
      emitMap(v, ind + '  ', sub);
      sub[0] = `${ind}- ${(sub[0] ?? '').slice(ind.length + 2)}`;
      for (const line of sub) lines.push(line);
    }
  }
}

/** @param {YamlMap} obj */
export function toYaml(obj) {
  /** @type {string[]} */
  const lines = [];
  emitMap(obj, '', lines);
  return lines.join('\n') + '\n';
}

/** @param {YamlMap} obj */
function toJson(obj) {
  return JSON.stringify(obj, (k, v) => (k.startsWith('#') ? undefined : v), 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TEAMS = [
  'payments', 'checkout', 'catalog', 'search', 'identity', 'notifications', 'billing', 'ledger',
  'fraud', 'recommendations', 'inventory', 'shipping', 'returns', 'pricing', 'promotions', 'reviews',
  'media', 'analytics', 'reporting', 'data-platform', 'ml-serving', 'observability', 'logging', 'ingress',
  'mesh', 'security', 'backoffice', 'crm', 'support', 'partners', 'marketplace', 'loyalty',
  'gift-cards', 'tax', 'invoicing', 'warehouse', 'fleet', 'geo', 'messaging', 'platform-tools',
];
const SERVICES = [
  'api', 'web', 'worker', 'gateway', 'consumer', 'scheduler', 'sync', 'exporter', 'indexer', 'admin',
  'graphql', 'grpc', 'webhook', 'ingestor', 'projector', 'notifier', 'renderer', 'resolver', 'auth', 'edge',
];
const ENVS = ['dev', 'staging', 'prod'];
const REGIONS = [['iad', 'us-ashburn-1'], ['phx', 'us-phoenix-1'], ['fra', 'eu-frankfurt-1'], ['lhr', 'uk-london-1'], ['nrt', 'ap-tokyo-1']];
const PUBLIC_IMAGES = [
  ['docker.io/library/nginx', '1.27.3'], ['docker.io/library/redis', '7.4.1'], ['postgres', '16.6'],
  ['docker.io/bitnami/kafka', '3.9.0'], ['quay.io/prometheus/node-exporter', 'v1.8.2'],
  ['registry.k8s.io/ingress-nginx/controller', 'v1.11.3'], ['ghcr.io/fluxcd/source-controller', 'v1.4.1'],
  ['docker.io/grafana/grafana', '11.3.1'], ['cr.fluentbit.io/fluent/fluent-bit', '3.2.2'],
  ['busybox', '1.37.0'], ['docker.io/library/rabbitmq', '4.0.4-management'], ['memcached', '1.6.32'],
];
const WORDS = ['amber', 'basil', 'cobalt', 'delta', 'ember', 'falcon', 'garnet', 'harbor', 'iris', 'juniper', 'kestrel', 'lumen', 'maple', 'nova', 'onyx', 'pepper', 'quartz', 'raven', 'sierra', 'tango'];

const CHARTS = [
  { chart: 'ingress-nginx', version: '4.11.3', app: 'controller', image: 'registry.k8s.io/ingress-nginx/controller', tag: 'v1.11.3', kind: 'Deployment' },
  { chart: 'cert-manager', version: 'v1.16.2', app: 'cert-manager', image: 'quay.io/jetstack/cert-manager-controller', tag: 'v1.16.2', kind: 'Deployment' },
  { chart: 'external-dns', version: '1.15.0', app: 'external-dns', image: 'registry.k8s.io/external-dns/external-dns', tag: 'v0.15.0', kind: 'Deployment' },
  { chart: 'prometheus-node-exporter', version: '4.42.0', app: 'node-exporter', image: 'quay.io/prometheus/node-exporter', tag: 'v1.8.2', kind: 'DaemonSet' },
  { chart: 'fluent-bit', version: '0.48.3', app: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit', tag: '3.2.2', kind: 'DaemonSet' },
  { chart: 'kube-state-metrics', version: '5.27.0', app: 'kube-state-metrics', image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics', tag: 'v2.14.0', kind: 'Deployment' },
  { chart: 'grafana', version: '8.6.4', app: 'grafana', image: 'docker.io/grafana/grafana', tag: '11.3.1', kind: 'Deployment' },
  { chart: 'redis', version: '20.4.0', app: 'redis', image: 'docker.io/bitnami/redis', tag: '7.4.1-debian-12-r2', kind: 'StatefulSet' },
];

/** @typedef {'latest' | 'untagged' | 'nodigest' | 'privileged' | 'nolimits' | 'noresources' | 'secret' | 'escalation' | 'root' | 'rwroot' | 'token' | 'hostpath' | 'hostnetwork'} Flaw */

/** @type {readonly (readonly [Flaw, number])[]} */
const FLAWS = [
  ['latest', 3], ['untagged', 1], ['nodigest', 3], ['privileged', 1.5], ['nolimits', 3], ['noresources', 1.5],
  ['secret', 3], ['escalation', 2], ['root', 2], ['rwroot', 2], ['token', 2], ['hostpath', 1], ['hostnetwork', 0.5],
];

/**
 * Where an object lives.
 * @typedef {object} Ctx
 * @property {string} team
 * @property {string} ns
 * @property {string} env
 * @property {string} region short OCIR region key (iad, fra …)
 */

// ---------------------------------------------------------------------------------------------
// Object builders

/**
 * @param {Ctx} c @param {string} name @param {string} component
 * @param {{ namespaced?: boolean, annotations?: YamlMap, helm?: { chart: string, version: string, release: string } }} [o]
 * @returns {YamlMap}
 */
function meta(c, name, component, o = {}) {
  /** @type {YamlMap} */
  const labels = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/instance': o.helm ? o.helm.release : `${name}-${c.env}`,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': c.team,
  };
  if (o.helm) {
    labels['app.kubernetes.io/managed-by'] = 'Helm';
    labels['helm.sh/chart'] = `${o.helm.chart}-${o.helm.version}`;
  } else labels['app.kubernetes.io/managed-by'] = 'kustomize';
  labels['acme.example/team'] = c.team;
  return {
    name,
    ...(o.namespaced !== false && { namespace: c.ns }),
    labels,
    ...(o.annotations && Object.keys(o.annotations).length > 0 && { annotations: o.annotations }),
  };
}

/** @param {Rng} r */
function flawsFor(r) {
  /** @type {Set<Flaw>} */
  const flaws = new Set();
  if (!r.chance(1 / 3)) return flaws;
  const n = r.weighted([[1, 5], [2, 3], [3, 2]]);
  while (flaws.size < n) flaws.add(r.weighted(FLAWS));
  return flaws;
}

/** @param {Rng} r @param {string} repo @param {string} tag @param {Set<Flaw>} flaws */
function imageRef(r, repo, tag, flaws) {
  if (flaws.has('latest')) return `${repo}:latest`;
  if (flaws.has('untagged')) return repo;
  if (flaws.has('nodigest')) return `${repo}:${tag}`;
  return r.chance(0.7) ? `${repo}:${tag}@sha256:${r.hex(64)}` : `${repo}@sha256:${r.hex(64)}`;
}

/** @param {Rng} r */
function version(r) {
  return `${r.int(0, 5)}.${r.int(0, 30)}.${r.int(0, 12)}`;
}

/** @param {Rng} r @param {Ctx} c @param {string} app */
function literalSecretEnv(r, c, app) {
  const pw = `${r.pick(WORDS)}${r.int(1, 9)}-${r.pick(WORDS)}-${c.env}`;
  return r.pick([
    () => ({ name: 'DB_PASSWORD', value: pw }),
    () => ({ name: 'DATABASE_URL', value: `postgres://${app}:${pw}@${app}-db.${c.ns}.svc.cluster.local:5432/${app.replace(/-/g, '_')}` }),
    () => ({ name: 'AWS_SECRET_ACCESS_KEY', value: r.base64(30) }),
    () => ({ name: 'API_TOKEN', value: r.hex(40) }),
    () => ({ name: 'REDIS_PASSWORD', value: pw }),
    () => ({ name: 'JWT_SIGNING_SECRET', value: r.base64(32) }),
    () => ({ name: 'SMTP_PASSWORD', value: pw }),
    () => ({ name: 'AMQP_URL', value: `amqp://${app}:${pw}@rabbitmq.${c.ns}.svc:5672/` }),
  ])();
}

/** @param {Rng} r @param {Ctx} c @param {string} app */
function plainEnv(r, c, app) {
  const regionName = REGIONS.find(([k]) => k === c.region)?.[1] ?? 'us-ashburn-1';
  /** @type {YamlValue[]} */
  const all = [
    { name: 'LOG_LEVEL', value: r.pick(['info', 'debug', 'warn']) },
    { name: 'LOG_FORMAT', value: 'json' },
    { name: 'OCI_REGION', value: regionName },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc.cluster.local:4317' },
    { name: 'OTEL_SERVICE_NAME', value: app },
    { name: 'HTTP_TIMEOUT', value: `${r.int(5, 60)}s` },
    { name: 'CACHE_TTL_SECONDS', value: String(r.int(30, 3600)) },
    { name: 'TZ', value: 'UTC' },
    { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError' },
    { name: 'UPSTREAM_URL', value: `http://${r.pick(SERVICES)}.${c.ns}.svc.cluster.local:8080` },
    { name: 'FEATURE_FLAGS', value: `${r.pick(WORDS)},${r.pick(WORDS)}` },
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    { name: 'GOMEMLIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
  ];
  const n = r.int(1, 5);
  const start = r.int(0, all.length - 1);
  /** @type {YamlValue[]} */
  const out = [];
  for (let i = 0; i < n; i++) out.push(/** @type {YamlValue} */ (all[(start + i) % all.length]));
  return out;
}

/**
 * One container.
 * @param {Rng} r @param {Ctx} c @param {Set<Flaw>} flaws
 * @param {{ name: string, app: string, image: string, port: number, kind: 'web' | 'worker' | 'db' | 'sidecar' | 'job', mounts: YamlValue[] }} o
 * @returns {YamlMap}
 */
function container(r, c, flaws, o) {
  /** @type {YamlValue[]} */
  const env = o.kind === 'sidecar' ? [] : plainEnv(r, c, o.app);
  if (o.kind !== 'sidecar') {
    if (flaws.has('secret')) env.push(literalSecretEnv(r, c, o.app));
    else if (r.chance(0.5)) env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${o.app}-db`, key: 'password' } } });
  }
  const cpu = r.pick([50, 100, 200, 250, 500, 1000]);
  const mem = r.pick([64, 128, 256, 512, 1024, 2048]);
  /** @type {YamlMap | undefined} */
  let resources = {
    requests: { cpu: `${cpu}m`, memory: `${mem}Mi` },
    limits: { cpu: cpu * 4 >= 1000 ? String((cpu * 4) / 1000) : `${cpu * 4}m`, memory: `${mem * 2}Mi` },
  };
  if (flaws.has('noresources')) resources = undefined;
  else if (flaws.has('nolimits')) resources = { requests: resources.requests };

  /** @type {YamlMap} */
  const sc = {};
  if (flaws.has('privileged')) sc.privileged = true;
  sc.allowPrivilegeEscalation = flaws.has('escalation') || flaws.has('privileged') ? (r.chance(0.5) ? true : undefined) : false;
  sc.readOnlyRootFilesystem = flaws.has('rwroot') ? (r.chance(0.5) ? false : undefined) : true;
  if (flaws.has('root')) {
    if (r.chance(0.5)) sc.runAsUser = 0;
  } else sc.runAsNonRoot = true;
  if (!flaws.has('privileged')) sc.capabilities = { drop: ['ALL'] };
  if (sc.allowPrivilegeEscalation === undefined) delete sc.allowPrivilegeEscalation;
  if (sc.readOnlyRootFilesystem === undefined) delete sc.readOnlyRootFilesystem;

  /** @type {YamlMap} */
  const ctr = { name: o.name };
  if (flaws.has('nodigest') && r.chance(0.08)) {
    ctr['#suppress'] = 'okelint-disable-next-line image-no-digest -- tag bumped by Renovate, digest pinned at deploy time';
  }
  ctr.image = o.image;
  ctr.imagePullPolicy = r.pick(['IfNotPresent', 'IfNotPresent', 'Always']);
  if (o.kind === 'worker' || o.kind === 'job') {
    ctr.args = [`--queue=${r.pick(WORDS)}`, `--concurrency=${r.int(1, 16)}`, '--log-format=json'];
  } else if (o.kind === 'sidecar') {
    ctr.args = ['--config=/etc/sidecar/config.yaml'];
  }
  if (o.kind === 'web' || o.kind === 'db') {
    ctr.ports = [{ name: o.kind === 'db' ? 'tcp' : 'http', containerPort: o.port, protocol: 'TCP' }];
    if (r.chance(0.6)) ctr.ports.push({ name: 'metrics', containerPort: 9090, protocol: 'TCP' });
  }
  if (o.kind !== 'sidecar' && r.chance(0.6)) ctr.envFrom = [{ configMapRef: { name: `${o.app}-config` } }];
  if (env.length > 0) ctr.env = env;
  if (resources) ctr.resources = resources;
  if (o.kind === 'web') {
    ctr.readinessProbe = { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, failureThreshold: 3 };
    ctr.livenessProbe = { httpGet: { path: '/livez', port: 'http' }, initialDelaySeconds: r.int(5, 30), periodSeconds: 15, timeoutSeconds: 2 };
    if (r.chance(0.3)) ctr.startupProbe = { httpGet: { path: '/livez', port: 'http' }, failureThreshold: 30, periodSeconds: 5 };
  } else if (o.kind === 'db') {
    ctr.readinessProbe = { tcpSocket: { port: 'tcp' }, periodSeconds: 10 };
    ctr.livenessProbe = { tcpSocket: { port: 'tcp' }, initialDelaySeconds: 30, periodSeconds: 20 };
  } else if (o.kind === 'worker') {
    ctr.livenessProbe = { exec: { command: ['/app/healthcheck', '--timeout=5s'] }, initialDelaySeconds: 20, periodSeconds: 30 };
  }
  if (Object.keys(sc).length > 0) ctr.securityContext = sc;
  if (o.mounts.length > 0) ctr.volumeMounts = o.mounts;
  return ctr;
}

/**
 * A pod template (`metadata` + `spec`) or, for kind Pod, the pod's spec parts.
 * @param {Rng} r @param {Ctx} c @param {string} app @param {'web' | 'worker' | 'db' | 'job'} kind
 * @param {Set<Flaw>} flaws @param {{ image?: string, tag?: string, port?: number, daemon?: boolean }} [o]
 */
function podTemplate(r, c, app, kind, flaws, o = {}) {
  const [repo, tag] = o.image
    ? [o.image, o.tag ?? version(r)]
    : r.chance(0.8)
      ? [`${c.region}.ocir.io/acmecorp/${c.team}/${app}`, version(r)]
      : /** @type {[string, string]} */ (r.pick(PUBLIC_IMAGES));
  const port = o.port ?? r.pick([8080, 8080, 8443, 3000, 5000, 9000]);
  /** @type {YamlValue[]} */
  const mounts = [{ name: 'tmp', mountPath: '/tmp' }];
  /** @type {YamlValue[]} */
  const volumes = [{ name: 'tmp', emptyDir: { sizeLimit: `${r.pick([64, 128, 256])}Mi` } }];
  if (r.chance(0.6)) {
    mounts.push({ name: 'config', mountPath: `/etc/${app}`, readOnly: true });
    volumes.push({ name: 'config', configMap: { name: `${app}-config`, defaultMode: 420 } });
  }
  if (r.chance(0.3)) {
    mounts.push({ name: 'tls', mountPath: '/etc/tls', readOnly: true });
    volumes.push({ name: 'tls', secret: { secretName: `${app}-tls` } });
  }
  if (kind === 'db') mounts.push({ name: 'data', mountPath: '/var/lib/data' });
  if (flaws.has('hostpath')) {
    mounts.push({ name: 'varlog', mountPath: '/var/log' });
    volumes.push({ name: 'varlog', hostPath: { path: '/var/log', type: 'Directory' } });
  }
  /** @type {YamlMap[]} */
  const containers = [container(r, c, flaws, { name: app, app, image: imageRef(r, repo, tag, flaws), port, kind, mounts })];
  if (kind !== 'job' && r.chance(0.2)) {
    const sideFlaws = new Set(/** @type {Flaw[]} */ ([...flaws].filter((f) => f !== 'secret')));
    containers.push(container(r, c, sideFlaws, {
      name: 'log-forwarder', app, image: imageRef(r, 'cr.fluentbit.io/fluent/fluent-bit', '3.2.2', sideFlaws), port: 2020, kind: 'sidecar',
      mounts: [{ name: 'tmp', mountPath: '/tmp' }],
    }));
  }
  /** @type {YamlMap} */
  const podSc = {};
  if (!flaws.has('root')) {
    podSc.runAsNonRoot = true;
    podSc.runAsUser = r.int(1000, 65000);
    podSc.runAsGroup = podSc.runAsUser;
    podSc.fsGroup = podSc.runAsUser;
  }
  podSc.seccompProfile = { type: 'RuntimeDefault' };

  /** @type {YamlMap} */
  const spec = {};
  if (r.chance(0.5)) spec.serviceAccountName = app;
  if (!flaws.has('token')) spec.automountServiceAccountToken = false;
  if (flaws.has('hostnetwork')) {
    spec.hostNetwork = true;
    spec.dnsPolicy = 'ClusterFirstWithHostNet';
  }
  spec.securityContext = podSc;
  if (r.chance(0.25)) {
    const initFlaws = new Set(/** @type {Flaw[]} */ ([...flaws].filter((f) => f !== 'secret')));
    spec.initContainers = [{
      ...container(r, c, initFlaws, { name: 'wait-for-db', app, image: imageRef(r, 'busybox', '1.37.0', initFlaws), port, kind: 'sidecar', mounts: [] }),
      command: ['sh', '-c', `until nc -z ${app}-db 5432; do sleep 2; done`],
    }];
  }
  spec.containers = containers;
  spec.volumes = volumes;
  if (kind === 'job') spec.restartPolicy = 'OnFailure';
  else spec.terminationGracePeriodSeconds = r.pick([30, 30, 60, 120]);
  if (r.chance(0.3)) spec.nodeSelector = { 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': r.pick(['VM.Standard.E4.Flex', 'VM.Standard.E5.Flex', 'VM.Standard.A1.Flex']) };
  if (o.daemon || r.chance(0.15)) spec.tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
  if (kind === 'web' && r.chance(0.3)) {
    spec.affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 100,
          podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { 'app.kubernetes.io/name': app } } },
        }],
      },
    };
  }
  /** @type {YamlMap} */
  const annotations = {};
  if (r.chance(0.5)) {
    annotations['prometheus.io/scrape'] = 'true';
    annotations['prometheus.io/port'] = '9090';
  }
  if (r.chance(0.4)) annotations['checksum/config'] = r.hex(64);
  /** @type {YamlMap} */
  const metadata = { labels: { 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': `${app}-${c.env}`, 'app.kubernetes.io/part-of': c.team } };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return { metadata, spec };
}

/** Object-level annotations, sometimes with an okelint suppression. @param {Rng} r @param {Set<Flaw>} flaws */
function workloadAnnotations(r, flaws) {
  /** @type {YamlMap} */
  const a = { 'deployment.kubernetes.io/revision': String(r.int(1, 40)) };
  if (r.chance(0.5)) a['acme.example/owner'] = `${r.pick(WORDS)}@acme.example`;
  if (r.chance(0.3)) a['acme.example/runbook'] = `https://wiki.acme.example/runbooks/${r.pick(WORDS)}`;
  if (flaws.has('rwroot') && r.chance(0.15)) {
    a['okelint.io/ignore'] = 'readonly-root-filesystem';
    a['okelint.io/ignore-reason'] = 'legacy service writes its cache under /var/cache; tracked in PLAT-1234';
  }
  return a;
}

/**
 * @param {Rng} r @param {Ctx} c @param {string} app
 * @param {'Deployment' | 'StatefulSet' | 'DaemonSet'} kind
 * @param {{ helm?: { chart: string, version: string, release: string }, image?: string, tag?: string }} [o]
 * @returns {YamlMap}
 */
function workload(r, c, app, kind, o = {}) {
  const flaws = flawsFor(r);
  const podKind = kind === 'StatefulSet' ? 'db' : app.includes('worker') || app.includes('consumer') ? 'worker' : 'web';
  const tpl = podTemplate(r, c, app, podKind, flaws, { ...(o.image && { image: o.image }), ...(o.tag && { tag: o.tag }), daemon: kind === 'DaemonSet' });
  const selector = { matchLabels: { 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': `${app}-${c.env}` } };
  /** @type {YamlMap} */
  const spec = {};
  if (kind !== 'DaemonSet') spec.replicas = r.pick([1, 2, 2, 3, 3, 5]);
  spec.revisionHistoryLimit = r.pick([3, 5, 10]);
  spec.selector = selector;
  if (kind === 'Deployment') spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } };
  if (kind === 'StatefulSet') {
    spec.serviceName = `${app}-headless`;
    spec.podManagementPolicy = 'OrderedReady';
  }
  if (kind === 'DaemonSet') spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
  spec.template = tpl;
  if (kind === 'StatefulSet') {
    spec.volumeClaimTemplates = [{
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'oci-bv', resources: { requests: { storage: `${r.pick([20, 50, 100, 200])}Gi` } } },
    }];
  }
  const component = podKind === 'db' ? 'database' : podKind === 'worker' ? 'worker' : 'server';
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(c, app, component, { annotations: workloadAnnotations(r, flaws), ...(o.helm && { helm: o.helm }) }),
    spec,
  };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @param {boolean} cron @returns {YamlMap} */
function job(r, c, app, cron) {
  const flaws = flawsFor(r);
  const tpl = podTemplate(r, c, app, 'job', flaws);
  const jobSpec = { backoffLimit: r.int(0, 6), activeDeadlineSeconds: r.pick([600, 1800, 3600]), ttlSecondsAfterFinished: 86400, template: tpl };
  if (!cron) {
    return { apiVersion: 'batch/v1', kind: 'Job', metadata: meta(c, app, 'job', { annotations: workloadAnnotations(r, flaws) }), spec: jobSpec };
  }
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(c, app, 'cronjob', { annotations: workloadAnnotations(r, flaws) }),
    spec: {
      schedule: `${r.int(0, 59)} ${r.int(0, 23)} * * ${r.pick(['*', '1-5', '0'])}`,
      concurrencyPolicy: r.pick(['Forbid', 'Replace', 'Allow']),
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: { spec: jobSpec },
    },
  };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @returns {YamlMap} */
function pod(r, c, app) {
  const flaws = flawsFor(r);
  const { metadata, spec } = podTemplate(r, c, app, 'worker', flaws);
  return { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta(c, app, 'debug'), ...(metadata.annotations !== undefined && { annotations: metadata.annotations }) }, spec };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @param {{ helm?: { chart: string, version: string, release: string }, headless?: boolean }} [o] @returns {YamlMap} */
function service(r, c, app, o = {}) {
  const type = o.headless ? 'ClusterIP' : r.weighted([['ClusterIP', 88], ['LoadBalancer', 8], ['NodePort', 4]]);
  /** @type {YamlMap} */
  const annotations = {};
  if (type === 'LoadBalancer') {
    annotations['oci.oraclecloud.com/load-balancer-type'] = r.pick(['lb', 'nlb']);
    annotations['service.beta.kubernetes.io/oci-load-balancer-shape'] = 'flexible';
    annotations['service.beta.kubernetes.io/oci-load-balancer-shape-flex-min'] = '10';
    annotations['service.beta.kubernetes.io/oci-load-balancer-shape-flex-max'] = String(r.pick([100, 400]));
    if (r.chance(0.5)) annotations['service.beta.kubernetes.io/oci-load-balancer-internal'] = 'true';
  }
  /** @type {YamlMap} */
  const spec = { type };
  if (o.headless) spec.clusterIP = 'None';
  spec.selector = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': `${app}-${c.env}` };
  spec.ports = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }];
  if (type === 'NodePort') /** @type {YamlMap} */ (spec.ports[0]).nodePort = r.int(30000, 32767);
  if (r.chance(0.4)) spec.ports.push({ name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' });
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(c, o.headless ? `${app}-headless` : app, 'service', { annotations, ...(o.helm && { helm: o.helm }) }), spec };
}

/** @param {Rng} r @param {Ctx} c @param {string} app */
function configFile(r, c, app) {
  const lines = [
    'server:',
    `  port: ${r.pick([8080, 8443, 3000])}`,
    `  shutdownTimeout: ${r.int(5, 30)}s`,
    'database:',
    `  host: ${app}-db.${c.ns}.svc.cluster.local`,
    '  port: 5432',
    `  pool: { min: ${r.int(1, 4)}, max: ${r.int(8, 64)} }`,
    'cache:',
    `  ttl: ${r.int(30, 600)}s`,
    `  size: ${r.int(100, 10000)}`,
    'features:',
  ];
  for (let i = r.int(2, 8); i > 0; i--) lines.push(`  ${r.pick(WORDS)}${i}: ${r.chance(0.5)}`);
  return lines.join('\n') + '\n';
}

/** @param {Rng} r @param {Ctx} c @param {string} app @param {{ helm?: { chart: string, version: string, release: string } }} [o] @returns {YamlMap} */
function configMap(r, c, app, o = {}) {
  /** @type {YamlMap} */
  const data = {
    LOG_LEVEL: r.pick(['info', 'debug']),
    HTTP_PORT: String(r.pick([8080, 3000])),
    ENVIRONMENT: c.env,
    UPSTREAM_TIMEOUT: `${r.int(1, 30)}s`,
  };
  if (r.chance(0.1)) data.SMTP_PASSWORD = `${r.pick(WORDS)}-${r.int(100, 999)}`;
  if (r.chance(0.7)) data['application.yaml'] = configFile(r, c, app);
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(c, `${app}-config`, 'config', o.helm ? { helm: o.helm } : {}), data };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @returns {YamlMap} */
function secret(r, c, app) {
  const t = r.weighted([['Opaque', 7], ['kubernetes.io/tls', 2], ['kubernetes.io/dockerconfigjson', 1]]);
  /** @type {YamlMap} */
  let data;
  let name = `${app}-db`;
  if (t === 'kubernetes.io/tls') {
    name = `${app}-tls`;
    const pem = (/** @type {string} */ label, /** @type {number} */ n) => Buffer.from(`-----BEGIN ${label}-----\n${r.base64(n).replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`).toString('base64');
    data = { 'tls.crt': pem('CERTIFICATE', 900), 'tls.key': pem('PRIVATE KEY', 1200) };
  } else if (t === 'kubernetes.io/dockerconfigjson') {
    name = 'ocir-pull';
    const auth = Buffer.from(`acmecorp/oracleidentitycloudservice/ci@acme.example:${r.base64(15)}`).toString('base64');
    data = { '.dockerconfigjson': Buffer.from(JSON.stringify({ auths: { [`${c.region}.ocir.io`]: { auth } } })).toString('base64') };
  } else {
    data = { username: Buffer.from(app.replace(/-/g, '_')).toString('base64'), password: r.base64(24) };
    if (r.chance(0.5)) data.url = Buffer.from(`postgres://${app}-db.${c.ns}.svc:5432/${app}`).toString('base64');
  }
  return { apiVersion: 'v1', kind: 'Secret', metadata: meta(c, name, 'secret'), type: t, data };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @param {{ helm?: { chart: string, version: string, release: string } }} [o] @returns {YamlMap} */
function serviceAccount(r, c, app, o = {}) {
  /** @type {YamlMap} */
  const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(c, app, 'serviceaccount', o.helm ? { helm: o.helm } : {}) };
  if (r.chance(0.5)) sa.automountServiceAccountToken = false;
  if (r.chance(0.3)) sa.imagePullSecrets = [{ name: 'ocir-pull' }];
  return sa;
}

/** @param {Rng} r @param {Ctx} c @param {string} app @returns {YamlMap} */
function hpa(r, c, app) {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(c, app, 'autoscaler'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app },
      minReplicas: r.int(2, 3),
      maxReplicas: r.int(4, 20),
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: r.pick([60, 70, 80]) } } }],
    },
  };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @returns {YamlMap} */
function pdb(r, c, app) {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(c, app, 'pdb'),
    spec: { minAvailable: r.pick([1, '50%']), selector: { matchLabels: { 'app.kubernetes.io/name': app } } },
  };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @returns {YamlMap} */
function networkPolicy(r, c, app) {
  if (r.chance(0.3)) {
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(c, 'default-deny-all', 'network'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    };
  }
  const egressOpen = r.chance(0.3);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(c, `${app}-allow`, 'network'),
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': app } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
          { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': c.team } } },
        ],
        ports: [{ protocol: 'TCP', port: 8080 }],
      }],
      egress: egressOpen
        ? [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }]
        : [
            { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
            { to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['169.254.169.254/32'] } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          ],
    },
  };
}

/** @param {Rng} r @param {Ctx} c @param {string} app @returns {YamlMap} */
function ingress(r, c, app) {
  const host = `${app}.${c.env === 'prod' ? '' : `${c.env}.`}${c.team}.acme.example`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta(c, app, 'ingress', {
      annotations: {
        'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
        'nginx.ingress.kubernetes.io/proxy-body-size': `${r.pick([1, 8, 32])}m`,
        ...(r.chance(0.3) && { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' }),
      },
    }),
    spec: {
      ingressClassName: r.pick(['nginx', 'native-ic']),
      tls: [{ hosts: [host], secretName: `${app}-tls` }],
      rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: app, port: { name: 'http' } } } }] } }],
    },
  };
}

const RBAC_RESOURCES = [['', 'configmaps'], ['', 'pods'], ['', 'services'], ['', 'endpoints'], ['apps', 'deployments'], ['batch', 'jobs'], ['', 'events'], ['coordination.k8s.io', 'leases']];

/** @param {Rng} r @param {Ctx} c @param {string} name @param {boolean} cluster @param {{ helm?: { chart: string, version: string, release: string } }} [o] @returns {YamlMap} */
function role(r, c, name, cluster, o = {}) {
  /** @type {YamlValue[]} */
  const rules = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const [group, res] = /** @type {[string, string]} */ (r.pick(RBAC_RESOURCES));
    rules.push({ apiGroups: [group], resources: [res], verbs: r.pick([['get', 'list', 'watch'], ['get'], ['create', 'update', 'patch'], ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']]) });
  }
  const bad = r.chance(0.15);
  if (bad) {
    rules.push(r.pick([
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterrolebindings'], verbs: ['create', 'bind', 'escalate'] },
    ]));
  }
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: cluster ? 'ClusterRole' : 'Role',
    metadata: meta(c, name, 'rbac', { namespaced: !cluster, ...(o.helm && { helm: o.helm }) }),
    rules,
  };
}

/** @param {Rng} r @param {Ctx} c @param {string} name @param {boolean} cluster @param {{ helm?: { chart: string, version: string, release: string } }} [o] @returns {YamlMap} */
function binding(r, c, name, cluster, o = {}) {
  const admin = cluster && r.chance(0.1);
  /** @type {YamlValue[]} */
  const subjects = [{ kind: 'ServiceAccount', name, namespace: c.ns }];
  if (r.chance(0.2)) subjects.push({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: `ocid1.group.oc1..aaaaaaaa${r.hex(52)}` });
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
    metadata: meta(c, name, 'rbac', { namespaced: !cluster, ...(o.helm && { helm: o.helm }) }),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: cluster ? 'ClusterRole' : r.pick(['Role', 'ClusterRole']), name: admin ? 'cluster-admin' : name },
    subjects,
  };
}

/** @param {Rng} r @param {Ctx} c @returns {YamlMap} */
function namespace(r, c) {
  /** @type {YamlMap} */
  const labels = { 'kubernetes.io/metadata.name': c.ns, 'acme.example/team': c.team, 'acme.example/env': c.env };
  if (r.chance(0.6)) {
    const level = r.pick(['restricted', 'restricted', 'baseline']);
    labels['pod-security.kubernetes.io/enforce'] = level;
    labels['pod-security.kubernetes.io/enforce-version'] = 'latest';
    labels['pod-security.kubernetes.io/warn'] = 'restricted';
  }
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: c.ns, labels } };
}

/** @param {Rng} r @param {Ctx} c @returns {YamlMap} */
function resourceQuota(r, c) {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: meta(c, 'compute', 'quota'),
    spec: { hard: { 'requests.cpu': String(r.int(4, 64)), 'requests.memory': `${r.int(8, 256)}Gi`, 'limits.cpu': String(r.int(8, 128)), 'limits.memory': `${r.int(16, 512)}Gi`, pods: String(r.int(20, 200)) } },
  };
}

/** @param {Rng} r @param {Ctx} c @returns {YamlMap} */
function limitRange(r, c) {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: meta(c, 'defaults', 'quota'),
    spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: `${r.pick([256, 512])}Mi` }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] },
  };
}

// ---------------------------------------------------------------------------------------------
// File recipes

/** @typedef {{ obj: YamlMap, source?: string }} Doc */
/** @typedef {'app' | 'jobs' | 'namespace' | 'rbac' | 'helm' | 'list' | 'json' | 'pod' | 'config' | 'network'} Recipe */

/** @type {Record<Recipe, { weight: number, min: number, max: number }>} */
const RECIPES = {
  app: { weight: 45, min: 3, max: 16 },
  jobs: { weight: 8, min: 1, max: 5 },
  namespace: { weight: 5, min: 2, max: 6 },
  rbac: { weight: 7, min: 2, max: 10 },
  helm: { weight: 3, min: 12, max: 45 },
  list: { weight: 4, min: 3, max: 15 },
  json: { weight: 4, min: 1, max: 10 },
  pod: { weight: 4, min: 1, max: 3 },
  config: { weight: 10, min: 1, max: 8 },
  network: { weight: 10, min: 1, max: 6 },
};
/** Recipes of the first files, so that small corpora still hold every format. */
const FIRST = /** @type {Recipe[]} */ (['app', 'helm', 'list', 'json', 'jobs', 'rbac', 'namespace', 'pod', 'config', 'network']);

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function appDocs(r, c, n) {
  const count = Math.min(3, 1 + Math.floor((n - 3) / 8));
  /** @type {YamlMap[]} */
  const core = [];
  /** @type {YamlMap[]} */
  const extras = [];
  const base = r.pick(SERVICES);
  for (let i = 0; i < count; i++) {
    const app = i === 0 ? `${c.team}-${base}` : `${c.team}-${base}-${r.pick(['worker', 'consumer', 'cache', 'db'])}`;
    const kind = app.endsWith('-db') ? 'StatefulSet'
      : i === 0 && (base === 'exporter' || base === 'edge') ? 'DaemonSet'
        : r.weighted([['Deployment', 88], ['StatefulSet', 12]]);
    core.push(workload(r, c, app, /** @type {'Deployment' | 'StatefulSet' | 'DaemonSet'} */ (kind)));
    if (kind === 'StatefulSet') core.push(service(r, c, app, { headless: true }));
    else core.push(service(r, c, app));
    core.push(configMap(r, c, app));
    extras.push(serviceAccount(r, c, app), secret(r, c, app), hpa(r, c, app), pdb(r, c, app), networkPolicy(r, c, app), ingress(r, c, app), role(r, c, app, false), binding(r, c, app, false));
  }
  const all = [...core, ...extras];
  for (let i = 0; all.length < n; i++) all.push(i % 2 ? secret(r, c, `${c.team}-${base}-${i}`) : configMap(r, c, `${c.team}-${base}-${i}`));
  return all.slice(0, n).map((obj) => ({ obj }));
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function jobDocs(r, c, n) {
  /** @type {Doc[]} */
  const out = [];
  for (let i = 0; i < n; i++) {
    const name = `${c.team}-${r.pick(['nightly-report', 'backup', 'reindex', 'cleanup', 'export', 'reconcile', 'digest-mail'])}${i ? `-${i}` : ''}`;
    out.push({ obj: i === n - 1 && n > 2 ? configMap(r, c, name) : job(r, c, name, r.chance(0.7)) });
  }
  return out;
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function namespaceDocs(r, c, n) {
  /** @type {YamlMap[]} */
  const all = [namespace(r, c), resourceQuota(r, c), limitRange(r, c), networkPolicy(r, c, 'default'), binding(r, c, `${c.team}-developers`, false), serviceAccount(r, c, `${c.team}-default`)];
  for (let i = 0; all.length < n; i++) all.push(configMap(r, c, `${c.team}-ns-${i}`));
  return all.slice(0, n).map((obj) => ({ obj }));
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function rbacDocs(r, c, n) {
  /** @type {Doc[]} */
  const out = [];
  for (let i = 0; out.length < n; i++) {
    const name = `${c.team}-${r.pick(['deployer', 'reader', 'operator', 'ci', 'oncall', 'auditor'])}-${i}`;
    const cluster = r.chance(0.3);
    out.push({ obj: serviceAccount(r, c, name) }, { obj: role(r, c, name, cluster) }, { obj: binding(r, c, name, cluster) });
  }
  return out.slice(0, n);
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function helmDocs(r, c, n) {
  /** @type {Doc[]} */
  const out = [];
  const umbrella = `${c.team}-stack`;
  while (out.length < n) {
    const ch = r.pick(CHARTS);
    const release = `${c.team}-${ch.app}`;
    const helm = { chart: ch.chart, version: ch.version, release };
    const prefix = out.length === 0 && r.chance(0.5) ? `${ch.chart}/templates` : `${umbrella}/charts/${ch.chart}/templates`;
    const app = `${release}`;
    out.push({ obj: serviceAccount(r, c, app, { helm }), source: `${prefix}/serviceaccount.yaml` });
    out.push({ obj: configMap(r, c, app, { helm }), source: `${prefix}/configmap.yaml` });
    out.push({ obj: role(r, c, app, true, { helm }), source: `${prefix}/clusterrole.yaml` });
    out.push({ obj: binding(r, c, app, true, { helm }), source: `${prefix}/clusterrolebinding.yaml` });
    out.push({ obj: service(r, c, app, { helm }), source: `${prefix}/service.yaml` });
    const w = workload(r, c, app, /** @type {'Deployment' | 'StatefulSet' | 'DaemonSet'} */ (ch.kind), { helm, image: ch.image, tag: ch.tag });
    out.push({ obj: w, source: `${prefix}/${ch.kind.toLowerCase()}.yaml` });
    if (r.chance(0.4)) out.push({ obj: pod(r, c, `${app}-test-connection`), source: `${prefix}/tests/test-connection.yaml` });
  }
  return out.slice(0, n);
}

/** Adds the fields `kubectl get -o yaml` prints. @param {Rng} r @param {YamlMap} obj @returns {YamlMap} */
function asExported(r, obj) {
  const m = /** @type {YamlMap} */ (obj.metadata);
  /** @type {YamlMap} */
  const metadata = { ...m, creationTimestamp: r.timestamp(), resourceVersion: String(r.int(100000, 99999999)), uid: r.uuid() };
  if (obj.kind === 'Deployment' || obj.kind === 'StatefulSet' || obj.kind === 'DaemonSet') metadata.generation = r.int(1, 30);
  /** @type {YamlMap} */
  const out = { ...obj, metadata };
  if (obj.spec !== undefined && obj.kind !== 'Role' && obj.kind !== 'ClusterRole') out.status = {};
  return out;
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {YamlMap[]} */
function mixedItems(r, c, n) {
  /** @type {YamlMap[]} */
  const items = [];
  const base = `${c.team}-${r.pick(SERVICES)}`;
  for (let i = 0; items.length < n; i++) {
    const app = i ? `${base}-${i}` : base;
    const pick = r.weighted([['Deployment', 3], ['Service', 3], ['ConfigMap', 3], ['Secret', 1], ['Pod', 1], ['ServiceAccount', 1]]);
    if (pick === 'Deployment') items.push(workload(r, c, app, 'Deployment'));
    else if (pick === 'Service') items.push(service(r, c, app));
    else if (pick === 'ConfigMap') items.push(configMap(r, c, app));
    else if (pick === 'Secret') items.push(secret(r, c, app));
    else if (pick === 'Pod') items.push(pod(r, c, app));
    else items.push(serviceAccount(r, c, app));
  }
  return items.map((o) => asExported(r, o));
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function podDocs(r, c, n) {
  /** @type {Doc[]} */
  const out = [];
  for (let i = 0; i < n; i++) out.push({ obj: pod(r, c, `${c.team}-${r.pick(['debug', 'netshoot', 'toolbox', 'migrate', 'psql'])}-${i}`) });
  return out;
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function configDocs(r, c, n) {
  /** @type {Doc[]} */
  const out = [];
  const base = `${c.team}-${r.pick(SERVICES)}`;
  for (let i = 0; i < n; i++) out.push({ obj: r.chance(0.65) ? configMap(r, c, i ? `${base}-${i}` : base) : secret(r, c, i ? `${base}-${i}` : base) });
  return out;
}

/** @param {Rng} r @param {Ctx} c @param {number} n @returns {Doc[]} */
function networkDocs(r, c, n) {
  /** @type {Doc[]} */
  const out = [];
  const base = `${c.team}-${r.pick(SERVICES)}`;
  for (let i = 0; i < n; i++) out.push({ obj: r.chance(0.6) ? networkPolicy(r, c, i ? `${base}-${i}` : base) : ingress(r, c, i ? `${base}-${i}` : base) });
  return out;
}

/** @param {number} i */
const pad = (i) => String(i).padStart(4, '0');

/**
 * Renders one file: its path (relative to the corpus root) and text.
 * @param {Rng} r @param {Recipe} recipe @param {number} i @param {number} n
 * @returns {{ path: string, text: string }}
 */
function renderFile(r, recipe, i, n) {
  const team = /** @type {string} */ (TEAMS[i % TEAMS.length]);
  const env = r.pick(ENVS);
  const c = { team, env, ns: r.chance(0.5) ? team : `${team}-${env}`, region: /** @type {[string, string]} */ (r.pick(REGIONS))[0] };
  const yamlStream = (/** @type {Doc[]} */ docs, /** @type {string} */ header) => {
    const parts = [header];
    docs.forEach((d, k) => {
      if (d.source !== undefined) parts.push(`---\n# Source: ${d.source}\n`);
      else if (k > 0 || r.chance(0.2)) parts.push('---\n');
      parts.push(toYaml(d.obj));
    });
    return parts.join('');
  };
  switch (recipe) {
    case 'app': {
      const docs = appDocs(r, c, n);
      const first = /** @type {YamlMap} */ (docs[0]?.obj.metadata ?? {});
      const name = String(first.name);
      return { path: `${team}/apps/${name}/${env}/${name}-${pad(i)}.yaml`, text: yamlStream(docs, `# ${name} (${env}) — managed by the ${team} team\n# Rendered by kustomize; edit the base, not this file.\n`) };
    }
    case 'jobs':
      return { path: `${team}/jobs/${env}/jobs-${pad(i)}.yaml`, text: yamlStream(jobDocs(r, c, n), `# Scheduled jobs for ${team} (${env})\n`) };
    case 'namespace':
      return { path: `${team}/namespaces/${c.ns}-${pad(i)}.yaml`, text: yamlStream(namespaceDocs(r, c, n), `# Namespace ${c.ns}: quota, defaults, network baseline\n`) };
    case 'rbac':
      return { path: `${team}/rbac/access-${pad(i)}.yaml`, text: yamlStream(rbacDocs(r, c, n), `# Access for ${team}; reviewed quarterly\n`) };
    case 'helm': {
      const docs = helmDocs(r, c, n);
      return { path: `${team}/helm/rendered/${team}-stack-${pad(i)}.yaml`, text: yamlStream(docs, '') };
    }
    case 'list': {
      const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: mixedItems(r, c, n) };
      return { path: `${team}/exports/${env}/kubectl-get-all-${pad(i)}.yaml`, text: toYaml(list) };
    }
    case 'json': {
      const items = mixedItems(r, c, n);
      const obj = n === 1 && items[0] ? items[0] : { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
      return { path: `${team}/exports/json/${env}-${pad(i)}.json`, text: toJson(obj) };
    }
    case 'pod':
      return { path: `${team}/debug/pods-${pad(i)}.yaml`, text: yamlStream(podDocs(r, c, n), '# One-off pods used while debugging; delete after use\n') };
    case 'config':
      return { path: `${team}/config/${env}/config-${pad(i)}.yaml`, text: yamlStream(configDocs(r, c, n), '') };
    case 'network':
      return { path: `${team}/network/${env}/network-${pad(i)}.yaml`, text: yamlStream(networkDocs(r, c, n), `# Network exposure for ${team} (${env})\n`) };
  }
}

/**
 * Chooses each file's recipe and object count so that the counts sum to exactly `objects`.
 * @param {Rng} r @param {number} files @param {number} objects
 */
function plan(r, files, objects) {
  /** @type {readonly (readonly [Recipe, number])[]} */
  const table = /** @type {[Recipe, number][]} */ (Object.entries(RECIPES).map(([k, v]) => [k, v.weight]));
  const recipes = Array.from({ length: files }, (_, i) => FIRST[i] ?? r.weighted(table));
  const counts = recipes.map((k) => r.int(RECIPES[k].min, RECIPES[k].max));
  const sum0 = counts.reduce((a, b) => a + b, 0);
  const scale = objects / sum0;
  for (let i = 0; i < files; i++) counts[i] = Math.max(1, Math.round(/** @type {number} */ (counts[i]) * scale));
  let sum = counts.reduce((a, b) => a + b, 0);
  for (let guard = 0; sum !== objects && guard < 10_000_000; guard++) {
    const i = r.int(0, files - 1);
    const k = /** @type {Recipe} */ (recipes[i]);
    const n = /** @type {number} */ (counts[i]);
    if (sum < objects && (k !== 'pod' || n < 4)) {
      counts[i] = n + 1;
      sum++;
    } else if (sum > objects && n > 1) {
      counts[i] = n - 1;
      sum--;
    }
  }
  return recipes.map((k, i) => ({ recipe: k, n: /** @type {number} */ (counts[i]) }));
}

/** Refuses to delete anything that does not look like an earlier corpus. @param {string} dir */
async function clearOutput(dir) {
  const root = parsePath(dir).root;
  const cwd = process.cwd();
  if (dir === root || cwd === dir || cwd.startsWith(dir + '/') || dir === resolve(process.env.HOME ?? '/')) {
    throw new Error(`refusing to use ${dir} as the corpus directory`);
  }
  /** @type {string[]} */
  let entries;
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error(`${dir} exists and is not a directory`);
    entries = await readdir(dir);
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT') return;
    throw e;
  }
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new Error(`refusing to delete ${dir}: not empty and not a generated corpus (no ${MARKER})`);
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * Generates the corpus. Deletes and recreates `out`.
 * @param {GenerateOptions} [options]
 * @returns {Promise<GenerateResult>}
 */
export async function generateCorpus({ out = 'bench/corpus', files = 2000, objects = 20000, seed = 1 } = {}) {
  if (!Number.isInteger(files) || files < 1) throw new Error(`--files must be a positive integer, got ${files}`);
  if (!Number.isInteger(objects) || objects < files) throw new Error(`--objects must be an integer ≥ --files, got ${objects}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${seed}`);
  const dir = resolve(out);
  await clearOutput(dir);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, MARKER), 'Generated by bench/generate.mjs; deleted and recreated on every run.\n');

  const r = new Rng(seed);
  const layout = plan(r, files, objects);
  /** @type {string[]} */
  const written = [];
  const made = new Set();
  let bytes = 0;
  let total = 0;
  /** @type {Promise<void>[]} */
  let pending = [];
  for (let i = 0; i < layout.length; i++) {
    const { recipe, n } = /** @type {{ recipe: Recipe, n: number }} */ (layout[i]);
    const { path, text } = renderFile(r, recipe, i, n);
    const full = join(dir, path);
    const parent = dirname(full);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    const data = Buffer.from(text, 'utf8');
    bytes += data.length;
    total += n;
    written.push(full);
    pending.push(writeFile(full, data));
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  written.sort();
  return { files: written, objects: total, bytes };
}

// ---------------------------------------------------------------------------------------------
// CLI

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ out: string, files: number, objects: number, seed: number }} */
  const o = { out: 'bench/corpus', files: 2000, objects: 20000, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--out') o.out = value;
    else if (name === '--files' || name === '--objects' || name === '--seed') {
      const v = Number(value);
      if (!Number.isInteger(v)) throw new Error(`${name} needs an integer, got "${value}"`);
      o[/** @type {'files' | 'objects' | 'seed'} */ (name.slice(2))] = v;
    } else throw new Error(`unknown option ${name} (usage: node bench/generate.mjs [--out DIR] [--files N] [--objects N] [--seed N])`);
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const o = parseArgs(process.argv.slice(2));
    const res = await generateCorpus(o);
    console.log(`generated ${res.objects} objects in ${res.files.length} files (${(res.bytes / 1e6).toFixed(1)} MB) under ${o.out}`);
  } catch (e) {
    console.error(`generate: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  }
}
