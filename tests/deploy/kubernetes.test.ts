import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { PLACEHOLDER, ROOT, parseEnvFile } from './deploy-files';
import { reviewProblems, schemaProblems, secretNames } from './kubernetes-checks';
import { type K8sObject, renderKustomization } from './kustomize-render';

/* eslint-disable @typescript-eslint/no-explicit-any */
const BASE = path.join(ROOT, 'deploy/k8s/base');
const OVERLAY = path.join(ROOT, 'deploy/k8s/overlays/production');

const kubectl = spawnSync('kubectl', ['kustomize', '--help'], { encoding: 'utf8' }).status === 0;

/** The real kustomize, when this machine has kubectl; the checks below do not depend on it. */
function kubectlKustomize(dir: string): K8sObject[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  const objects = parseAllDocuments(result.stdout).map((document) => document.toJS() as K8sObject);
  // kustomize folds long base64 values over lines, which the API server's decoder skips; the schema's format does not
  for (const secret of objects.filter((object) => object.kind === 'Secret')) {
    for (const [name, value] of Object.entries<string>(secret.data ?? {})) secret.data[name] = value.replace(/\s+/g, '');
  }
  return objects;
}

const key = (object: K8sObject) => `${object.kind}/${object.metadata.name}`;
const sorted = (objects: K8sObject[]) => [...objects].sort((a, b) => key(a).localeCompare(key(b)));

function find(objects: K8sObject[], kind: string, name: string): any {
  const object = objects.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (!object) throw new Error(`no ${kind}/${name}`);
  return object;
}

const container = (objects: K8sObject[], name: string) => find(objects, 'Deployment', name).spec.template.spec.containers[0];

describe('the Kubernetes base (deploy/k8s/base)', () => {
  const { kustomization, objects } = renderKustomization(BASE);
  const problems = (candidate: K8sObject[]) => [...schemaProblems(candidate), ...reviewProblems(candidate, kustomization.namespace)];

  it('lists only files that exist, each holding valid objects by kubernetes-models', () => {
    expect(objects.length).toBeGreaterThan(20);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('passes every check a reviewer would make', () => {
    expect(reviewProblems(objects, kustomization.namespace)).toEqual([]);
  });

  it('puts everything in the namespace hotline-12345 and labels it as part of the platform', () => {
    expect(kustomization.namespace).toBe('hotline-12345');
    for (const object of objects) expect(object.metadata.labels?.['app.kubernetes.io/part-of']).toBe('hotline-12345');
    for (const deployment of objects.filter((object) => object.kind === 'Deployment')) {
      expect(deployment.spec.template.metadata.labels['app.kubernetes.io/part-of']).toBe('hotline-12345');
      // selectors stay as written: they are immutable on a live Deployment
      expect(deployment.spec.selector.matchLabels['app.kubernetes.io/part-of']).toBeUndefined();
    }
  });

  (kubectl ? it : it.skip)('renders exactly as kubectl kustomize does', () => {
    expect(sorted(objects)).toEqual(sorted(kubectlKustomize(BASE)));
  });

  // Each check must be able to fail: a broken copy of the manifests has to be reported, with the reason.
  const mutations: Array<[string, (copy: K8sObject[]) => void, RegExp]> = [
    ['the gateway loses its readiness probe', (copy) => delete container(copy, 'gateway').readinessProbe, /gateway: no readinessProbe/],
    ['a liveness probe asks /health', (copy) => (container(copy, 'water').livenessProbe.httpGet.path = '/health'), /water: livenessProbe asks \/health/],
    ['a probe asks another port', (copy) => (container(copy, 'intake').readinessProbe.httpGet.port = 4002), /intake: readinessProbe port 4002/],
    ['the gateway runs one replica', (copy) => (find(copy, 'Deployment', 'gateway').spec.replicas = 1), /gateway: replicas 1/],
    ['the PDB selects the registry', (copy) => (find(copy, 'PodDisruptionBudget', 'gateway').spec.selector.matchLabels = { 'app.kubernetes.io/name': 'registry' }), /0 PodDisruptionBudgets select the gateway/],
    ['the HPA targets a misspelt Deployment', (copy) => (find(copy, 'HorizontalPodAutoscaler', 'gateway').spec.scaleTargetRef.name = 'gateway-api'), /0 HorizontalPodAutoscalers target/],
    ['a Service selector has a typo', (copy) => (find(copy, 'Service', 'transit').spec.selector = { 'app.kubernetes.io/name': 'transport' }), /Service\/transit: selects the pods of 0/],
    ['a Service targets a port the container lacks', (copy) => (find(copy, 'Service', 'audit').spec.ports[0].targetPort = 4006), /Service\/audit: targetPort 4006/],
    ['a container listens on the wrong port', (copy) => (container(copy, 'streetlight').ports[0].containerPort = 4004), /streetlight: container port "http" is 4004/],
    ['a Deployment runs another entry', (copy) => (container(copy, 'registry').args = ['dist/registry/src/server.js']), /registry: runs dist\/registry\/src\/server.js/],
    ['an entry has no source', (copy) => (container(copy, 'water').args = ['dist/subgraphs/waterworks/src/main.js']), /waterworks\/src\/main.ts does not exist/],
    ['the default deny is removed', (copy) => copy.splice(copy.indexOf(find(copy, 'NetworkPolicy', 'default-deny-ingress')), 1), /no default deny/],
    [
      'the subgraph policy admits every subgraph',
      (copy) => (find(copy, 'NetworkPolicy', 'subgraphs-from-gateway').spec.ingress[0].from.push({ podSelector: { matchLabels: { 'app.kubernetes.io/component': 'subgraph' } } })),
      /water → streetlight:4003 is allowed, should be denied/,
    ],
    ['departments may no longer reach intake', (copy) => delete find(copy, 'Deployment', 'water').spec.template.metadata.labels['hotline-12345/intake-client'], /water → intake:4001 is denied, should be allowed/],
    [
      'the gateway policy admits every namespace',
      (copy) => (find(copy, 'NetworkPolicy', 'gateway-from-ingress-controller').spec.ingress[0].from = [{ namespaceSelector: {} }]),
      /a pod of another namespace → gateway:4000 is allowed/,
    ],
    [
      'the Ingress routes to the registry',
      (copy) => find(copy, 'Ingress', 'gateway').spec.rules[0].http.paths.push({ path: '/registry', pathType: 'Prefix', backend: { service: { name: 'registry', port: { name: 'http' } } } }),
      /\/registry routes to registry/,
    ],
    ['the Ingress exposes /health', (copy) => (find(copy, 'Ingress', 'gateway').spec.rules[0].http.paths[0].path = '/'), /exposes \/; only \/graphql/],
    [
      'the migration Job skips a service',
      (copy) => {
        const spec = find(copy, 'Job', 'migrate').spec.template.spec;
        spec.initContainers = spec.initContainers.filter((step: any) => step.name !== 'transit');
      },
      /no Job migrates transit/,
    ],
    [
      'services get the DDL Secret',
      (copy) => container(copy, 'intake').envFrom.push({ secretRef: { name: 'hotline-migrate' } }),
      /the DDL Secret hotline-migrate is also given to running services/,
    ],
    [
      'a Secret with a real value is committed',
      (copy) => copy.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'oops', namespace: 'hotline-12345' }, stringData: { GATEWAY_SIGNING_SECRET: 'q3Zk1vY8mN2pL5rT7wX0aB4cD6eF9gH1jK3' } }),
      /Secret\/oops: holds a value that is not a CHANGE-ME placeholder/,
    ],
    ['service links are injected again', (copy) => delete find(copy, 'Deployment', 'registry').spec.template.spec.enableServiceLinks, /registry: enableServiceLinks must be false/],
    ['a root filesystem becomes writable', (copy) => (container(copy, 'gateway').securityContext.readOnlyRootFilesystem = false), /gateway\/gateway: root filesystem is writable/],
    ['the heap cap exceeds the memory limit', (copy) => (container(copy, 'intake').env[0].value = '--max-old-space-size=1024'), /intake: NODE_OPTIONS must cap the heap/],
    ['the preStop pause goes', (copy) => delete container(copy, 'gateway').lifecycle, /gateway: needs a preStop pause/],
    ['a secret lands in the ConfigMap', (copy) => (find(copy, 'ConfigMap', 'hotline-config').data.GATEWAY_SIGNING_SECRET = 'x'), /ConfigMap\/hotline-config: GATEWAY_SIGNING_SECRET belongs in a Secret/],
    ['a port is not a number', (copy) => (container(copy, 'audit').ports[0].containerPort = '4005'), /Deployment\/audit: .*containerPort must be integer/],
    ['an unknown kind appears', (copy) => copy.push({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'x', namespace: 'hotline-12345' } }), /no kubernetes-models class/],
  ];

  it.each(mutations)('reports it when %s', (_name, mutate, expected) => {
    const copy = structuredClone(objects);
    mutate(copy);
    expect(problems(copy).join('\n')).toMatch(expected);
  });
});

describe('the production overlay (deploy/k8s/overlays/production)', () => {
  const overlay = parse(fs.readFileSync(path.join(OVERLAY, 'kustomization.yaml'), 'utf8')) as any;
  const { objects: base } = renderKustomization(BASE);
  const generated: Array<{ name: string; envs: string[] }> = overlay.secretGenerator ?? [];

  it('builds on the base, in its namespace', () => {
    expect(overlay.resources).toEqual(['../../base']);
    expect(overlay.namespace).toBe('hotline-12345');
  });

  it('generates every Secret the base refers to, from env files that git ignores', () => {
    const referenced = new Set(base.flatMap((object) => secretNames(object)));
    expect([...referenced].sort()).toEqual(generated.map((secret) => secret.name).sort());
    // git's own rules decide (a pattern like hop-*.env included), even for a path nobody created yet
    const isIgnored = (file: string) => spawnSync('git', ['check-ignore', '--no-index', '-q', `deploy/k8s/overlays/production/${file}`], { cwd: ROOT }).status === 0;
    for (const secret of generated) for (const file of secret.envs) expect({ file, ignored: isIgnored(file) }).toEqual({ file, ignored: true });
    const tracked = spawnSync('git', ['ls-files', 'deploy/k8s/overlays/production'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n');
    for (const secret of generated) for (const file of secret.envs) expect(tracked).not.toContain(`deploy/k8s/overlays/production/${file}`);
  });

  it('commits only placeholders, in examples that hold every key the workloads read', () => {
    for (const secret of generated) {
      for (const file of secret.envs) {
        const example = parseEnvFile(fs.readFileSync(path.join(OVERLAY, `${file}.example`), 'utf8'));
        for (const value of Object.values(example)) expect(value).toMatch(PLACEHOLDER);
        const keys = base.flatMap((object) =>
          [...(object.spec?.template?.spec?.initContainers ?? []), ...(object.spec?.template?.spec?.containers ?? [])].flatMap((step: any) =>
            (step.env ?? []).filter((variable: any) => variable.valueFrom?.secretKeyRef?.name === secret.name).map((variable: any) => variable.valueFrom.secretKeyRef.key),
          ),
        );
        for (const needed of keys) expect(Object.keys(example)).toContain(needed);
      }
    }
    const app = parseEnvFile(fs.readFileSync(path.join(OVERLAY, 'app.env.example'), 'utf8'));
    expect(Object.keys(app).sort()).toEqual(['DATABASE_URL', 'HOP_TRUSTED_KEYS']);
    // a service's own key is in its own Secret, which only its workload mounts
    for (const object of base.filter((found) => found.kind === 'Deployment')) {
      const hop = secretNames(object).filter((name) => name.startsWith('hotline-hop-'));
      expect({ [object.metadata.name]: hop }).toEqual({ [object.metadata.name]: [`hotline-hop-${object.metadata.name}`] });
    }
  });

  it('asks the city for its identity provider with marked placeholders', () => {
    const patch = parse(fs.readFileSync(path.join(OVERLAY, 'identity-provider.patch.yaml'), 'utf8')) as any;
    expect(patch).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'hotline-config' } });
    for (const name of ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE']) expect(patch.data[name]).toMatch(PLACEHOLDER);
  });

  (kubectl ? it : it.skip)('renders with kubectl kustomize into manifests that pass the same checks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-overlay-'));
    try {
      fs.cpSync(path.join(ROOT, 'deploy/k8s'), path.join(dir, 'k8s'), { recursive: true });
      const copy = path.join(dir, 'k8s/overlays/production');
      for (const secret of generated) for (const file of secret.envs) fs.copyFileSync(path.join(copy, `${file}.example`), path.join(copy, file));
      const rendered = kubectlKustomize(copy);
      expect(schemaProblems(rendered)).toEqual([]);
      expect(reviewProblems(rendered, 'hotline-12345')).toEqual([]);
      // the generated names carry a content hash, and every reference follows it
      const names = rendered.filter((object) => object.kind === 'Secret').map((object) => object.metadata.name);
      for (const object of rendered) for (const name of secretNames(object)) expect(names).toContain(name);
      expect(new Set(rendered.flatMap((object) => (object.spec?.template?.spec?.containers ?? []).map((step: any) => step.image)))).toEqual(
        new Set([`${overlay.images[0].newName}:${overlay.images[0].newTag}`]),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
