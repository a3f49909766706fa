// The API versions Kubernetes stopped serving, by group/version and kind, with the release that
// removed them and the apiVersion to use instead (from the Kubernetes deprecated API migration
// guide). A manifest still written against one is refused by every supported cluster, so it is an
// error naming the version to use, not an unknown kind.

export interface RemovedApiVersion {
  /** The Kubernetes minor release that stopped serving it: `1.16`. */
  removedIn: string;
  /** The apiVersion that serves the kind now; undefined when the kind went with it. */
  use?: string;
  /** What to do when there is no replacement. */
  instead?: string;
}

const APPS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'];
const RBAC = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const FLOW_CONTROL = ['FlowSchema', 'PriorityLevelConfiguration'];
const PSP = { removedIn: '1.25', instead: 'Use Pod Security Admission (namespace labels pod-security.kubernetes.io/…) instead.' };

/** `apiVersion kind` → what replaced it. */
const REMOVED = new Map<string, RemovedApiVersion>();

function removed(apiVersions: string[], kinds: string[], removedIn: string, use?: string): void {
  for (const apiVersion of apiVersions) for (const kind of kinds) REMOVED.set(`${apiVersion} ${kind}`, { removedIn, use });
}

removed(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'], APPS, '1.16', 'apps/v1');
removed(['extensions/v1beta1'], ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1');
REMOVED.set('extensions/v1beta1 PodSecurityPolicy', { removedIn: '1.16', use: undefined, instead: PSP.instead });
removed(['extensions/v1beta1', 'networking.k8s.io/v1beta1'], ['Ingress'], '1.22', 'networking.k8s.io/v1');
removed(['networking.k8s.io/v1beta1'], ['IngressClass'], '1.22', 'networking.k8s.io/v1');
removed(
  ['admissionregistration.k8s.io/v1beta1'],
  ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  '1.22',
  'admissionregistration.k8s.io/v1',
);
removed(['apiextensions.k8s.io/v1beta1'], ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1');
removed(['apiregistration.k8s.io/v1beta1'], ['APIService'], '1.22', 'apiregistration.k8s.io/v1');
removed(['authentication.k8s.io/v1beta1'], ['TokenReview'], '1.22', 'authentication.k8s.io/v1');
removed(
  ['authorization.k8s.io/v1beta1'],
  ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'],
  '1.22',
  'authorization.k8s.io/v1',
);
removed(['certificates.k8s.io/v1beta1'], ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1');
removed(['coordination.k8s.io/v1beta1'], ['Lease'], '1.22', 'coordination.k8s.io/v1');
removed(['rbac.authorization.k8s.io/v1beta1'], RBAC, '1.22', 'rbac.authorization.k8s.io/v1');
removed(['scheduling.k8s.io/v1beta1'], ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1');
removed(['storage.k8s.io/v1beta1'], ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1');
removed(['batch/v1beta1'], ['CronJob'], '1.25', 'batch/v1');
removed(['discovery.k8s.io/v1beta1'], ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1');
removed(['events.k8s.io/v1beta1'], ['Event'], '1.25', 'events.k8s.io/v1');
removed(['autoscaling/v2beta1'], ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2');
removed(['policy/v1beta1'], ['PodDisruptionBudget'], '1.25', 'policy/v1');
REMOVED.set('policy/v1beta1 PodSecurityPolicy', { removedIn: PSP.removedIn, instead: PSP.instead });
removed(['node.k8s.io/v1beta1'], ['RuntimeClass'], '1.25', 'node.k8s.io/v1');
removed(['autoscaling/v2beta2'], ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2');
removed(['flowcontrol.apiserver.k8s.io/v1beta1'], FLOW_CONTROL, '1.26', 'flowcontrol.apiserver.k8s.io/v1');
removed(['storage.k8s.io/v1beta1'], ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1');
removed(['flowcontrol.apiserver.k8s.io/v1beta2'], FLOW_CONTROL, '1.29', 'flowcontrol.apiserver.k8s.io/v1');
removed(['flowcontrol.apiserver.k8s.io/v1beta3'], FLOW_CONTROL, '1.32', 'flowcontrol.apiserver.k8s.io/v1');

/** What replaced a kind in an apiVersion Kubernetes no longer serves; undefined when it is served (or unknown). */
export function removedApiVersion(apiVersion: string, kind: string): RemovedApiVersion | undefined {
  return REMOVED.get(`${apiVersion} ${kind}`);
}
