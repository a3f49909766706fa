import { checkFindings } from '../../../../../test/harness/check';
import { claimTemplate, deviceClass } from '../../../../../test/harness/dra';
import { fixture } from '../../../../../test/harness/fixture';
import { testHost } from '../../../../../test/harness/hosts';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'dra/device-class';

const unknown = (name: string, near?: string) =>
  `Device class ${name} is defined by no DeviceClass in this file or its folder, and is not one the NVIDIA GPU driver ` +
  `installs: the claim cannot be allocated, and its pods stay Pending.${near ? ` Did you mean ${near}?` : ''}`;

const H100 = "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].productName == 'NVIDIA H100 80GB HBM3'";

describe(ID, () => {
  it("reports a class of a ResourceClaim's request (v1beta1) and of an alternative, with the nearest class", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: resource.k8s.io/v1
      kind: DeviceClass
      metadata:
        name: h100.example.com
      spec:
        selectors:
          - cel:
              expression: "device.driver == 'gpu.nvidia.com'"
      ---
      apiVersion: resource.k8s.io/v1beta1
      kind: ResourceClaim
      metadata:
        name: shared-gpu
      spec:
        devices:
          requests:
            - name: gpu
              deviceClassName: h100.exemple.com
      #                        ^^^^^^^^^^^^^^^^ warning[dra/device-class]: ${unknown('h100.exemple.com', 'h100.example.com')}
            - name: fallback
              firstAvailable:
                - name: mig
                  deviceClassName: mig.nvidia.com
                - name: other
                  deviceClassName: tpu.google.com
      #                            ^^^^^^^^^^^^^^ warning[dra/device-class]: ${unknown('tpu.google.com')}
    `,
    );
  });

  it("knows the NVIDIA driver's classes and the DeviceClasses of the folder, and says nothing when the folder cannot be read", () => {
    for (const name of ['gpu.nvidia.com', 'mig.nvidia.com', 'vfio.gpu.nvidia.com', 'compute-domain-default-channel.nvidia.com'])
      checkRule(ID, claimTemplate('one', name));
    const host = testHost({ 'file:///w/cluster/classes.yaml': deviceClass('h100.gpu.nvidia.com', H100) });
    checkFindings(claimTemplate('eight', 'h100.gpu.nvidia.com', 8), { uri: 'file:///w/cluster/claims.yaml', host, only: ID });
    checkFindings(claimTemplate('eight', 'h100.gpu.nvidia.com', 8), { uri: 'file:///elsewhere/claims.yaml', host, only: ID });
    // Pods name no class: they are another rule's (dra/missing-claim).
    checkRule(ID, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n');
  });

  it('changes the class to the nearest known one', () => {
    checkRuleFix(ID, claimTemplate('one', '$0gpu-nvidia-com'), 'Change to gpu.nvidia.com', claimTemplate('one', 'gpu.nvidia.com'));
  });
});
