import * as assert from 'node:assert/strict';
import { humanDuration } from './human-duration';
import { findAll } from './jsonpath';
import { BUILTIN_PRINTERS } from './builtin-columns';
import { customPrinter } from './table';

describe('ages as kubectl shows them', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [59_000, '59s'],
    [119_000, '119s'],
    [125_000, '2m5s'],
    [600_000, '10m'],
    [3 * 3600_000 + 5 * 60_000, '3h5m'],
    [30 * 3600_000, '30h'],
    [3 * 86400_000 + 2 * 3600_000, '3d2h'],
    [30 * 86400_000, '30d'],
    [-5000, '<invalid>'],
  ];
  for (const [ms, text] of cases) it(`${ms} ms is ${text}`, () => assert.equal(humanDuration(ms), text));
});

describe('printer-column JSONPath', () => {
  const job = {
    status: {
      conditions: [
        { type: 'Created', status: 'True' },
        { type: 'Running', status: 'True' },
      ],
      traffic: [
        { tag: 'prev', percent: 10 },
        { latestRevision: true, percent: 90 },
      ],
    },
  };
  it('reads the last condition, filters and wildcards', () => {
    assert.deepEqual(findAll(job, '.status.conditions[-1:].type'), ['Running']);
    assert.deepEqual(findAll(job, '.status.conditions[?(@.type=="Created")].status'), ['True']);
    assert.deepEqual(findAll(job, ".status.traffic[?(@.tag=='prev')].percent"), [10]);
    assert.deepEqual(findAll(job, '.status.traffic[?(@.latestRevision==true)].percent'), [90]);
    assert.deepEqual(findAll(job, '.status.conditions[*].type'), ['Created', 'Running']);
    assert.deepEqual(findAll(job, '.status.missing'), []);
  });
});

describe('table columns', () => {
  const now = Date.parse('2025-01-06T10:00:00Z');
  it("computes a restarting pod's cells as the real printer does", () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'w-0', creationTimestamp: '2025-01-06T09:55:00Z' },
      spec: { nodeName: 'gpu-a100-0', containers: [{ name: 'pytorch' }] },
      status: {
        phase: 'Running',
        podIP: '10.244.0.5',
        containerStatuses: [
          {
            name: 'pytorch',
            ready: false,
            restartCount: 2,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-06T09:59:30Z' } },
          },
        ],
      },
    };
    assert.deepEqual(BUILTIN_PRINTERS['/pods'].cells(pod, now), [
      'w-0',
      '0/1',
      'CrashLoopBackOff',
      '2 (30s ago)',
      '5m',
      '10.244.0.5',
      'gpu-a100-0',
      '<none>',
      '<none>',
    ]);
  });
  it('gives a job Status, Completions and Duration', () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j', creationTimestamp: '2025-01-06T09:50:00Z' },
      spec: { completions: 4, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
      status: {
        succeeded: 4,
        startTime: '2025-01-06T09:50:00Z',
        completionTime: '2025-01-06T09:52:30Z',
        conditions: [{ type: 'Complete', status: 'True' }],
      },
    };
    assert.deepEqual(BUILTIN_PRINTERS['batch/jobs'].cells(job, now).slice(0, 5), ['j', 'Complete', '4/4', '2m30s', '10m']);
  });
  it('builds custom columns from printer columns, Age alone when there are none', () => {
    const printer = customPrinter([
      { name: 'State', type: 'string', jsonPath: '.status.conditions[-1:].type' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ]);
    assert.deepEqual(
      printer.columns.map((c) => c.name),
      ['Name', 'State', 'Age'],
    );
    assert.deepEqual(
      printer.cells({ apiVersion: 'x/v1', kind: 'X', metadata: { name: 'x', creationTimestamp: '2025-01-06T09:00:00Z' } }, now),
      ['x', null, '60m'],
    );
    assert.deepEqual(
      customPrinter([]).columns.map((c) => c.name),
      ['Name', 'Age'],
    );
  });
});
