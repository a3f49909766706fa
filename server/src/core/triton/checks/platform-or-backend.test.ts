// How auto-complete finds a model's backend when its config names none, as Triton does it: the
// default_model_filename, the model file in the first version folder, or a custom backend's name.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { repository, REPO } from '../../../../../test/harness/hosts';

const uri = `${REPO}/detector/config.pbtxt`;

describe('triton/platform-or-backend: the backend as auto-complete finds it', () => {
  it('finds the backend every way auto-complete does, and only in the first version folder', () => {
    const clean = (host: ReturnType<typeof repository>, uriOf = uri) =>
      checkFindings(
        fixture`
      max_batch_size: 8
    `,
        { uri: uriOf, host },
      );
    clean(repository({ 'detector/1/model.xml': '', 'detector/1/model.bin': '' }));
    clean(repository({ 'detector/1/model.pt2': '' }));
    clean(repository({ 'detector/1/model.savedmodel/saved_model.pb': '' }));
    // A custom backend: the model is named <name>.<backend> and its file model.<backend>.
    clean(repository({ 'model.identity/config.pbtxt': '', 'model.identity/1/model.identity': '' }), `${REPO}/model.identity/config.pbtxt`);
    checkFindings(
      fixture`
      name: "detector"
      #     ^^^^^^^^^^ error[triton/platform-or-backend]: must specify 'platform' or 'backend' for 'detector': no model file in its first version folder (1/) lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, openvino, …).
    `,
      { uri, host: repository({ 'detector/1/weights.bin': '', 'detector/2/model.onnx': '' }) },
    );
    // Folders in name order: 10/ comes before 9/.
    clean(repository({ 'detector/10/model.onnx': '', 'detector/9/weights.bin': '' }));
  });

  it('reads the backend from a known default_model_filename, and none from another', () => {
    checkFindings(
      fixture`
      default_model_filename: "model.plan"
    `,
      { uri, host: repository({ 'detector/1/model.plan': '' }) },
    );
    checkFindings(
      fixture`
      name: "detector"
      #     ^^^^^^^^^^ error[triton/platform-or-backend]: must specify 'platform' or 'backend' for 'detector': no model file in its first version folder (1/) lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, openvino, …).
      default_model_filename: "weights.bin"
    `,
      { uri, host: repository({ 'detector/1/weights.bin': '' }) },
    );
  });
});
