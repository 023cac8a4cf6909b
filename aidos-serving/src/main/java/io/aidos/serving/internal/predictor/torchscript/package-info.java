/**
 * Serves outside TorchScript files ({@code torch.jit.save} output, registered as {@code .pt} or {@code .torchscript})
 * through DJL's PyTorch engine, started offline with its native cache in the store's cache folder. TorchScript keeps
 * no input metadata, so the signature is one FP32 input {@code input0} and one output {@code output0} unless a
 * {@code signature.json} beside the file declares them.
 */
package io.aidos.serving.internal.predictor.torchscript;
