import * as assert from 'node:assert/strict';
import { workloadState } from './job-state';

const cond = (type: string, status = 'True', extra: Record<string, string> = {}) => ({
  type,
  status,
  lastTransitionTime: '2025-01-06T09:00:00Z',
  ...extra,
});
const state = (typeKey: string, status: unknown, spec: unknown = {}, podsRunning = false) =>
  workloadState(typeKey, { spec, status }, podsRunning).state;

describe('workload state from status', () => {
  it('reads the Kubeflow training operator conditions of every kind', () => {
    const created = { conditions: [cond('Created', 'True', { reason: 'PyTorchJobCreated' })] };
    const running = {
      conditions: [cond('Created'), cond('Running', 'True', { reason: 'PyTorchJobRunning' })],
      replicaStatuses: { Master: { active: 1 }, Worker: { active: 3 } },
    };
    const succeeded = {
      conditions: [
        cond('Created'),
        cond('Running', 'False'),
        cond('Succeeded', 'True', { message: 'PyTorchJob ml/llama successfully completed.' }),
      ],
      completionTime: '2025-01-06T10:00:00Z',
    };
    const failed = {
      conditions: [
        cond('Created'),
        cond('Running', 'False'),
        cond('Failed', 'True', { message: 'TFJob resnet has failed because it has reached the specified backoff limit' }),
      ],
    };
    const restarting = { conditions: [cond('Created'), cond('Running', 'False'), cond('Restarting', 'True')] };
    const suspended = { conditions: [cond('Created'), cond('Suspended', 'True', { reason: 'JobSuspended' })] };
    for (const kind of ['pytorchjobs', 'tfjobs', 'mpijobs', 'xgboostjobs', 'paddlejobs', 'jaxjobs']) {
      const key = `kubeflow.org/${kind}`;
      assert.deepEqual(
        [created, running, succeeded, failed, restarting, suspended].map((s) => state(key, s)),
        ['pending', 'running', 'succeeded', 'failed', 'running', 'suspended'],
        kind,
      );
    }
    assert.equal(state('kubeflow.org/pytorchjobs', {}, { runPolicy: { suspend: true } }), 'suspended');
    assert.equal(
      workloadState('kubeflow.org/tfjobs', { status: failed }).detail,
      'TFJob resnet has failed because it has reached the specified backoff limit',
    );
  });

  it('reads a batch Job: Complete, Failed, suspended, ready pods', () => {
    const key = 'batch/jobs';
    assert.equal(state(key, { active: 2, ready: 0, startTime: 'x' }), 'pending');
    assert.equal(state(key, { active: 2, ready: 2 }), 'running');
    assert.equal(state(key, { active: 1 }), 'running', 'servers before 1.24 set no ready count');
    assert.equal(state(key, { succeeded: 4, conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }), 'succeeded');
    assert.equal(
      state(key, { failed: 3, conditions: [cond('FailureTarget'), cond('Failed', 'True', { reason: 'BackoffLimitExceeded' })] }),
      'failed',
    );
    assert.equal(state(key, { conditions: [cond('Suspended', 'True', { reason: 'JobSuspended' })] }, { suspend: true }), 'suspended');
  });

  it('reads Trainer v2 TrainJob and JobSet conditions, falling back on the pods', () => {
    assert.equal(
      state('trainer.kubeflow.org/trainjobs', { conditions: [cond('Created', 'True', { reason: 'JobSetCreated' })] }, {}, true),
      'running',
    );
    assert.equal(state('trainer.kubeflow.org/trainjobs', { conditions: [cond('Created')] }), 'pending');
    assert.equal(
      state('trainer.kubeflow.org/trainjobs', { conditions: [cond('Created'), cond('Complete', 'True', { reason: 'JobSetCompleted' })] }),
      'succeeded',
    );
    assert.equal(state('trainer.kubeflow.org/trainjobs', { conditions: [cond('Suspended')] }, { suspend: true }), 'suspended');
    assert.equal(
      state('jobset.x-k8s.io/jobsets', {
        terminalState: 'Completed',
        conditions: [cond('Completed', 'True', { reason: 'AllJobsCompleted' })],
      }),
      'succeeded',
    );
    assert.equal(
      state('jobset.x-k8s.io/jobsets', { terminalState: 'Failed', conditions: [cond('Failed', 'True', { reason: 'FailedJobs' })] }),
      'failed',
    );
    assert.equal(state('jobset.x-k8s.io/jobsets', { replicatedJobsStatus: [{ name: 'node', ready: 1, active: 1 }] }, {}, true), 'running');
  });

  it('reads a Volcano Job phase', () => {
    const key = 'batch.volcano.sh/jobs';
    const phase = (p: string) => state(key, { state: { phase: p }, minAvailable: 2 });
    assert.deepEqual(['Pending', 'Inqueue', 'Running', 'Completing', 'Completed', 'Failed', 'Aborted', 'Terminated'].map(phase), [
      'pending',
      'pending',
      'running',
      'running',
      'succeeded',
      'failed',
      'suspended',
      'failed',
    ]);
  });

  it('reads KubeRay: a RayJob deployment and job status, a RayCluster state', () => {
    const key = 'ray.io/rayjobs';
    assert.equal(state(key, { jobDeploymentStatus: 'Initializing', rayClusterName: 'r-raycluster-x' }), 'pending');
    assert.equal(state(key, { jobDeploymentStatus: 'Running', jobStatus: 'RUNNING' }), 'running');
    assert.equal(
      state(key, { jobDeploymentStatus: 'Complete', jobStatus: 'SUCCEEDED', message: 'Job finished successfully.' }),
      'succeeded',
    );
    assert.equal(state(key, { jobDeploymentStatus: 'Complete', jobStatus: 'STOPPED' }), 'failed');
    assert.equal(state(key, { jobDeploymentStatus: 'Failed', jobStatus: 'FAILED', reason: 'AppFailed' }), 'failed');
    assert.equal(state(key, { jobDeploymentStatus: 'Suspended' }), 'suspended');
    assert.equal(state('ray.io/rayclusters', { state: 'ready', desiredWorkerReplicas: 2 }), 'running');
    assert.equal(state('ray.io/rayclusters', { conditions: [cond('RayClusterSuspended')] }), 'suspended');
    assert.equal(state('ray.io/rayclusters', {}), 'pending');
  });

  it('reads readiness of LeaderWorkerSets, Deployments and InferenceServices', () => {
    assert.equal(
      state('leaderworkerset.x-k8s.io/leaderworkersets', { conditions: [cond('Available', 'True', { reason: 'AllGroupsReady' })] }),
      'running',
    );
    assert.equal(
      state('leaderworkerset.x-k8s.io/leaderworkersets', { conditions: [cond('Progressing'), cond('Available', 'False')] }),
      'pending',
    );
    assert.equal(
      state(
        'apps/deployments',
        { conditions: [cond('Available', 'True', { reason: 'MinimumReplicasAvailable' }), cond('Progressing')] },
        { replicas: 2 },
      ),
      'running',
    );
    assert.equal(
      state(
        'apps/deployments',
        { conditions: [cond('Available', 'False', { reason: 'MinimumReplicasUnavailable' })] },
        { replicas: 2 },
        true,
      ),
      'pending',
    );
    assert.equal(state('apps/deployments', {}, { replicas: 0 }), 'suspended');
    assert.equal(
      state('serving.kserve.io/inferenceservices', { conditions: [cond('IngressReady'), cond('PredictorReady'), cond('Ready')] }),
      'running',
    );
    assert.equal(
      state('serving.kserve.io/inferenceservices', { conditions: [cond('Ready', 'False', { reason: 'MinimumReplicasUnavailable' })] }),
      'pending',
    );
  });
});
