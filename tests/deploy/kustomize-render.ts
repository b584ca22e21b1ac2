import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

export interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A rendered manifest; `spec` and the rest stay loosely typed here, the kubernetes-models classes validate them. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

interface Kustomization {
  namespace?: string;
  labels?: Array<{ pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }>;
  resources?: string[];
}

/** The kustomization fields this renderer implements; anything else must fail, not be silently ignored. */
const SUPPORTED = new Set(['apiVersion', 'kind', 'namespace', 'labels', 'resources']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass']);

/**
 * `kustomize build` for the features the base uses, and only those: resource files (multi-document YAML), the
 * namespace on every namespaced object, and `labels` on metadata and, with includeTemplates, on
 * spec.template.metadata.labels (selectors untouched: includeSelectors must stay false). When kubectl is installed,
 * tests/deploy/kubernetes.test.ts also compares this with `kubectl kustomize`.
 */
export function renderKustomization(dir: string): { kustomization: Kustomization; objects: K8sObject[] } {
  const kustomization = parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization & Record<string, unknown>;
  for (const field of Object.keys(kustomization)) {
    if (!SUPPORTED.has(field)) throw new Error(`kustomization field "${field}" is not implemented by kustomize-render.ts`);
  }
  const objects: K8sObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const file = path.join(dir, resource);
    if (!fs.statSync(file).isFile()) throw new Error(`resource ${resource} is not a file (bases are not implemented here)`);
    for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      if (document.errors.length) throw new Error(`${resource}: ${document.errors[0].message}`);
      const object = document.toJS({ maxAliasCount: 100 }) as K8sObject | null;
      if (object) objects.push(object);
    }
  }
  for (const object of objects) {
    if (kustomization.namespace && !CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    for (const label of kustomization.labels ?? []) {
      if (label.includeSelectors) throw new Error('labels with includeSelectors are not implemented by kustomize-render.ts');
      object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
      const template = object.spec?.template?.metadata;
      // kustomize adds template labels only where the template already has a labels map (create: false)
      if (label.includeTemplates && template?.labels) template.labels = { ...template.labels, ...label.pairs };
    }
  }
  return { kustomization, objects };
}
