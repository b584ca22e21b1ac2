import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { BOOTSTRAP_ENTRY, MIGRATING, PLACEHOLDER, SERVICES, SUBGRAPHS, sourceOfDistEntry } from './deploy-files';
import type { K8sObject } from './kustomize-render';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Labels = Record<string, string>;

interface Validating {
  validate(): void;
}

/** The kinds the manifests may use; a new kind needs its model here, so nothing goes unvalidated. */
const MODELS: Record<string, new (data: any) => Validating> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
};

const id = (object: K8sObject) => `${object.kind}/${object.metadata?.name}`;

/** Schema errors from kubernetes-models (types, required fields, formats). It does not reject unknown fields. */
export function schemaProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!Model) {
      problems.push(`${id(object)}: no kubernetes-models class for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${id(object)}: ${(error as Error).message}`);
    }
  }
  return problems;
}

function matches(selector: Labels | undefined, labels: Labels | undefined): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

function selectorMatches(selector: { matchLabels?: Labels; matchExpressions?: unknown[] } | undefined, labels: Labels | undefined): boolean {
  if (selector?.matchExpressions?.length) throw new Error('matchExpressions are not modelled by these checks');
  return matches(selector?.matchLabels, labels);
}

const ofKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const podLabels = (workload: K8sObject): Labels => workload.spec?.template?.metadata?.labels ?? {};
const podSpec = (workload: K8sObject) => workload.spec?.template?.spec ?? {};
const containersOf = (workload: K8sObject): any[] => [...(podSpec(workload).initContainers ?? []), ...(podSpec(workload).containers ?? [])];

/** A container port named or numbered as `port` says, or undefined. */
function resolvePort(containers: any[], port: string | number | undefined): number | undefined {
  for (const container of containers) {
    for (const declared of container.ports ?? []) {
      if (declared.name === port || declared.containerPort === port) return declared.containerPort;
    }
  }
  return undefined;
}

// ---- NetworkPolicy evaluation: who may open a connection to which pod port ----------------------------------------

/** A connection's source: a pod (its namespace's labels and its own) or anything in another namespace. */
export interface Peer {
  namespace: string;
  namespaceLabels: Labels;
  podLabels: Labels;
}

export function peerInNamespace(namespace: string, labels: Labels): Peer {
  return { namespace, namespaceLabels: { 'kubernetes.io/metadata.name': namespace }, podLabels: labels };
}

function peerAdmitted(rulePeer: any, from: Peer, policyNamespace: string): boolean {
  if (rulePeer.ipBlock) return false;
  const namespaceOk = rulePeer.namespaceSelector ? selectorMatches(rulePeer.namespaceSelector, from.namespaceLabels) : from.namespace === policyNamespace;
  const podOk = rulePeer.podSelector ? selectorMatches(rulePeer.podSelector, from.podLabels) : true;
  return namespaceOk && podOk;
}

/**
 * Whether `from` may reach `to` (a workload's pods) on `port`, by the semantics of NetworkPolicy ingress: a pod
 * no policy selects accepts everything; a selected pod accepts what some rule of a selecting policy admits.
 */
export function ingressAllowed(objects: K8sObject[], from: Peer, to: K8sObject, port: number): boolean {
  const namespace = to.metadata.namespace ?? 'default';
  const policies = ofKind(objects, 'NetworkPolicy').filter(
    (policy) =>
      (policy.metadata.namespace ?? 'default') === namespace &&
      (policy.spec.policyTypes ?? ['Ingress']).includes('Ingress') &&
      selectorMatches(policy.spec.podSelector, podLabels(to)),
  );
  if (policies.length === 0) return true;
  const containers = containersOf(to);
  return policies.some((policy) =>
    (policy.spec.ingress ?? []).some((rule: any) => {
      const fromOk = !rule.from || rule.from.length === 0 || rule.from.some((peer: any) => peerAdmitted(peer, from, namespace));
      const portOk = !rule.ports || rule.ports.length === 0 || rule.ports.some((p: any) => (p.port === undefined ? true : resolvePort(containers, p.port) === port));
      return fromOk && portOk;
    }),
  );
}

/** A memory quantity in MiB (the binary suffixes the manifests use). */
function mebibytes(quantity: string | undefined): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity ?? '');
  if (!match) return NaN;
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

// ---- what a reviewer checks -------------------------------------------------------------------------------------

function workloadProblems(deployment: K8sObject): string[] {
  const name = deployment.metadata.name;
  const problems: string[] = [];
  const contract = SERVICES[name];
  if (!contract) return [`Deployment/${name}: not a service of the runtime contract`];
  const spec = podSpec(deployment);
  const [container, ...others] = spec.containers ?? [];
  if (!container || others.length) return [`Deployment/${name}: expected exactly one container`];
  const at = `Deployment/${name}`;
  const port = resolvePort([container], 'http');
  if (port !== contract.port) problems.push(`${at}: container port "http" is ${port}, the service listens on ${contract.port}`);
  const probe = (kind: string, path: string) => {
    const handler = container[kind]?.httpGet;
    if (!handler) return problems.push(`${at}: no ${kind}`);
    if (handler.path !== path) problems.push(`${at}: ${kind} asks ${handler.path}, expected ${path}`);
    if (resolvePort([container], handler.port) !== contract.port) problems.push(`${at}: ${kind} port ${handler.port} is not ${contract.port}`);
    return undefined;
  };
  probe('readinessProbe', '/readyz');
  probe('livenessProbe', '/livez');
  const args: string[] = container.args ?? [];
  if (container.command) problems.push(`${at}: sets command, which drops the image's tini entrypoint; use args`);
  if (args[0] !== contract.entry) problems.push(`${at}: runs ${args[0]}, expected ${contract.entry}`);
  for (const entry of args.filter((arg) => arg.startsWith('dist/'))) {
    const source = sourceOfDistEntry(entry);
    if ('problem' in source) problems.push(`${at}: ${source.problem}`);
  }
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  if (!requests.cpu || !requests.memory || !limits.memory || !limits.cpu) problems.push(`${at}: needs cpu and memory requests and limits`);
  const options = (container.env ?? []).find((variable: any) => variable.name === 'NODE_OPTIONS')?.value ?? '';
  const heap = Number(/--max-old-space-size=(\d+)/.exec(options)?.[1]);
  // V8 does not size its heap from the cgroup limit on Node 20/22; buffers and code live outside the heap
  if (!heap || heap > mebibytes(limits.memory) * 0.75) problems.push(`${at}: NODE_OPTIONS must cap the heap (--max-old-space-size) well below the ${limits.memory} limit`);
  problems.push(...securityProblems(at, spec, container));
  const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
  const pause = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
  if (!(pause >= 2)) problems.push(`${at}: needs a preStop pause of a few seconds so endpoints are gone before SIGTERM`);
  const grace = spec.terminationGracePeriodSeconds;
  // the service stops within 2 s of SIGTERM, after the pause
  if (!(typeof grace === 'number' && grace >= pause + 2 && grace <= 30)) problems.push(`${at}: terminationGracePeriodSeconds ${grace} does not cover the pause and the 2 s stop`);
  const annotations = deployment.spec?.template?.metadata?.annotations ?? {};
  if (annotations['prometheus.io/scrape'] !== 'true' || annotations['prometheus.io/port'] !== String(contract.port) || annotations['prometheus.io/path'] !== '/metrics') {
    problems.push(`${at}: prometheus.io annotations must name /metrics on port ${contract.port}`);
  }
  if (!selectorMatches(deployment.spec?.selector, podLabels(deployment))) problems.push(`${at}: selector does not match its own pod labels`);
  if (deployment.spec?.strategy?.rollingUpdate?.maxUnavailable !== 0) problems.push(`${at}: a rolling update may take away serving replicas (maxUnavailable must be 0)`);
  return problems;
}

/** What the restricted Pod Security profile requires, plus a read-only root and no service-link variables. */
function securityProblems(at: string, spec: any, container: any): string[] {
  const problems: string[] = [];
  const pod = spec.securityContext ?? {};
  const own = container.securityContext ?? {};
  if (!(own.runAsNonRoot ?? pod.runAsNonRoot)) problems.push(`${at}: runAsNonRoot is not set`);
  if (!((own.runAsUser ?? pod.runAsUser) > 0)) problems.push(`${at}: needs a numeric non-root runAsUser (the image's USER is a name)`);
  if (own.readOnlyRootFilesystem !== true) problems.push(`${at}/${container.name}: root filesystem is writable`);
  if (own.allowPrivilegeEscalation !== false) problems.push(`${at}/${container.name}: allowPrivilegeEscalation is not false`);
  if (!(own.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}/${container.name}: capabilities are not all dropped`);
  if ((own.seccompProfile ?? pod.seccompProfile)?.type !== 'RuntimeDefault') problems.push(`${at}: no RuntimeDefault seccomp profile`);
  // Services named intake, registry, … would inject INTAKE_PORT=tcp://…, which the services read as a port number
  if (spec.enableServiceLinks !== false) problems.push(`${at}: enableServiceLinks must be false`);
  return problems;
}

function serviceProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const deployments = ofKind(objects, 'Deployment');
  for (const service of ofKind(objects, 'Service')) {
    const at = `Service/${service.metadata.name}`;
    const selector = service.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) {
      problems.push(`${at}: has no selector`);
      continue;
    }
    const targets = deployments.filter((deployment) => matches(selector, podLabels(deployment)));
    if (targets.length !== 1) {
      problems.push(`${at}: selects the pods of ${targets.length} Deployments, expected exactly one`);
      continue;
    }
    const [target] = targets;
    for (const port of service.spec.ports ?? []) {
      const containerPort = resolvePort(podSpec(target).containers ?? [], port.targetPort ?? port.port);
      if (containerPort === undefined) problems.push(`${at}: targetPort ${port.targetPort} is no container port of Deployment/${target.metadata.name}`);
      else if (port.port !== containerPort) problems.push(`${at}: port ${port.port} differs from the container's ${containerPort}, but every URL in the ConfigMap uses the service's own port`);
    }
    if (service.spec.type && service.spec.type !== 'ClusterIP') problems.push(`${at}: type ${service.spec.type} exposes it outside the cluster; only the Ingress may`);
  }
  for (const deployment of deployments) {
    if (!ofKind(objects, 'Service').some((service) => matches(service.spec?.selector, podLabels(deployment)))) {
      problems.push(`Deployment/${deployment.metadata.name}: no Service selects it`);
    }
  }
  return problems;
}

function gatewayProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const gateway = ofKind(objects, 'Deployment').find((deployment) => deployment.metadata.name === 'gateway');
  if (!gateway) return ['no Deployment named gateway'];
  if (!(gateway.spec.replicas >= 2)) problems.push(`Deployment/gateway: replicas ${gateway.spec.replicas}, at least 2 for a rolling update or node loss`);
  const others = ofKind(objects, 'Deployment').filter((deployment) => deployment !== gateway);
  const pdbs = ofKind(objects, 'PodDisruptionBudget').filter((pdb) => selectorMatches(pdb.spec.selector, podLabels(gateway)));
  if (pdbs.length !== 1) problems.push(`${pdbs.length} PodDisruptionBudgets select the gateway's pods, expected one`);
  for (const pdb of pdbs) {
    if (others.some((deployment) => selectorMatches(pdb.spec.selector, podLabels(deployment)))) problems.push(`PodDisruptionBudget/${pdb.metadata.name}: also selects other pods`);
    if (!(pdb.spec.minAvailable >= 1)) problems.push(`PodDisruptionBudget/${pdb.metadata.name}: minAvailable must be at least 1`);
  }
  const hpas = ofKind(objects, 'HorizontalPodAutoscaler').filter(
    (hpa) => hpa.spec.scaleTargetRef?.kind === 'Deployment' && hpa.spec.scaleTargetRef?.name === 'gateway' && hpa.spec.scaleTargetRef?.apiVersion === 'apps/v1',
  );
  if (hpas.length !== 1) problems.push(`${hpas.length} HorizontalPodAutoscalers target Deployment/gateway, expected one`);
  for (const hpa of hpas) {
    if (!(hpa.spec.minReplicas >= 2)) problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: minReplicas must be at least 2`);
    if (!(hpa.spec.maxReplicas > hpa.spec.minReplicas)) problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: maxReplicas leaves nothing to scale`);
    if (!(hpa.spec.metrics ?? []).some((metric: any) => metric.type === 'Resource' && metric.resource?.name === 'cpu')) problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: no CPU metric`);
    if (gateway.spec.replicas !== undefined && gateway.spec.replicas > hpa.spec.minReplicas) problems.push('Deployment/gateway: replicas above the HPA minimum are reset by every apply');
  }
  return problems;
}

function ingressProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const ingresses = ofKind(objects, 'Ingress');
  if (ingresses.length === 0) problems.push('no Ingress for the gateway');
  for (const ingress of ingresses) {
    const at = `Ingress/${ingress.metadata.name}`;
    const backends: Array<{ path: string; service: any }> = [];
    if (ingress.spec.defaultBackend) backends.push({ path: '(default)', service: ingress.spec.defaultBackend.service });
    for (const rule of ingress.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) backends.push({ path: path.path, service: path.backend?.service });
    }
    for (const { path, service } of backends) {
      if (service?.name !== 'gateway') problems.push(`${at}: ${path} routes to ${service?.name ?? 'a non-service backend'}; only the gateway is public`);
      if (path !== '/graphql') problems.push(`${at}: exposes ${path}; only /graphql is public (/health, /metrics stay inside)`);
      if (service?.port?.name !== 'http' && service?.port?.number !== SERVICES.gateway.port) problems.push(`${at}: ${path} targets port ${JSON.stringify(service?.port)}`);
    }
  }
  return problems;
}

function jobProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const jobs = ofKind(objects, 'Job');
  const deployments = ofKind(objects, 'Deployment');
  const servingSecrets = new Set(deployments.flatMap((deployment) => secretNames(deployment)));
  const migrated = new Set<string>();
  for (const job of jobs) {
    const at = `Job/${job.metadata.name}`;
    const spec = podSpec(job);
    for (const container of containersOf(job)) {
      const args: string[] = container.args ?? [];
      if (container.command) problems.push(`${at}/${container.name}: sets command, which drops the image's tini entrypoint; use args`);
      for (const entry of args.filter((arg) => arg.startsWith('dist/'))) {
        const source = sourceOfDistEntry(entry);
        if ('problem' in source) problems.push(`${at}/${container.name}: ${source.problem}`);
      }
      problems.push(...securityProblems(at, spec, container));
      if (args[1] !== 'migrate') continue;
      const service = Object.entries(SERVICES).find(([, contract]) => contract.entry === args[0])?.[0];
      if (!service) {
        problems.push(`${at}/${container.name}: migrates ${args[0]}, which is no service`);
        continue;
      }
      migrated.add(service);
      const url = (container.env ?? []).find((variable: any) => variable.name === 'DATABASE_URL');
      const secret = url?.valueFrom?.secretKeyRef?.name;
      if (!secret) problems.push(`${at}/${container.name}: DATABASE_URL must come from the migration Secret`);
      else if (servingSecrets.has(secret)) problems.push(`${at}/${container.name}: the DDL Secret ${secret} is also given to running services`);
    }
    if (!['Never', 'OnFailure'].includes(spec.restartPolicy)) problems.push(`${at}: restartPolicy must be Never or OnFailure`);
  }
  for (const service of MIGRATING) if (!migrated.has(service)) problems.push(`no Job migrates ${service}`);
  if (!jobs.some((job) => containersOf(job).some((container) => (container.args ?? [])[0] === BOOTSTRAP_ENTRY))) {
    problems.push(`no Job runs the first-run registry bootstrap (${BOOTSTRAP_ENTRY})`);
  }
  return problems;
}

/** Every Secret a workload reads, by envFrom or by a single key. */
export function secretNames(workload: K8sObject): string[] {
  return containersOf(workload).flatMap((container) => [
    ...(container.envFrom ?? []).map((source: any) => source.secretRef?.name).filter(Boolean),
    ...(container.env ?? []).map((variable: any) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean),
  ]);
}

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|DATABASE_URL/;

function configProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const map of ofKind(objects, 'ConfigMap')) {
    for (const key of Object.keys(map.data ?? {})) {
      if (SECRET_NAME.test(key)) problems.push(`ConfigMap/${map.metadata.name}: ${key} belongs in a Secret`);
    }
  }
  const config = ofKind(objects, 'ConfigMap').find((map) => map.metadata.name === 'hotline-config')?.data ?? {};
  const expected: Record<string, string> = { NODE_ENV: 'production', HOST: '0.0.0.0', MIGRATE_ON_START: 'false', APOLLO_TELEMETRY_DISABLED: 'true' };
  for (const [key, value] of Object.entries(expected)) if (config[key] !== value) problems.push(`ConfigMap/hotline-config: ${key} should be ${value}, is ${config[key]}`);
  for (const name of [...SUBGRAPHS, 'registry']) {
    const key = `${name.toUpperCase()}_URL`;
    if (config[key] !== `http://${name}:${SERVICES[name].port}`) problems.push(`ConfigMap/hotline-config: ${key} is ${config[key]}, not the Service ${name}`);
  }
  for (const secret of ofKind(objects, 'Secret')) {
    const values = [
      ...Object.values<string>(secret.stringData ?? {}),
      ...Object.values<string>(secret.data ?? {}).map((value) => Buffer.from(value, 'base64').toString('utf8')),
    ];
    for (const value of values) if (!PLACEHOLDER.test(value)) problems.push(`Secret/${secret.metadata.name}: holds a value that is not a CHANGE-ME placeholder`);
  }
  return problems;
}

function namespaceProblems(objects: K8sObject[], namespace: string | undefined): string[] {
  const problems: string[] = [];
  if (!namespace) return ['the kustomization sets no namespace'];
  if (!ofKind(objects, 'Namespace').some((object) => object.metadata.name === namespace)) problems.push(`no Namespace ${namespace} among the resources`);
  for (const object of objects) {
    if (object.kind !== 'Namespace' && object.metadata.namespace !== namespace) problems.push(`${id(object)}: in namespace ${object.metadata.namespace}`);
  }
  const images = new Set(objects.flatMap((object) => containersOf(object).map((container) => container.image)));
  if (images.size !== 1) problems.push(`containers use ${images.size} images (${[...images].join(', ')}); one image name lets an overlay retag them all`);
  return problems;
}

/** Who must reach whom, and who must not: the call graph of the code. */
function networkProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const byName = new Map<string, K8sObject>();
  for (const workload of [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'Job')]) byName.set(workload.metadata.name, workload);
  const namespace = byName.get('gateway')?.metadata.namespace ?? 'default';
  const pod = (name: string): Peer => peerInNamespace(namespace, podLabels(byName.get(name) ?? { apiVersion: '', kind: '', metadata: { name } }));
  const bootstrap = [...byName.values()].find((workload) => containersOf(workload).some((container) => (container.args ?? [])[0] === BOOTSTRAP_ENTRY));
  const migration = [...byName.values()].find((workload) => workload.kind === 'Job' && workload !== bootstrap);
  const check = (fromName: string, from: Peer, to: string, allowed: boolean) => {
    const target = byName.get(to);
    if (!target) return;
    const actual = ingressAllowed(objects, from, target, SERVICES[to].port);
    if (actual !== allowed) problems.push(`NetworkPolicy: ${fromName} → ${to}:${SERVICES[to].port} is ${actual ? 'allowed' : 'denied'}, should be ${allowed ? 'allowed' : 'denied'}`);
  };
  const callers: Record<string, string[]> = {
    gateway: [...SUBGRAPHS, 'registry'],
    intake: ['audit'],
    water: ['intake', 'audit'],
    streetlight: ['intake', 'audit'],
    transit: ['intake', 'audit'],
    audit: [],
    oversight: ['intake', 'audit'],
    registry: [],
  };
  for (const [from, calls] of Object.entries(callers)) {
    for (const to of Object.keys(SERVICES)) check(from, pod(from), to, calls.includes(to));
  }
  if (bootstrap) for (const to of Object.keys(SERVICES)) check('registry-bootstrap', pod(bootstrap.metadata.name), to, to !== 'gateway');
  if (migration) for (const to of Object.keys(SERVICES)) check('the migration Job', pod(migration.metadata.name), to, false);
  // from outside the namespace: the ingress controller reaches the gateway only, any other namespace nothing
  const ingressController = peerInNamespace('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
  for (const to of Object.keys(SERVICES)) check('the ingress controller', ingressController, to, to === 'gateway');
  for (const to of Object.keys(SERVICES)) check('a pod of another namespace', peerInNamespace('default', {}), to, false);
  // even a pod that copies the gateway's labels is refused when it sits in another namespace
  for (const to of Object.keys(SERVICES)) check('a gateway look-alike elsewhere', peerInNamespace('default', podLabels(byName.get('gateway')!)), to, false);
  const monitoring = peerInNamespace('monitoring', {});
  for (const to of Object.keys(SERVICES)) check('Prometheus', monitoring, to, true);
  const denyAll = ofKind(objects, 'NetworkPolicy').some(
    (policy) => Object.keys(policy.spec.podSelector ?? {}).length === 0 && (policy.spec.policyTypes ?? []).includes('Ingress') && !(policy.spec.ingress ?? []).length,
  );
  if (!denyAll) problems.push('NetworkPolicy: no default deny of ingress for every pod of the namespace');
  return problems;
}

/** Everything a reviewer of the rendered manifests would object to; empty when they are right. */
export function reviewProblems(objects: K8sObject[], namespace: string | undefined): string[] {
  return [
    ...namespaceProblems(objects, namespace),
    ...ofKind(objects, 'Deployment').flatMap(workloadProblems),
    ...Object.keys(SERVICES)
      .filter((name) => !ofKind(objects, 'Deployment').some((deployment) => deployment.metadata.name === name))
      .map((name) => `no Deployment for ${name}`),
    ...serviceProblems(objects),
    ...gatewayProblems(objects),
    ...ingressProblems(objects),
    ...jobProblems(objects),
    ...configProblems(objects),
    ...networkProblems(objects),
  ];
}
