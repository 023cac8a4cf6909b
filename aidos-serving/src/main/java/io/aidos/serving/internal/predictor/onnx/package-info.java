/**
 * Serves outside {@code .onnx} files (registered flavor {@code onnx}) with ONNX Runtime.
 *
 * <p>{@link io.aidos.serving.internal.predictor.onnx.OnnxPredictors} finds the graph in the registered version's
 * folder and opens one {@code OrtSession} per loaded predictor over a shared {@code OrtEnvironment}.
 * {@link io.aidos.serving.internal.predictor.onnx.OnnxPredictor} takes rows keyed by graph input name, stacks them into
 * one {@code [rows, ...]} tensor per input ({@link io.aidos.serving.internal.predictor.onnx.TensorStack}), runs the
 * graph once, and reads the outputs back as predictions
 * ({@link io.aidos.serving.internal.predictor.onnx.PredictionReader}): a per-row vector of scores is a
 * classification, a single number a regression. {@link io.aidos.serving.internal.predictor.onnx.GraphSignature} says
 * which tensors those are, and gives the model's signature in Open Inference Protocol terms.
 *
 * <p>The graphs {@code aidos-training} exports next to its linear Tribuo models ({@code model/model.onnx}) take the
 * <em>encoded</em> features: each numeric column standardised with the training mean and deviation, one-hot slots for
 * text columns, in the order {@code model/onnx-signature.json} lists (Tribuo's feature ids, alphabetical, not the
 * dataset's column order). A classifier's scores come in Tribuo's output-id order, which that file also lists. A
 * regression graph answers in standardised target units ({@code (y - mean) / scale} of the training target, both in
 * {@code aidos-model.json}). Served on their own, these graphs neither see raw rows nor give raw values.
 */
package io.aidos.serving.internal.predictor.onnx;
