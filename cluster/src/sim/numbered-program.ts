// A container that prints numbered lines at a steady rate (`line 123/6000 …`), for the tests and the
// bench that prove a log view holds every line exactly once, in order. Its annotations set how many
// (`sim.mlinfra.dev/lines`), how fast (`lines-per-second`) and how many share one instant (`burst`,
// as a process that writes several lines at once); `fail-attempts` makes its first runs stop half-way
// with an error. Lines are made as they are printed: an hour of them costs no memory up front.
import type { Program } from './programs';

export interface NumberedSettings {
  lines: number;
  perSecond: number;
  burst: number;
  rank: number;
  failing: boolean;
}

export function numberedProgram(settings: NumberedSettings): Program {
  const { perSecond, burst, rank } = settings;
  const total = Math.max(1, Math.round(settings.lines));
  const count = settings.failing ? Math.ceil(total / 2) : total;
  const groupMs = (1000 * Math.max(1, burst)) / Math.max(0.001, perSecond);
  const at = (index: number) => Math.floor(index / Math.max(1, burst)) * groupMs;
  const text = (n: number) => `line ${n}/${total} rank=${rank} step=${n} loss=${(2.5 - (1.5 * n) / total).toFixed(4)}`;
  const end = at(count - 1) + 100;
  const failure = settings.failing
    ? [{ at: end, text: `RuntimeError: rank ${rank} stopped at line ${count}: CUDA error: an illegal memory access was encountered` }]
    : [];
  return {
    lines: {
      length: count + failure.length,
      get: (index) => (index < count ? { at: at(index), text: text(index + 1) } : failure[index - count]),
    },
    exit: { at: end + 100, code: settings.failing ? 1 : 0 },
  };
}
