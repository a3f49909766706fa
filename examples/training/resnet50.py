"""ResNet-50 on ImageNet TFRecords with Keras, one GPU per worker of the TFJob (demo cluster: resnet50-tf).

A batch of 1024 images at 224x224 needs more memory than an A100's 80 GB holds for ResNet-50's
activations in float32: the first steps run, then TensorFlow's allocator gives up (OOM when
allocating tensor). Halve --batch-size, or train in mixed precision.
"""
import argparse
import os

import tensorflow as tf

AUTOTUNE = tf.data.AUTOTUNE


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=90)
    parser.add_argument("--data", default=os.environ.get("DATA_DIR", "s3://datasets/imagenet/processed"))
    return parser.parse_args()


def decode(record):
    features = tf.io.parse_single_example(record, {"image": tf.io.FixedLenFeature([], tf.string), "label": tf.io.FixedLenFeature([], tf.int64)})
    image = tf.image.resize(tf.io.decode_jpeg(features["image"], channels=3), (224, 224))
    return tf.keras.applications.resnet50.preprocess_input(image), features["label"]


def dataset(path, batch_size):
    files = tf.data.Dataset.list_files(f"{path}/train-*.tfrecord")
    records = files.interleave(tf.data.TFRecordDataset, num_parallel_calls=AUTOTUNE)
    return records.map(decode, num_parallel_calls=AUTOTUNE).shuffle(10_000).batch(batch_size).prefetch(AUTOTUNE)


args = parse_args()
train_ds = dataset(args.data, args.batch_size)
steps_per_epoch = 1_281_167 // args.batch_size
model = tf.keras.applications.ResNet50(weights=None, classes=1000)
model.compile(optimizer=tf.keras.optimizers.SGD(0.1, momentum=0.9), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
# Each step holds a whole batch of activations on the GPU: at 1024 images, more than it has.
model.fit(train_ds, epochs=args.epochs, steps_per_epoch=steps_per_epoch)
model.save("/checkpoints/resnet50.keras")
