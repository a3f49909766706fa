// What a simulated container "runs": the lines it prints, when, and how it ends. Training
// containers print progress (`step 120/1000 loss=2.314 lr=3.0e-4 throughput=1843 samples/s`) and
// exit; servers (Triton, Ray, anything under restartPolicy Always) print their start-up and keep
// running. Pod annotations `sim.mlinfra.dev/*` tune a pod's program (steps, seconds per step,
// attempts that fail and how: failure-output.ts), so scenarios and applied manifests can ask for a
// short or failing run; `program: numbered` prints numbered lines at a set rate (numbered-program.ts).
import type { KubeObject } from '../store/object';
import { containerObjectGpus } from '../../../common/model';
import { failureLines } from './failure-output';
import { numberedProgram } from './numbered-program';
import type { Random } from './random';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

export interface Line {
  /** Milliseconds after the container started. */
  at: number;
  text: string;
}

/** Lines made as they are printed, for long runs. */
export interface LazyLines {
  readonly length: number;
  get(index: number): Line;
}

export interface Program {
  lines: Line[] | LazyLines;
  /** When the process exits (ms after start) and with what code; undefined: it runs until killed. */
  exit?: { at: number; code: number };
}

function annotation(pod: KubeObject, name: string): string | undefined {
  return pod.metadata.annotations?.[`sim.mlinfra.dev/${name}`];
}

function numberAnnotation(pod: KubeObject, name: string, fallback: number): number {
  const value = Number(annotation(pod, name));
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function glog(at: number, start: number, file: string, text: string): Line {
  const d = new Date(start + at);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`;
  return { at, text: `I${stamp} 1 ${file}] ${text}` };
}

function training(pod: KubeObject, container: any, attempt: number, random: Random): Program {
  const steps = Math.max(1, Math.round(numberAnnotation(pod, 'steps', 200)));
  const stepMs = numberAnnotation(pod, 'step-seconds', 1) * 1000;
  const every = Math.max(1, Math.round(numberAnnotation(pod, 'log-every', 10)));
  const failing = attempt < numberAnnotation(pod, 'fail-attempts', 0);
  const gpus = containerObjectGpus(container);
  const worldSize = Math.max(1, Math.round(numberAnnotation(pod, 'world-size', 1)));
  const rank = rankOf(pod);
  const lines: Line[] = [
    {
      at: 0,
      text: `[rank${rank}]: Initializing process group: backend=${gpus ? 'nccl' : 'gloo'} world_size=${worldSize * Math.max(1, gpus)}`,
    },
    {
      at: 200,
      text: `[rank${rank}]: Using ${gpus ? `${gpus} x CUDA device(s)` : 'CPU'}; batch_size=32 grad_accum=4 precision=${gpus ? 'bf16' : 'fp32'}`,
    },
    { at: 400, text: `[rank${rank}]: Loaded dataset: 1281167 samples, ${steps} steps` },
  ];
  const failAt = failing ? Math.max(1, Math.floor(steps * random.between(0.25, 0.5))) : undefined;
  const base = random.between(2.2, 2.6);
  const samples = gpus ? 230 * gpus : 40;
  for (let step = every; step <= (failAt ?? steps); step += every) {
    const loss = base * Math.exp((-1.6 * step) / steps) + random.between(-0.03, 0.03);
    const warm = Math.min(1, step / Math.max(1, steps * 0.1));
    const lr = 3e-4 * warm * (0.5 + 0.5 * Math.cos((Math.PI * step) / steps));
    const throughput = Math.round(samples * random.between(0.95, 1.05));
    lines.push({
      at: 500 + step * stepMs,
      text:
        `step ${step}/${steps} loss=${loss.toFixed(3)} lr=${lr.toExponential(1).replace(/e([+-])(\d)$/, 'e$10$2')} ` +
        `throughput=${throughput} samples/s`,
    });
  }
  if (failAt !== undefined) {
    const at = 600 + failAt * stepMs;
    lines.push(...failureLines(annotation(pod, 'failure'), container, rank, at));
    return { lines, exit: { at: at + 100, code: 1 } };
  }
  const end = 600 + steps * stepMs;
  lines.push({ at: end, text: `Training complete: ${steps} steps, final loss=${(base * Math.exp(-1.6)).toFixed(3)}` });
  lines.push({ at: end + 200, text: `Saved checkpoint to /checkpoints/step-${steps}` });
  return { lines, exit: { at: end + 300, code: 0 } };
}

function preprocess(pod: KubeObject, random: Random): Program {
  const shards = Math.max(1, Math.round(numberAnnotation(pod, 'steps', 8)));
  const stepMs = numberAnnotation(pod, 'step-seconds', 2) * 1000;
  const lines: Line[] = [{ at: 0, text: `Preprocessing ${shards} shards from s3://datasets/imagenet/raw` }];
  for (let i = 1; i <= shards; i++)
    lines.push({ at: i * stepMs, text: `processed shard ${i}/${shards} (${random.int(120000, 180000)} records)` });
  lines.push({ at: shards * stepMs + 100, text: 'Wrote 8 TFRecord files to s3://datasets/imagenet/processed' });
  return { lines, exit: { at: shards * stepMs + 200, code: 0 } };
}

function triton(start: number, container: any): Program {
  const gpus = containerObjectGpus(container);
  const model = 'llama3-8b-instruct';
  const lines = [
    glog(0, start, 'pinned_memory_manager.cc:277', '"Pinned memory pool is created at \'0x7f2a34000000\' with size 268435456"'),
    ...Array.from({ length: gpus }, (_, i) =>
      glog(10, start, 'cuda_memory_manager.cc:107', `"CUDA memory pool is created on device ${i} with size 67108864"`),
    ),
    glog(800, start, 'model_lifecycle.cc:472', `"loading: ${model}:1"`),
    glog(900, start, 'python_be.cc:2289', `"TRITONBACKEND_ModelInstanceInitialize: ${model}_0_0 (GPU device 0)"`),
    glog(6000, start, 'model_lifecycle.cc:839', `"successfully loaded '${model}'"`),
    glog(
      6100,
      start,
      'server.cc:674',
      '\n+--------------------+---------+--------+' +
        '\n| Model              | Version | Status |' +
        '\n+--------------------+---------+--------+' +
        '\n| llama3-8b-instruct | 1       | READY  |' +
        '\n+--------------------+---------+--------+',
    ),
    glog(6200, start, 'grpc_server.cc:2558', '"Started GRPCInferenceService at 0.0.0.0:8001"'),
    glog(6200, start, 'http_server.cc:4725', '"Started HTTPService at 0.0.0.0:8000"'),
    glog(6300, start, 'http_server.cc:358', '"Started Metrics Service at 0.0.0.0:8002"'),
  ];
  return { lines: lines.flatMap((l) => l.text.split('\n').map((text) => ({ at: l.at, text }))) };
}

function server(container: any): Program {
  const image = String(container.image ?? '');
  if (/ray/.test(image)) {
    return {
      lines: [
        { at: 0, text: 'Usage stats collection is disabled.' },
        { at: 500, text: 'Local node IP: 10.244.0.10' },
        { at: 2500, text: '--------------------' },
        { at: 2500, text: 'Ray runtime started.' },
        { at: 2500, text: '--------------------' },
      ],
    };
  }
  if (/dcgm|exporter|metrics/.test(image + container.name)) {
    return {
      lines: [
        { at: 0, text: 'Starting dcgm-exporter' },
        { at: 300, text: 'Collecting metrics at 0.0.0.0:9400/metrics every 30000ms' },
      ],
    };
  }
  return {
    lines: [
      { at: 0, text: `Starting ${container.name}` },
      { at: 300, text: 'Listening on 0.0.0.0:8080' },
    ],
  };
}

/** The line of a program at `index`, if it has one. */
export function lineAt(program: Program, index: number): Line | undefined {
  const lines = program.lines;
  if (Array.isArray(lines)) return lines[index];
  return index < lines.length ? lines.get(index) : undefined;
}

function rankOf(pod: KubeObject): number {
  return (
    Number(pod.metadata.labels?.['training.kubeflow.org/replica-index'] ?? 0) +
    (pod.metadata.labels?.['training.kubeflow.org/replica-type'] === 'worker' ? 1 : 0)
  );
}

/** The program of a container in a pod, for its `attempt`-th run (0 first). */
export function programFor(pod: KubeObject, container: any, attempt: number, start: number, random: Random): Program {
  const kind = annotation(pod, 'program');
  const image = String(container.image ?? '');
  if (kind === 'triton' || (!kind && /tritonserver/.test(image))) return triton(start, container);
  if (kind === 'numbered')
    return numberedProgram({
      lines: numberAnnotation(pod, 'lines', 1000),
      perSecond: numberAnnotation(pod, 'lines-per-second', 50),
      burst: numberAnnotation(pod, 'burst', 1),
      rank: rankOf(pod),
      failing: attempt < numberAnnotation(pod, 'fail-attempts', 0),
    });
  if (kind === 'server' || (!kind && (pod.spec?.restartPolicy ?? 'Always') === 'Always')) return server(container);
  if (kind === 'preprocess' || (!kind && containerObjectGpus(container) === 0 && !/ray/.test(image))) return preprocess(pod, random);
  return training(pod, container, attempt, random);
}
