package io.aidos.serving.internal.http.protocol;

/**
 * An inference response body: JSON, followed by the binary data of the outputs answered as binary (Triton's binary
 * tensor data extension), if any.
 *
 * @param body       the bytes to send
 * @param jsonLength how many of them are JSON, for the {@value OipCodec#BINARY_HEADER} header; -1 when all are
 */
public record OipAnswer(byte[] body, int jsonLength) {

    public boolean hasBinary() {
        return jsonLength >= 0;
    }
}
