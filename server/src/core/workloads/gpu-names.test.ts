import * as assert from 'node:assert/strict';
import { gpuNameProblem, gpusOffering, isKnownGpuName, isSharedGpuResource, migProfile } from './gpu-names';

describe('GPU resource names', () => {
  it('knows whole GPUs, MIG profiles, shared GPUs and the names of other GPU plugins', () => {
    for (const name of [
      'nvidia.com/gpu',
      'amd.com/gpu',
      'gpu.intel.com/i915',
      'nvidia.com/gpu.shared',
      'nvidia.com/mig-1g.5gb',
      'nvidia.com/mig-3g.47gb',
      'nvidia.com/mig-1g.10gb.shared',
      'nvidia.com/gpumem',
    ]) {
      assert.ok(isKnownGpuName(name), name);
      assert.equal(gpuNameProblem(name), undefined, name);
    }
    assert.equal(migProfile('nvidia.com/mig-2g.20gb.shared'), '2g.20gb');
    assert.equal(migProfile('nvidia.com/gpu'), undefined);
    assert.deepEqual(gpusOffering('1g.10gb'), ['A100 80GB / H100 80GB']);
    assert.deepEqual(gpusOffering('1g.7gb'), []);
    assert.deepEqual(
      ['nvidia.com/gpu.shared', 'nvidia.com/mig-1g.5gb.shared', 'nvidia.com/gpu', 'nvidia.com/mig-1g.5gb'].map(isSharedGpuResource),
      [true, true, false, false],
    );
  });

  it('leaves alone the names not meant as GPUs', () => {
    for (const name of [
      'cpu',
      'memory',
      'hugepages-2Mi',
      'example.com/foo',
      'example.com/gpu',
      'rdma/hca',
      'aliyun.com/gpu-mem',
      'volcano.sh/vgpu-number',
      'nvidia.com/rdma_shared_device_a',
      'gpu.intel.com/millicores',
    ]) {
      assert.equal(gpuNameProblem(name), undefined, name);
    }
  });

  it('says what is wrong with a name meant as a GPU, and the near name', () => {
    const cases: [string, string, string | undefined][] = [
      ['gpu', 'no-domain', 'nvidia.com/gpu'],
      ['gpus', 'no-domain', 'nvidia.com/gpu'],
      ['GPU', 'no-domain', 'nvidia.com/gpu'],
      ['mig-1g.5gb', 'no-domain', 'nvidia.com/mig-1g.5gb'],
      ['nvidia.com/gpus', 'unknown', 'nvidia.com/gpu'],
      ['nvidia.com/GPU', 'unknown', 'nvidia.com/gpu'],
      ['nvidia/gpu', 'unknown', 'nvidia.com/gpu'],
      ['nvida.com/gpu', 'unknown', 'nvidia.com/gpu'],
      ['amd/gpu', 'unknown', 'amd.com/gpu'],
      ['nvidia.com/gpu-shared', 'unknown', 'nvidia.com/gpu.shared'],
      ['nvidia.com/mig-1g5gb', 'mig-form', 'nvidia.com/mig-1g.5gb'],
      ['nvidia.com/MIG-3g.40gb', 'mig-form', 'nvidia.com/mig-3g.40gb'],
      ['nvidia.com/mig-1g.5GB', 'mig-form', 'nvidia.com/mig-1g.5gb'],
    ];
    for (const [name, kind, suggestion] of cases) assert.deepEqual(gpuNameProblem(name), { kind, suggestion }, name);
  });

  it('lists the profiles with as many compute slices for a MIG profile no GPU offers', () => {
    const problem = gpuNameProblem('nvidia.com/mig-3g.30gb');
    assert.equal(problem?.kind, 'mig-profile');
    assert.deepEqual(problem?.kind === 'mig-profile' && problem.alternatives.map((alternative) => alternative.profile), [
      '3g.20gb',
      '3g.40gb',
      '3g.47gb',
      '3g.48gb',
      '3g.71gb',
      '3g.90gb',
    ]);
  });
});
