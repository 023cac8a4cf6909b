package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import io.aidos.api.ColumnType;

import java.util.Optional;
import java.util.Set;

/** ONNX tensor element types in Open Inference Protocol and AI-DOS terms. */
final class ElementTypes {
    /** The element types an input may have: those a row's values are converted to. */
    static final Set<OnnxJavaType> FEEDABLE = Set.of(OnnxJavaType.FLOAT, OnnxJavaType.DOUBLE, OnnxJavaType.INT64,
            OnnxJavaType.INT32, OnnxJavaType.BOOL, OnnxJavaType.STRING);

    private ElementTypes() {
    }

    /** The OIP datatype of {@code type}, or empty for types the protocol has no name for (FP8, complex numbers). */
    static Optional<String> datatype(TensorInfo.OnnxTensorType type) {
        String name = switch (type) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> "FP32";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> "FP64";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> "FP16";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> "BF16";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> "INT64";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> "INT32";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> "INT16";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> "INT8";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64 -> "UINT64";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32 -> "UINT32";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16 -> "UINT16";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> "UINT8";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> "BOOL";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> "BYTES";
            default -> null;
        };
        return Optional.ofNullable(name);
    }

    /** How {@link io.aidos.api.Predictor#inputs()} reports an input of {@code type}. */
    static ColumnType columnType(OnnxJavaType type) {
        return switch (type) {
            case STRING -> ColumnType.STRING;
            case BOOL -> ColumnType.BOOLEAN;
            default -> ColumnType.DOUBLE;
        };
    }

    /** The bytes one element of a feedable or numeric {@code type} takes in a tensor's buffer; 0 for strings. */
    static int bytes(OnnxJavaType type) {
        return switch (type) {
            case DOUBLE, INT64 -> 8;
            case FLOAT, INT32 -> 4;
            case BOOL -> 1;
            default -> 0;
        };
    }

    /** The element type of an OIP {@code datatype} that a pinned output can hold, or null. */
    static OnnxJavaType numeric(String datatype) {
        return switch (datatype) {
            case "FP32" -> OnnxJavaType.FLOAT;
            case "FP64" -> OnnxJavaType.DOUBLE;
            case "INT64" -> OnnxJavaType.INT64;
            case "INT32" -> OnnxJavaType.INT32;
            default -> null;
        };
    }

    /** Whether an output of {@code type} can be read as numbers (scores, a regression value). */
    static boolean floating(OnnxJavaType type) {
        return type == OnnxJavaType.FLOAT || type == OnnxJavaType.DOUBLE;
    }

    /** Whether an output of {@code type} can be read as a class label. */
    static boolean labelLike(OnnxJavaType type) {
        return type == OnnxJavaType.INT64 || type == OnnxJavaType.INT32 || type == OnnxJavaType.STRING;
    }
}
