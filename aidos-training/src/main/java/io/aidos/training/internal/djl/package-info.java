/**
 * Deep learning through DJL on PyTorch: the {@code mlp} (tabular classification and regression) and {@code cnn}
 * (image classification from pixel columns) algorithms, their epoch loop with exact checkpoint/resume, and the
 * {@code djl} model format. PyTorch's natives come from the Maven jar and are unpacked into the AI-DOS cache folder;
 * DJL runs offline and never downloads anything.
 */
package io.aidos.training.internal.djl;
