// What a failing training run prints before it exits: the failure a pod's `sim.mlinfra.dev/failure`
// annotation names (CUDA out of memory by default, an NCCL timeout, a bus error from a small
// /dev/shm), as the framework of its image words it, with a Python traceback through the script its
// command runs (`/workspace/resnet50.py`), so a log view has real-looking lines to recognise and link.
import type { Line } from './programs';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

export type FailureKind = 'cuda-oom' | 'nccl-timeout' | 'shm-bus-error';

const SITE = '/usr/local/lib/python3.10/dist-packages';

/** The script a container runs (`resnet50.py` of `python resnet50.py --batch-size=1024`), or train.py. */
function script(container: any): string {
  const words: string[] = [...(container?.command ?? []), ...(container?.args ?? [])].map(String);
  return words.find((w) => /\.py$/.test(w))?.replace(/^.*\//, '') ?? 'train.py';
}

function tensorflowOom(file: string): string[] {
  return [
    'Traceback (most recent call last):',
    `  File "${file}", line 41, in <module>`,
    '    model.fit(train_ds, epochs=args.epochs, steps_per_epoch=steps_per_epoch)',
    `  File "${SITE}/keras/src/utils/traceback_utils.py", line 122, in error_handler`,
    '    raise e.with_traceback(filtered_tb) from None',
    `  File "${SITE}/tensorflow/python/eager/execute.py", line 53, in quick_execute`,
    '    tensors = pywrap_tfe.TFE_Py_Execute(ctx._handle, device_name, op_name,',
    'tensorflow.python.framework.errors_impl.ResourceExhaustedError: Graph execution error:',
    'OOM when allocating tensor with shape[1024,64,112,112] and type float on /job:localhost/replica:0/task:0/device:GPU:0 ' +
      'by allocator GPU_0_bfc',
    '\t [[{{node resnet50/conv1_conv/Conv2D}}]] [Op:__inference_train_function_9414]',
  ];
}

function torchFrames(file: string): string[] {
  return [
    'Traceback (most recent call last):',
    `  File "${file}", line 58, in <module>`,
    '    main()',
    `  File "${file}", line 51, in main`,
    '    loss = train_step(model, batch, optimizer)',
    `  File "${file}", line 36, in train_step`,
  ];
}

function torchOom(file: string): string[] {
  return [
    ...torchFrames(file),
    '    outputs = model(**batch)',
    `  File "${SITE}/torch/nn/modules/module.py", line 1736, in _wrapped_call_impl`,
    '    return self._call_impl(*args, **kwargs)',
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has a total capacity of 79.14 GiB of which ' +
      '1.21 GiB is free. Of the allocated memory 74.62 GiB is allocated by PyTorch.',
  ];
}

function ncclTimeout(file: string, rank: number): string[] {
  const work = 'WorkNCCL(SeqNum=4012, OpType=ALLREDUCE, NumelIn=262144000, NumelOut=262144000, Timeout(ms)=600000)';
  const timeout = `[Rank ${rank}] Watchdog caught collective operation timeout: ${work} ran for 600009 milliseconds before timing out.`;
  return [
    `[rank${rank}]:[E ProcessGroupNCCL.cpp:616] ${timeout}`,
    ...torchFrames(file),
    '    loss.backward()',
    `torch.distributed.DistBackendError: [Rank ${rank}] NCCL watchdog thread terminated with exception: ${timeout}`,
    `E torch/distributed/elastic/multiprocessing/api.py:869] failed (exitcode: -6) local_rank: 0 (pid: 57) of binary: /usr/bin/python`,
    'torch.distributed.elastic.multiprocessing.errors.ChildFailedError: ',
  ];
}

function busError(file: string): string[] {
  return [
    'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).',
    ...torchFrames(file),
    '    for batch in loader:',
    "RuntimeError: DataLoader worker (pid 2817) is killed by signal: Bus error. It is possible that dataloader's workers are out " +
      'of shared memory. Please try to raise your shared memory limit.',
  ];
}

/** The lines of a failure at `at` (ms after the container started). */
export function failureLines(kind: string | undefined, container: any, rank: number, at: number): Line[] {
  const file = `/workspace/${script(container)}`;
  const tensorflow = /tensorflow/.test(String(container?.image ?? ''));
  const texts =
    kind === 'nccl-timeout'
      ? ncclTimeout(file, rank)
      : kind === 'shm-bus-error'
        ? busError(file)
        : tensorflow
          ? tensorflowOom(file)
          : torchOom(file);
  return texts.map((text) => ({ at, text }));
}
