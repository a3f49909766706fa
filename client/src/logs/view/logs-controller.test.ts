// The host side of a logs view against a fake session: entries reach the webview in batches, no
// more than one message per interval; a webview shown again gets everything it lost; options
// restart the session and forget the old one's entries; closing stops the session, even one still
// starting; a session that cannot start says why in the view.
import * as assert from 'node:assert/strict';
import type { LogEntry, LogSessionListener } from '../log-entry';
import type { LogOptions } from './log-options';
import { LogsController, type LogsEffects, type SessionControl } from './logs-controller';
import type { HostMessage } from './view-protocol';
import type { BatchTimers } from '../../views/refresh-batcher';

const target = { context: 'demo', namespace: 'ml', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama' };

class FakeSession implements SessionControl {
  calls: string[] = [];
  constructor(
    readonly options: LogOptions,
    readonly listener: LogSessionListener,
  ) {}
  pause(): void {
    this.calls.push('pause');
  }
  resume(): void {
    this.calls.push('resume');
  }
  stop(): void {
    this.calls.push('stop');
  }
}

class ManualTimers implements BatchTimers {
  private pending = new Map<number, () => void>();
  private next = 1;
  setTimeout(fn: () => void): unknown {
    this.pending.set(this.next, fn);
    return this.next++;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

let seq = 0;
const line = (text: string, extra: Partial<LogEntry> = {}): LogEntry => ({ seq: seq++, kind: 'line', tag: 'worker-0', text, ...extra });

function setup(start?: (options: LogOptions, listener: LogSessionListener) => Promise<SessionControl>) {
  const sessions: FakeSession[] = [];
  const posted: HostMessage[] = [];
  const timers = new ManualTimers();
  const effects: LogsEffects = {
    post: (message) => posted.push(message),
    save: async () => undefined,
    openInEditor: async () => undefined,
    openRule: async () => undefined,
    openSource: async () => undefined,
    resolveLinks: async (paths) => Object.fromEntries(paths.map((p) => [p, p.endsWith('train.py')])),
    askSince: async () => ({ sinceSeconds: 600 }),
  };
  const controller = new LogsController(
    target,
    { follow: true, previous: false, tailLines: 500 },
    async (_target, options, listener) => {
      if (start) return start(options, listener);
      const session = new FakeSession(options, listener);
      sessions.push(session);
      return session;
    },
    effects,
    { bufferLines: 1000, timestamps: false, timers },
  );
  return { controller, sessions, posted, timers };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const kinds = (posted: HostMessage[]) =>
  posted.map((m) => (m.type === 'entries' ? `entries:${m.entries.map((e) => e.text).join(',')}` : m.type));

describe('logs controller', () => {
  it('sends a burst of batches as one message per interval, and the lines before the state that ends them', async () => {
    const { controller, sessions, posted, timers } = setup();
    await controller.receive({ type: 'ready' });
    await controller.run();
    const { listener } = sessions[0];
    listener.onState('following');
    listener.onEntries([line('a')]);
    listener.onEntries([line('b')]);
    listener.onEntries([line('c'), line('d')]);
    timers.fire();
    listener.onEntries([line('e')]);
    listener.onState('ended');
    assert.deepEqual(kinds(posted), ['reset', 'reset', 'state', 'entries:a', 'entries:b,c,d', 'entries:e', 'state']);
    assert.equal(controller.batchesSent, 3);
    assert.deepEqual(
      controller.entries().map((e) => e.text),
      ['a', 'b', 'c', 'd', 'e'],
    );
  });

  it('posts nothing to a hidden webview, and everything in one reset when it is ready again', async () => {
    const { controller, sessions, posted } = setup();
    await controller.receive({ type: 'ready' });
    await controller.run();
    controller.hidden();
    posted.length = 0;
    sessions[0].listener.onEntries([line('while hidden')]);
    sessions[0].listener.onState('following');
    assert.equal(posted.length, 0);
    await controller.receive({ type: 'ready' });
    assert.equal(posted.length, 1);
    const reset = posted[0];
    assert.ok(reset.type === 'reset');
    assert.deepEqual(
      reset.entries.map((e) => e.text),
      ['while hidden'],
    );
    assert.equal(reset.state, 'following');
    assert.equal(reset.title, 'Logs: pytorchjob/llama');
  });

  it('passes pause, resume and stop to the session, says paused while paused, and restarts it with other options', async () => {
    const { controller, sessions, posted } = setup();
    await controller.receive({ type: 'ready' });
    await controller.run();
    sessions[0].listener.onEntries([line('old')]);
    sessions[0].listener.onState('following');
    await controller.receive({ type: 'pause' });
    assert.equal(controller.state, 'paused');
    sessions[0].listener.onState('following');
    assert.equal(controller.state, 'paused', 'held until the user resumes, whatever the session reports');
    await controller.receive({ type: 'resume' });
    assert.equal(controller.state, 'following');
    assert.deepEqual(
      posted.filter((m) => m.type === 'state').map((m) => m.type === 'state' && m.state),
      ['following', 'paused', 'paused', 'following'],
    );
    await controller.receive({ type: 'restart', options: { follow: true, previous: true, tailLines: 100 } });
    assert.deepEqual(sessions[0].calls, ['pause', 'resume', 'stop']);
    assert.deepEqual(sessions[1].options, { follow: true, previous: true, tailLines: 100 });
    sessions[0].listener.onEntries([line('late, from the old session')]);
    assert.deepEqual(controller.entries(), [], 'the old session’s entries are gone and its late ones ignored');
    const last = posted.filter((m) => m.type === 'reset').pop();
    assert.ok(last?.type === 'reset' && last.entries.length === 0 && last.options.previous);
    await controller.receive({ type: 'askSince' });
    assert.deepEqual(sessions[2].options, { follow: true, previous: true, tailLines: undefined, sinceSeconds: 600, sinceTime: undefined });
    await controller.receive({ type: 'stop' });
    assert.deepEqual(sessions[2].calls, ['stop']);
    assert.equal(controller.state, 'stopped');
  });

  it('stops the session when the view closes, even one that was still starting', async () => {
    let release!: () => void;
    const late = new FakeSession({ follow: true, previous: false }, { onEntries() {}, onState() {} });
    const { controller } = setup(() => new Promise((resolve) => (release = () => resolve(late))));
    const running = controller.run();
    controller.dispose();
    release();
    await running;
    assert.deepEqual(late.calls, ['stop']);
  });

  it('says in the view why a session could not start', async () => {
    const { controller, posted } = setup(() => Promise.reject(new Error('pods is forbidden: User "dev" cannot list pods in "ml"')));
    await controller.receive({ type: 'ready' });
    await controller.run();
    assert.deepEqual(
      controller.entries().map((e) => [e.kind, e.text]),
      [['error', 'Could not read the logs of pytorchjob/llama in ml of demo: pods is forbidden: User "dev" cannot list pods in "ml"']],
    );
    assert.equal(controller.state, 'ended');
    assert.deepEqual(kinds(posted).slice(-2), [`entries:${controller.entries()[0].text}`, 'state']);
  });

  it('tells the webview which traceback paths are workspace files, once per path', async () => {
    const { controller, sessions, posted } = setup();
    await controller.receive({ type: 'ready' });
    await controller.run();
    const link = (path: string) => ({ start: 0, end: 1, path, line: 3 });
    sessions[0].listener.onEntries([line('x', { links: [link('/workspace/train.py')] }), line('y', { links: [link('/usr/lib/x.py')] })]);
    await settle();
    sessions[0].listener.onEntries([line('z', { links: [link('/workspace/train.py')] })]);
    await settle();
    const links = posted.filter((m) => m.type === 'links');
    assert.deepEqual(links, [{ type: 'links', resolved: { '/workspace/train.py': true, '/usr/lib/x.py': false } }]);
  });

  it('answers a snapshot with what the webview says it shows, asked again once the page is ready', async () => {
    const { controller, posted } = setup();
    const snapshot = controller.snapshot(1000);
    assert.equal(posted.length, 0, 'nothing goes to a page that is not ready');
    await controller.receive({ type: 'ready' });
    const ask = posted.find((m) => m.type === 'snapshot');
    assert.ok(ask?.type === 'snapshot');
    const view = {
      title: 't',
      state: 'Following',
      options: '',
      failures: [],
      rows: ['worker-0 a'],
      highlighted: [],
      links: [],
      rowCount: 1,
      held: 1,
      dropped: 0,
      chips: [],
    };
    await controller.receive({ type: 'snapshot', id: ask.id, view });
    assert.deepEqual(await snapshot, view);
  });
});
