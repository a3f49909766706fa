import * as assert from 'node:assert/strict';
import { cpuOnlyMarker, isCudaImage, parseImage } from './images';

describe('images', () => {
  it('splits a reference into registry, repository and tag', () => {
    assert.deepEqual(parseImage('nvcr.io/nvidia/pytorch:24.05-py3'), {
      registry: 'nvcr.io',
      repository: 'nvidia/pytorch',
      tag: '24.05-py3',
    });
    assert.deepEqual(parseImage('pytorch/pytorch'), { repository: 'pytorch/pytorch', tag: undefined });
    assert.deepEqual(parseImage('localhost:5000/train:v1'), { registry: 'localhost:5000', repository: 'train', tag: 'v1' });
    assert.deepEqual(parseImage('Busybox@sha256:0123abcd'), { repository: 'busybox', tag: undefined });
    assert.deepEqual(parseImage(''), { repository: '', tag: undefined });
  });

  it('knows CUDA images', () => {
    for (const image of [
      'nvcr.io/nvidia/pytorch:24.05-py3',
      'nvcr.io/nvidia/tritonserver:24.05-py3',
      'nvcr.io/nim/meta/llama3-8b-instruct:1.0.0',
      'nvidia/cuda:12.4.1-runtime-ubuntu22.04',
      'pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime',
      'tensorflow/tensorflow:2.15.0-gpu',
      'tensorflow/tensorflow:latest-gpu-jupyter',
      'rayproject/ray:2.9.0-py310-cu121',
      'rayproject/ray-ml:2.9.0-gpu',
      'vllm/vllm-openai:v0.5.0',
      'ghcr.io/huggingface/text-generation-inference:2.0',
      'registry.example.com/mirror/tritonserver:24.05-py3',
      'nvcr.io/nvidia/pytorch@sha256:0123abcd',
    ]) {
      assert.ok(isCudaImage(image), image);
    }
  });

  it('leaves CPU builds, other accelerators, node agents and plain images alone', () => {
    for (const image of [
      'busybox',
      'python:3.11-slim',
      'pytorch/pytorch:latest',
      'tensorflow/tensorflow:2.15.0',
      'rayproject/ray:2.9.0-cpu',
      'pytorch/torchserve:0.9.0-cpu',
      'rocm/pytorch:rocm6.0_ubuntu22.04_py3.10_pytorch_2.1.1',
      'ghcr.io/huggingface/text-generation-inference:2.0-rocm',
      'nvcr.io/nvidia/k8s-device-plugin:v0.15.0',
      'nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5-3.4.1-ubuntu22.04',
      'nvcr.io/nvidia/gpu-operator:v24.3.0',
      'nvcr.io/nvidia/driver:550.54.15-ubuntu22.04',
      'nvcr.io/nvidia/tritonserver:24.05-py3-sdk',
      '{{ .Values.image }}',
    ]) {
      assert.ok(!isCudaImage(image), image);
    }
  });

  it('finds the CPU-only marker in the tag or the name', () => {
    assert.equal(cpuOnlyMarker('pytorch/torchserve:0.9.0-cpu'), 'cpu');
    assert.equal(cpuOnlyMarker('rayproject/ray:cpu-py310'), 'cpu');
    assert.equal(cpuOnlyMarker('example/train:cpu'), 'cpu');
    assert.equal(cpuOnlyMarker('example/train:2.1.0+cpu'), 'cpu');
    assert.equal(cpuOnlyMarker('public.ecr.aws/q9t5s3a7/vllm-cpu-release-repo:v0.6.0'), 'cpu');
    assert.equal(cpuOnlyMarker('example/pytorch:2.1-cpuonly'), 'cpuonly');
    assert.equal(cpuOnlyMarker('nvcr.io/nvidia/pytorch:24.05-py3'), undefined);
    assert.equal(cpuOnlyMarker('example/cpus:latest'), undefined);
    // The registry host says nothing about the build.
    assert.equal(cpuOnlyMarker('cpu.example.com/train:v1'), undefined);
  });
});
