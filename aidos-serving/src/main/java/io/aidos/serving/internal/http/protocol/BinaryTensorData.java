package io.aidos.serving.internal.http.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The binary section of a request in Triton's binary tensor data extension: the bytes after the JSON header
 * ({@code Inference-Header-Content-Length} long), which inputs with {@code parameters.binary_data_size} take in the
 * order they are listed. Values are little-endian, row-major, in the datatype's native size; BOOL is one byte;
 * BYTES is a 4-byte length before each element. Decoded values become the same JSON values a {@code data} list holds,
 * so binary and JSON inputs are checked and bound alike.
 */
final class BinaryTensorData {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ByteBuffer bytes;

    private BinaryTensorData(ByteBuffer bytes) {
        this.bytes = bytes;
    }

    /** The section {@code body[from..]}; {@link #none()} when the request has no header length. */
    static BinaryTensorData of(byte[] body, int from) {
        return new BinaryTensorData(ByteBuffer.wrap(body, from, body.length - from).slice()
                .order(ByteOrder.LITTLE_ENDIAN));
    }

    static BinaryTensorData none() {
        return new BinaryTensorData(null);
    }

    /** The next {@code size} bytes as {@code count} values of {@code datatype}, for {@code field}. */
    JsonNode take(long size, OipDatatype datatype, long count, String field) {
        if (bytes == null) {
            throw InputErrors.of(field, "has parameters.binary_data_size but the request has no"
                    + " Inference-Header-Content-Length header to tell where its JSON ends");
        }
        if (size < 0 || size > bytes.remaining()) {
            throw InputErrors.of(field, "has binary_data_size " + size + " but only " + bytes.remaining()
                    + " bytes of binary data are left after the JSON");
        }
        int width = width(datatype);
        if (width > 0 && size != count * width) {
            throw InputErrors.of(field, "has binary_data_size " + size + " but " + count + " " + datatype
                    + " values take " + count * width + " bytes");
        }
        ByteBuffer data = bytes.slice().order(ByteOrder.LITTLE_ENDIAN).limit((int) size);
        bytes.position(bytes.position() + (int) size);
        ArrayNode values = NODES.arrayNode((int) Math.min(count, 1 << 16));
        if (datatype == OipDatatype.BYTES) {
            readStrings(data, values, field);
        } else {
            for (long i = 0; i < count; i++) {
                values.add(read(data, datatype));
            }
        }
        return values;
    }

    /** Bytes nobody took: an error, since they mean the inputs' sizes and the body disagree. */
    void checkAllTaken() {
        if (bytes != null && bytes.hasRemaining()) {
            throw InputErrors.of("request body", "has " + bytes.remaining() + " bytes of binary data after the JSON"
                    + " that no input's binary_data_size claims");
        }
    }

    /** Bytes per value; 0 for BYTES, whose elements carry their own lengths. */
    private static int width(OipDatatype t) {
        return switch (t) {
            case BOOL, UINT8, INT8 -> 1;
            case UINT16, INT16, FP16 -> 2;
            case UINT32, INT32, FP32 -> 4;
            case UINT64, INT64, FP64 -> 8;
            case BYTES -> 0;
        };
    }

    private static JsonNode read(ByteBuffer in, OipDatatype t) {
        return switch (t) {
            case BOOL -> NODES.booleanNode(in.get() != 0);
            case UINT8 -> NODES.numberNode(Byte.toUnsignedInt(in.get()));
            case INT8 -> NODES.numberNode((int) in.get());
            case UINT16 -> NODES.numberNode(Short.toUnsignedInt(in.getShort()));
            case INT16 -> NODES.numberNode((int) in.getShort());
            case FP16 -> NODES.numberNode(halfToFloat(in.getShort()));
            case UINT32 -> NODES.numberNode(Integer.toUnsignedLong(in.getInt()));
            case INT32 -> NODES.numberNode(in.getInt());
            case FP32 -> NODES.numberNode(in.getFloat());
            case INT64 -> NODES.numberNode(in.getLong());
            case UINT64 -> {
                long v = in.getLong();
                yield v >= 0 ? NODES.numberNode(v) : NODES.numberNode(new BigInteger(Long.toUnsignedString(v)));
            }
            case FP64 -> NODES.numberNode(in.getDouble());
            case BYTES -> throw new IllegalStateException("BYTES are read as strings");
        };
    }

    private static void readStrings(ByteBuffer in, ArrayNode into, String field) {
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (in.hasRemaining()) {
            if (in.remaining() < Integer.BYTES) {
                throw InputErrors.of(field, "has BYTES binary data that ends inside an element's 4-byte length");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining()) {
                throw InputErrors.of(field, "has a BYTES element of " + length + " bytes but only " + in.remaining()
                        + " are left in its binary data");
            }
            ByteBuffer element = in.slice().limit((int) length);
            in.position(in.position() + (int) length);
            try {
                into.add(utf8.decode(element).toString());
            } catch (CharacterCodingException e) {
                throw InputErrors.of(field, "has a BYTES element that is not UTF-8 text");
            }
        }
    }

    /** IEEE 754 half precision to float (Float.float16ToFloat arrived in Java 20). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // infinity or NaN
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign); // signed zero
            }
            float subnormal = mantissa / 1024f / 16384f; // 2^-14 * mantissa / 2^10
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
