"""Triton Python backend model: turns resnet50_trt's logits into the label of the top class."""
import json

import numpy as np
import triton_python_backend_utils as pb_utils


class TritonPythonModel:
    def initialize(self, args):
        config = json.loads(args["model_config"])
        self.labels = config.get("parameters", {}).get("labels", {}).get("string_value", "").split(",")

    def execute(self, requests):
        responses = []
        for request in requests:
            logits = pb_utils.get_input_tensor_by_name(request, "logits").as_numpy()
            top = logits.argmax(axis=1)
            labels = np.array([[self.label(i).encode()] for i in top], dtype=np.object_)
            responses.append(pb_utils.InferenceResponse(output_tensors=[pb_utils.Tensor("label", labels)]))
        return responses

    def label(self, index):
        return self.labels[index] if index < len(self.labels) else str(index)
