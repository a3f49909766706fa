import * as assert from 'node:assert/strict';
import { parseDocumentText } from '../parse/yaml-file';
import { workloadOf } from './index';
import { containerCommands, containerLaunches, locateWord } from './launcher';
import type { ContainerView } from './index';

/** The first container of a Pod whose container is written as `containerYaml` (indented by 4). */
function container(containerYaml: string): { text: string; container: ContainerView } {
  const text = `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n${containerYaml.replace(/^/gm, '      ')}\n`;
  const workload = workloadOf(parseDocumentText(text).root)!;
  return { text, container: workload.pods[0].containers[0] };
}

/** The launcher kinds and `--nproc-per-node` values (with the text at their located span) a container runs. */
function launches(containerYaml: string): string[] {
  const { text, container: view } = container(containerYaml);
  return containerLaunches(view).map((launch) => {
    const nproc = launch.nprocPerNode;
    if (!nproc) return launch.kind;
    const span = locateWord(text, nproc.word, nproc.rawStart, nproc.rawEnd);
    return `${launch.kind} ${nproc.flag} ${nproc.value} @${span ? text.slice(span.start, span.end) : '?'}`;
  });
}

describe('launcher', () => {
  it('finds torchrun and its processes per node, with = or a space, in either spelling', () => {
    assert.deepEqual(launches('command: ["torchrun", "--nnodes=2", "--nproc_per_node=8", "train.py"]'), ['torchrun --nproc_per_node 8 @8']);
    assert.deepEqual(launches('command: [torchrun]\nargs: ["--nnodes", "2", "--nproc-per-node", "4", "train.py"]'), [
      'torchrun --nproc-per-node 4 @4',
    ]);
    assert.deepEqual(launches('command: ["/usr/local/bin/torchrun", "--standalone", "--nproc-per-node=auto", "train.py"]'), [
      'torchrun --nproc-per-node auto @auto',
    ]);
    assert.deepEqual(launches('command: [torchrun, train.py]'), ['torchrun']);
  });

  it('reads python -m torch.distributed.run and .launch, with interpreter options', () => {
    assert.deepEqual(launches('command: [python3, -u, -m, torch.distributed.run, --nproc_per_node, "2", train.py]'), [
      'torchrun --nproc_per_node 2 @2',
    ]);
    assert.deepEqual(launches('command: [python, -m, torch.distributed.launch, --use_env, --nproc_per_node=2, train.py]'), [
      'torchrun --nproc_per_node 2 @2',
    ]);
    assert.deepEqual(launches('command: [python, -m, my.module, --nproc_per_node=2]'), []);
    assert.deepEqual(launches('command: [python, -c, "import torch"]'), []);
  });

  it('ignores the flag when it belongs to the training script', () => {
    assert.deepEqual(launches('command: [torchrun, --max-restarts, "3", train.py, --nproc_per_node=8]'), ['torchrun']);
  });

  it('reads the commands of a shell script, in exec form or a block scalar', () => {
    assert.deepEqual(
      launches('command: ["bash", "-c", "pip install -r requirements.txt && torchrun --nnodes=$NNODES --nproc-per-node 8 train.py"]'),
      ['torchrun --nproc-per-node 8 @8'],
    );
    assert.deepEqual(
      launches(
        'command: [/bin/sh, -ec]\nargs:\n  - |\n    echo 8 > /tmp/x\n    exec env NCCL_DEBUG=INFO torchrun \\\n      --nproc_per_node=8 \\\n      train.py',
      ),
      ['torchrun --nproc_per_node 8 @8'],
    );
    assert.deepEqual(launches('command: [bash, -c, --]\nargs: ["torchrun --nproc-per-node=\'4\' train.py"]'), [
      'torchrun --nproc-per-node 4 @4',
    ]);
    assert.deepEqual(launches('command: [sh, -c, "deepspeed --num_gpus 8 train.py; accelerate launch train.py"]'), [
      'deepspeed',
      'accelerate',
    ]);
    assert.deepEqual(launches('command: [bash, train.sh]'), []);
  });

  it('splits shell scripts as the shell does', () => {
    const { container: view } = container(`command: [sh, -c, "a 'b c' \\"d e\\" f\\\\ g # h\\ni && j || k; l | m"]`);
    assert.deepEqual(
      containerCommands(view).map((words) => words.map((word) => word.text)),
      [['a', 'b c', 'd e', 'f g'], ['i'], ['j'], ['k'], ['l'], ['m']],
    );
  });

  it("points at the occurrence of the value that is the flag's, not an earlier equal word", () => {
    const { text, container: view } = container('command: [sh, -c, "echo 8; torchrun --nnodes 8 --nproc_per_node 8 t.py"]');
    const nproc = containerLaunches(view)[0].nprocPerNode!;
    const span = locateWord(text, nproc.word)!;
    assert.equal(text.slice(span.start - 17, span.end), '--nproc_per_node 8');
  });

  it('points at the value in the document, or nowhere when the source spells it otherwise', () => {
    const { text, container: view } = container('command: [sh, -c, "torchrun --nproc_per_node=\\u0038 t.py"]');
    const [launch] = containerLaunches(view);
    assert.equal(launch.nprocPerNode?.value, '8');
    assert.equal(locateWord(text, launch.nprocPerNode.word), undefined);
  });
});
