/**
 * Request and response bodies of the two inference protocols the serving endpoints speak, as bytes in and bytes out
 * (no HTTP here): the Open Inference Protocol v2 of KServe, Triton and MLServer ({@link
 * io.aidos.serving.internal.http.protocol.OipCodec}) and MLflow's scoring server ({@link
 * io.aidos.serving.internal.http.protocol.MlflowCodec}).
 *
 * <p>Requests become the rows a predictor takes (see {@link io.aidos.serving.internal.signature.ModelSignature} for
 * the row forms of tabular and tensor models), checked against the model's signature; every rejection is an {@link
 * io.aidos.api.InvalidInputException} naming the input, column or field at fault. Responses are written with Jackson's
 * streaming generator straight to bytes, since they are on the serving hot path.
 */
package io.aidos.serving.internal.http.protocol;
