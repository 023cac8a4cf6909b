package io.aidos.serving.internal.signature;

import io.aidos.api.Predictor;

/** A predictor over a tensor model (ONNX, TorchScript) that knows its input and output tensors. */
public interface SignedPredictor extends Predictor {

    ModelSignature signature();
}
