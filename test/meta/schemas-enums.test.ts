// The enums the generator read from Kubernetes descriptions, as a reviewed table: a wrong enum
// flags valid manifests, so any change here must be looked at (then update the table).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBERNETES_ENUMS } from '../../schemas/generator/kubernetes-enums';

const root = join(__dirname, '..', '..', '..');
const schemas = join(root, 'schemas');
type Schema = { properties?: Record<string, { enum?: string[]; items?: { enum?: string[] } }> };

const EXPECTED: Record<string, string[]> = {
  'io.k8s.api.admissionregistration.v1.MatchResources.matchPolicy': ['Exact', 'Equivalent'],
  'io.k8s.api.admissionregistration.v1.MutatingAdmissionPolicySpec.failurePolicy': ['Ignore', 'Fail'],
  'io.k8s.api.admissionregistration.v1.MutatingAdmissionPolicySpec.reinvocationPolicy': ['Never', 'IfNeeded'],
  'io.k8s.api.admissionregistration.v1.MutatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  'io.k8s.api.admissionregistration.v1.MutatingWebhook.reinvocationPolicy': ['Never', 'IfNeeded'],
  'io.k8s.api.admissionregistration.v1.ParamRef.parameterNotFoundAction': ['Allow', 'Deny'],
  'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicySpec.failurePolicy': ['Ignore', 'Fail'],
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  'io.k8s.api.admissionregistration.v1alpha1.MatchResources.matchPolicy': ['Exact', 'Equivalent'],
  'io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicySpec.failurePolicy': ['Ignore', 'Fail'],
  'io.k8s.api.admissionregistration.v1alpha1.MutatingAdmissionPolicySpec.reinvocationPolicy': ['Never', 'IfNeeded'],
  'io.k8s.api.admissionregistration.v1beta1.MatchResources.matchPolicy': ['Exact', 'Equivalent'],
  'io.k8s.api.admissionregistration.v1beta1.MutatingAdmissionPolicySpec.failurePolicy': ['Ignore', 'Fail'],
  'io.k8s.api.admissionregistration.v1beta1.MutatingAdmissionPolicySpec.reinvocationPolicy': ['Never', 'IfNeeded'],
  'io.k8s.api.admissionregistration.v1beta1.ParamRef.parameterNotFoundAction': ['Allow', 'Deny'],
  'io.k8s.api.apiserverinternal.v1alpha1.StorageVersionCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.core.v1.EndpointPort.protocol': ['UDP', 'TCP', 'SCTP'],
  'io.k8s.api.core.v1.NodeCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.core.v1.ReplicationControllerCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.core.v1.Taint.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'io.k8s.api.discovery.v1.EndpointPort.protocol': ['UDP', 'TCP', 'SCTP'],
  'io.k8s.api.resource.v1.DeviceTaint.effect': ['None', 'NoSchedule', 'NoExecute'],
  'io.k8s.api.resource.v1.DeviceToleration.effect': ['NoSchedule', 'NoExecute', ''],
  'io.k8s.api.resource.v1.DeviceToleration.operator': ['Exists', 'Equal'],
  'io.k8s.api.resource.v1alpha3.DeviceTaint.effect': ['None', 'NoSchedule', 'NoExecute'],
  'io.k8s.api.resource.v1beta1.DeviceTaint.effect': ['None', 'NoSchedule', 'NoExecute'],
  'io.k8s.api.resource.v1beta1.DeviceToleration.effect': ['NoSchedule', 'NoExecute', ''],
  'io.k8s.api.resource.v1beta1.DeviceToleration.operator': ['Exists', 'Equal'],
  'io.k8s.api.resource.v1beta2.DeviceTaint.effect': ['None', 'NoSchedule', 'NoExecute'],
  'io.k8s.api.resource.v1beta2.DeviceToleration.effect': ['NoSchedule', 'NoExecute', ''],
  'io.k8s.api.resource.v1beta2.DeviceToleration.operator': ['Exists', 'Equal'],
  'io.k8s.api.scheduling.v1alpha2.PodGroupSpec.disruptionMode': ['Pod', 'PodGroup'],
  'io.k8s.api.scheduling.v1alpha2.PodGroupTemplate.disruptionMode': ['Pod', 'PodGroup'],
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec.scope': ['Cluster', 'Namespaced'],
  'io.k8s.api.apps.v1.DaemonSetCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'io.k8s.api.apps.v1.DeploymentCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'io.k8s.api.apps.v1.ReplicaSetCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.apps.v1.StatefulSetCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.batch.v1.JobCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.batch.v1.JobSpec.completionMode': ['NonIndexed', 'Indexed'],
  'io.k8s.api.core.v1.Container.imagePullPolicy': ['Always', 'Never', 'IfNotPresent'],
  'io.k8s.api.core.v1.ContainerPort.protocol': ['UDP', 'TCP', 'SCTP'],
  'io.k8s.api.core.v1.EphemeralContainer.imagePullPolicy': ['Always', 'Never', 'IfNotPresent'],
  'io.k8s.api.core.v1.NamespaceCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.core.v1.PersistentVolumeClaimCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.core.v1.PodCertificateProjection.keyType': ['RSA3072', 'RSA4096', 'ECDSAP256', 'ECDSAP384', 'ECDSAP521', 'ED25519'],
  'io.k8s.api.core.v1.PodCondition.status': ['True', 'False', 'Unknown'],
  'io.k8s.api.core.v1.PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
  'io.k8s.api.core.v1.PodSecurityContext.seLinuxChangePolicy': ['MountOption', 'Recursive'],
  'io.k8s.api.core.v1.PodSecurityContext.supplementalGroupsPolicy': ['Merge', 'Strict'],
  'io.k8s.api.core.v1.PodSpec.dnsPolicy': ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  'io.k8s.api.core.v1.PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'io.k8s.api.core.v1.PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'io.k8s.api.core.v1.ScopedResourceSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'io.k8s.api.core.v1.ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'io.k8s.api.core.v1.ServiceSpec.ipFamilies[]': ['IPv4', 'IPv6'],
  'io.k8s.api.core.v1.ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'io.k8s.api.core.v1.ServiceSpec.type': ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer'],
  'io.k8s.api.core.v1.Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute', ''],
  'io.k8s.api.core.v1.Toleration.operator': ['Exists', 'Equal', 'Lt', 'Gt'],
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.Condition.status': ['True', 'False', 'Unknown'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceCondition.status': ['True', 'False', 'Unknown'],
  'kinds/scheduling.k8s.io_v1_priorityclass.json.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
};

/** `kinds/storage.k8s.io_v1_storageclass.json` -> `storageclass` compared case-insensitively by the caller. */
function kindName(schema: string): string {
  return schema.replace(/^.*_/, '').replace(/\.json$/, '');
}

function collect(found: Record<string, string[]>, name: string, schema: Schema): void {
  for (const [property, value] of Object.entries(schema.properties ?? {})) {
    if (value.enum) found[`${name}.${property}`] = value.enum;
    if (value.items?.enum) found[`${name}.${property}[]`] = value.items.enum;
  }
}

describe('enums read from Kubernetes descriptions', () => {
  it('are exactly the reviewed table', () => {
    const found: Record<string, string[]> = {};
    const { definitions } = JSON.parse(readFileSync(join(schemas, 'kubernetes', 'definitions.json'), 'utf8')) as {
      definitions: Record<string, Schema>;
    };
    for (const [name, definition] of Object.entries(definitions)) collect(found, name, definition);
    const index = JSON.parse(readFileSync(join(schemas, 'index.json'), 'utf8')) as { kinds: { schema: string; source: string }[] };
    for (const { schema } of index.kinds.filter((kind) => kind.source === 'kubernetes/swagger.json')) {
      collect(found, schema, JSON.parse(readFileSync(join(schemas, schema), 'utf8')) as Schema);
    }
    // The curated values (kubernetes-enums.ts) are in the output too, and are not part of the reviewed table.
    const curated = Object.entries(KUBERNETES_ENUMS).map(([key, values]) => {
      const [, definition, property] = /^(.*)\.([^.]+)$/.exec(key)!;
      const kindFile = index.kinds.find(
        (kind) => kind.source === 'kubernetes/swagger.json' && definition.toLowerCase().endsWith(`.${kindName(kind.schema)}`),
      )?.schema;
      const forms = [key, `${key}[]`, ...(kindFile ? [`${kindFile}.${property}`] : [])];
      const form = forms.find((f) => f in found);
      assert.ok(form, `${key} is in the generated schemas`);
      assert.deepEqual(found[form], values, key);
      return form;
    });
    for (const form of curated) delete found[form];
    assert.deepEqual(found, EXPECTED);
  });
});
