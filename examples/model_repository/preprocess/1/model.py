"""Triton Python backend model: decodes JPEG bytes into normalised FP16 pixels for resnet50_trt."""
import io

import numpy as np
import triton_python_backend_utils as pb_utils
from PIL import Image

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32).reshape(3, 1, 1)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32).reshape(3, 1, 1)


class TritonPythonModel:
    def execute(self, requests):
        responses = []
        for request in requests:
            images = pb_utils.get_input_tensor_by_name(request, "image_bytes").as_numpy()
            batch = np.stack([self.pixels(row[0]) for row in images])
            output = pb_utils.Tensor("pixels", batch.astype(np.float16))
            responses.append(pb_utils.InferenceResponse(output_tensors=[output]))
        return responses

    @staticmethod
    def pixels(data):
        image = Image.open(io.BytesIO(data)).convert("RGB").resize((224, 224))
        array = np.asarray(image, dtype=np.float32).transpose(2, 0, 1) / 255.0
        return (array - MEAN) / STD
