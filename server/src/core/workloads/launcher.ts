// How a container starts distributed PyTorch: torchrun (or `python -m torch.distributed.run` /
// `.launch`), deepspeed or `accelerate launch`, found in its command and args, also inside a
// shell script (`bash -c "pip install … && torchrun …"`); with torchrun's `--nproc-per-node`,
// located in the document so that a rule can point at it and a fix can replace it.
import type { ScalarNode } from '../document';
import type { ContainerView } from './index';

/** A word of a command line, from one scalar of command/args (a whole item, or a word of a shell script in it). */
export interface Word {
  /** The word after shell quoting is removed. */
  text: string;
  node: ScalarNode;
  /** The word as written in the scalar's value, quotes included, at `index` in that value. */
  raw: string;
  index: number;
}

export type LauncherKind = 'torchrun' | 'deepspeed' | 'accelerate';

export interface NprocFlag {
  /** As written: `--nproc_per_node` or `--nproc-per-node`. */
  flag: string;
  /** The value: a number, `auto`, `gpu`, `cpu`… */
  value: string;
  /** The word holding the value (`--nproc-per-node=8`, or the `8` after the flag). */
  word: Word;
  /** Where the value sits within `word.raw`. */
  rawStart: number;
  rawEnd: number;
}

export interface Launch {
  kind: LauncherKind;
  /** The launcher's words, from the program on (its options, the script and the script's arguments). */
  words: Word[];
  nprocPerNode?: NprocFlag;
}

const SHELLS = /^(ba|z|da|k|a)?sh$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
/** Words before the program that leave it the program: `exec torchrun …`, `env A=1 torchrun …`. */
const PREFIXES = new Set(['exec', 'env', 'nohup', 'time', 'sudo']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Python modules that are launchers. */
const LAUNCH_MODULES: Record<string, LauncherKind> = {
  'torch.distributed.run': 'torchrun',
  'torch.distributed.launch': 'torchrun',
  'deepspeed.launcher.runner': 'deepspeed',
  'accelerate.commands.launch': 'accelerate',
};
/** torchrun options that take no value; every other option does (torch/distributed/run.py). */
const TORCHRUN_SWITCHES = new Set([
  '--standalone',
  '-m',
  '--module',
  '--no-python',
  '--no_python',
  '--run-path',
  '--run_path',
  '--use-env',
  '--use_env',
  '--virtual-local-rank',
  '--virtual_local_rank',
  '-h',
  '--help',
]);
const NPROC_FLAGS = new Set(['--nproc_per_node', '--nproc-per-node']);

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Splits a shell script into commands of words: quotes and backslashes as the shell reads them,
 * commands separated by newlines, `;`, `&`, `&&`, `|` and `||`, comments dropped. Expansions
 * (`$VAR`, `$(…)`) stay part of their word.
 */
export function shellCommands(script: string, node: ScalarNode): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let i = 0;
  const endCommand = () => {
    if (words.length) commands.push(words);
    words = [];
  };
  while (i < script.length) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === '\n') i += 2;
    else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      endCommand();
      i++;
    } else if (c === '#') {
      while (i < script.length && script[i] !== '\n') i++;
    } else {
      const start = i;
      let text = '';
      while (i < script.length && !/[\s;&|]/.test(script[i])) {
        const ch = script[i];
        if (ch === "'") {
          const close = script.indexOf("'", i + 1);
          const end = close < 0 ? script.length : close;
          text += script.slice(i + 1, end);
          i = end + 1;
        } else if (ch === '"') {
          i++;
          while (i < script.length && script[i] !== '"') {
            if (script[i] === '\\' && i + 1 < script.length && '"\\$`\n'.includes(script[i + 1])) i++;
            text += script[i++];
          }
          i++;
        } else if (ch === '\\' && i + 1 < script.length) {
          text += script[i + 1];
          i += 2;
        } else {
          text += ch;
          i++;
        }
      }
      i = Math.min(i, script.length);
      words.push({ text, node, raw: script.slice(start, i), index: start });
    }
  }
  endCommand();
  return commands;
}

function itemWord(node: ScalarNode): Word {
  const text = node.value === null ? '' : String(node.value);
  return { text, node, raw: text, index: 0 };
}

/** The script a shell runs with `-c`, when argv is `sh [options] -c script …`. */
function shellScript(argv: Word[]): Word | undefined {
  if (!argv.length || !SHELLS.test(basename(argv[0].text))) return undefined;
  let dashC = false;
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i].text;
    if (word === '--') continue;
    if (/^-[a-zA-Z]+$/.test(word)) {
      dashC ||= word.includes('c');
      continue;
    }
    if (/^[-+]o$/.test(word)) {
      i++;
      continue;
    }
    return dashC ? argv[i] : undefined;
  }
  return undefined;
}

/** The commands a container runs: its argv, or the commands of the script its shell runs. */
export function containerCommands(container: ContainerView): Word[][] {
  const argv = [...container.command, ...container.args].map(itemWord);
  const script = shellScript(argv);
  return script ? shellCommands(script.text, script.node) : argv.length ? [argv] : [];
}

/** The launcher a command starts, and the words from the launcher's program on. */
function launcherOf(words: Word[]): Launch | undefined {
  let i = 0;
  while (i < words.length && (PREFIXES.has(words[i].text) || ASSIGNMENT.test(words[i].text))) i++;
  const program = words[i] ? basename(words[i].text) : '';
  if (program === 'torchrun') return { kind: 'torchrun', words: words.slice(i) };
  if (program === 'deepspeed') return { kind: 'deepspeed', words: words.slice(i) };
  if (program === 'accelerate' && words[i + 1]?.text === 'launch') return { kind: 'accelerate', words: words.slice(i) };
  if (!PYTHON.test(program)) return undefined;
  for (let j = i + 1; j < words.length; j++) {
    const word = words[j].text;
    if (word === '-m') {
      const kind = LAUNCH_MODULES[words[j + 1]?.text ?? ''];
      return kind ? { kind, words: words.slice(i) } : undefined;
    }
    if (!/^-[A-Za-z]+$/.test(word) || word === '-c') return undefined;
  }
  return undefined;
}

/** torchrun's `--nproc-per-node`, among the options before the training script. */
function nprocFlag(launch: Launch): NprocFlag | undefined {
  const words = launch.words;
  // Past the program (`torchrun`, or `python -m torch.distributed.run`).
  let i = words[0] && PYTHON.test(basename(words[0].text)) ? words.findIndex((word) => word.text === '-m') + 2 : 1;
  for (; i < words.length; i++) {
    const { text } = words[i];
    if (text === '--' || !text.startsWith('-')) return undefined;
    const equals = text.indexOf('=');
    const flag = equals < 0 ? text : text.slice(0, equals);
    if (NPROC_FLAGS.has(flag)) {
      if (equals >= 0) {
        const word = words[i];
        const at = word.raw.indexOf('=') + 1;
        return unquoted({ flag, value: text.slice(equals + 1), word, rawStart: at, rawEnd: word.raw.length });
      }
      const word = words[i + 1];
      return word ? unquoted({ flag, value: word.text, word, rawStart: 0, rawEnd: word.raw.length }) : undefined;
    }
    if (equals < 0 && !TORCHRUN_SWITCHES.has(text)) i++;
  }
  return undefined;
}

/** The value's span without the quotes around it (`"8"` → `8`). */
function unquoted(flag: NprocFlag): NprocFlag {
  const raw = flag.word.raw.slice(flag.rawStart, flag.rawEnd);
  return raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw.endsWith(raw[0])
    ? { ...flag, rawStart: flag.rawStart + 1, rawEnd: flag.rawEnd - 1 }
    : flag;
}

/** Launches by container: several rules ask for the same container's. */
const launches = new WeakMap<ContainerView, Launch[]>();

/** Every launcher the container runs, with torchrun's processes per node where given. */
export function containerLaunches(container: ContainerView): Launch[] {
  let found = launches.get(container);
  if (!found) {
    found = findLaunches(container);
    launches.set(container, found);
  }
  return found;
}

function findLaunches(container: ContainerView): Launch[] {
  const found: Launch[] = [];
  for (const words of containerCommands(container)) {
    const launch = launcherOf(words);
    if (!launch) continue;
    const nproc = launch.kind === 'torchrun' ? nprocFlag(launch) : undefined;
    if (nproc) launch.nprocPerNode = nproc; // the launch is this call's own object
    found.push(launch);
  }
  return found;
}

/**
 * Where a word's raw text (or the part `rawStart…rawEnd` of it) is in the document: found in the
 * scalar's source by its occurrence in the value, which holds for plain and block scalars and
 * quoted ones without escapes. Undefined when the source spells it otherwise.
 */
export function locateWord(
  documentText: string,
  word: Word,
  rawStart = 0,
  rawEnd = word.raw.length,
): { start: number; end: number } | undefined {
  if (!word.raw) return undefined;
  const value = word.node.value === null ? '' : String(word.node.value);
  let occurrence = 0;
  for (let at = value.indexOf(word.raw); at >= 0 && at < word.index; at = value.indexOf(word.raw, at + word.raw.length)) occurrence++;
  const source = documentText.slice(word.node.start, word.node.end);
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = source.indexOf(word.raw, at < 0 ? 0 : at + word.raw.length);
    if (at < 0) return undefined;
  }
  const start = word.node.start + at;
  return { start: start + rawStart, end: start + rawEnd };
}
