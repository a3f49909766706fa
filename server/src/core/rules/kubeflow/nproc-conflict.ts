// PyTorchJob's processes per node moved from `elasticPolicy.nProcPerNode` (deprecated) to
// `spec.nprocPerNode`; the training operator's webhook rejects a job that sets both.
import { defineRule } from '../rule';
import { removeEntry, replaceValue, type OffsetFix } from '../yaml-edits';

export const kubeflowNprocConflict = defineRule({
  id: 'kubeflow/nproc-conflict',
  severity: 'error',
  kinds: ['kubeflow.org/PyTorchJob'],
  description: 'A PyTorchJob setting both nprocPerNode and the deprecated elasticPolicy.nProcPerNode: the training operator rejects it.',
  docs: {
    why:
      'The number of processes torchrun starts on each node (`PET_NPROC_PER_NODE`) is `spec.nprocPerNode`; ' +
      "`elasticPolicy.nProcPerNode` is its deprecated predecessor. The training operator's webhook rejects " +
      'a PyTorchJob that sets both, even to the same value, rather than pick one.',
    fix:
      'Keep `spec.nprocPerNode` and remove `elasticPolicy.nProcPerNode`. The quick fix removes it; when ' +
      'the two differ, a second fix moves the elastic value to `nprocPerNode` instead.',
    source:
      'kubeflow/training-operator pkg/webhooks/pytorch/pytorchjob_webhook.go (`elasticPolicy.nProcPerNode` ' +
      'must not be used with `nprocPerNode`) and pkg/apis/kubeflow.org/v1/pytorch_types.go (`NProcPerNode` ' +
      'deprecated in favour of `PyTorchJobSpec.NprocPerNode`).',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: elastic-finetune
spec:
  nprocPerNode: "8"
  elasticPolicy:
    rdzvBackend: c10d
    nProcPerNode: 8
#   ^^^^^^^^^^^^ error[kubeflow/nproc-conflict]: elasticPolicy.nProcPerNode is set together with nprocPerNode: it is deprecated in favour of nprocPerNode, and the training operator rejects a job that sets both. Remove elasticPolicy.nProcPerNode.
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3`,
    valid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: elastic-finetune
spec:
  nprocPerNode: "8"
  elasticPolicy:
    rdzvBackend: c10d
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3`,
  },
  check(workload, context) {
    const spec = workload.root.map('spec');
    const current = spec?.entry('nprocPerNode');
    const elastic = spec?.map('elasticPolicy');
    const deprecated = elastic?.entry('nProcPerNode');
    // A key without a value is unset, as the operator reads it.
    if (!current?.value || !elastic || !deprecated?.value || current.value.kind !== 'scalar' || deprecated.value.kind !== 'scalar') return;
    const kept = String(current.value.value);
    const moved = String(deprecated.value.value);
    const remove = removeEntry(context.text, elastic.node, deprecated);
    // Removing the only entry of a block map would leave `elasticPolicy:` without a value, which turns elastic training off.
    const alone = elastic.node.entries.length === 1 && context.text[elastic.node.start] !== '{';
    const fixes: OffsetFix[] = [];
    if (!alone && kept === moved) fixes.push({ title: 'Remove elasticPolicy.nProcPerNode', edits: [remove], preferred: true });
    if (!alone && kept !== moved) {
      fixes.push({ title: `Remove elasticPolicy.nProcPerNode (keep nprocPerNode: "${kept}")`, edits: [remove] });
      fixes.push({
        title: `Move elasticPolicy.nProcPerNode to nprocPerNode: "${moved}"`,
        edits: [replaceValue(current.value, moved), remove],
      });
    }
    const differ = kept === moved ? '' : ` (here ${moved} against "${kept}": keep the count you mean in nprocPerNode)`;
    context.report(
      deprecated.key,
      `elasticPolicy.nProcPerNode is set together with nprocPerNode: it is deprecated in favour of nprocPerNode, ` +
        `and the training operator rejects a job that sets both. Remove elasticPolicy.nProcPerNode${differ}.`,
      { fixes },
    );
  },
});
