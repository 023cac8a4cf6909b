package io.aidos.serving.internal.predictor.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Small ONNX graphs written as protobuf (with the ONNX classes Tribuo ships), for shapes the exported Tribuo graphs
 * do not have: a fixed batch size, several inputs, a separate label output.
 */
final class TinyGraphs {
    static final int FLOAT = OnnxMl.TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = OnnxMl.TensorProto.DataType.INT64_VALUE;
    static final int STRING = OnnxMl.TensorProto.DataType.STRING_VALUE;
    static final String ML = "ai.onnx.ml";

    private TinyGraphs() {
    }

    /** A tensor of element type {@code type}; a Long dimension is fixed, a String one symbolic. */
    static OnnxMl.ValueInfoProto tensor(String name, int type, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            shape.addDim(d instanceof Number n ? dim.setDimValue(n.longValue()) : dim.setDimParam(d.toString()));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }

    static OnnxMl.NodeProto node(String op, List<String> inputs, String output, OnnxMl.AttributeProto... attributes) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output + "-node").addAllInput(inputs)
                .addOutput(output).addAllAttribute(List.of(attributes)).build();
    }

    /** A sequence of maps from {@code keyType} (INT64 or STRING) to float, as scikit-learn's ZipMap answers. */
    static OnnxMl.ValueInfoProto classMaps(String name, int keyType) {
        OnnxMl.TypeProto floats = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(FLOAT)).build();
        OnnxMl.TypeProto map = OnnxMl.TypeProto.newBuilder().setMapType(OnnxMl.TypeProto.Map.newBuilder()
                .setKeyType(keyType).setValueType(floats)).build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setSequenceType(OnnxMl.TypeProto.Sequence.newBuilder().setElemType(map))).build();
    }

    /** A {@code Constant} node answering the one-value INT64 tensor {@code value}. */
    static OnnxMl.NodeProto int64Constant(String output, long value) {
        OnnxMl.TensorProto tensor = OnnxMl.TensorProto.newBuilder().setDataType(INT64).addDims(1).addInt64Data(value)
                .build();
        return OnnxMl.NodeProto.newBuilder().setOpType("Constant").setName(output + "-node").addOutput(output)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("value")
                        .setType(OnnxMl.AttributeProto.AttributeType.TENSOR).setT(tensor)).build();
    }

    /** A node of the {@code ai.onnx.ml} domain (the classic-ML operators scikit-learn exports use). */
    static OnnxMl.NodeProto mlNode(String op, List<String> inputs, List<String> outputs,
                                   OnnxMl.AttributeProto... attributes) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).setDomain(ML).setName(op + "-node").addAllInput(inputs)
                .addAllOutput(outputs).addAllAttribute(List.of(attributes)).build();
    }

    static OnnxMl.AttributeProto floatsAttribute(String name, float... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.FLOATS);
        for (float v : values) {
            a.addFloats(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto intsAttribute(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto stringsAttribute(String name, List<String> values) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRINGS)
                .addAllStrings(values.stream().map(ByteString::copyFromUtf8).toList()).build();
    }

    static OnnxMl.AttributeProto stringAttribute(String name, String value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static OnnxMl.AttributeProto intAttribute(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    /** The serialised model of a graph of {@code nodes}, at opset 13 (and {@code ai.onnx.ml} 1). */
    static byte[] model(List<OnnxMl.NodeProto> nodes, List<OnnxMl.ValueInfoProto> inputs,
                        List<OnnxMl.ValueInfoProto> outputs) {
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("tiny").addAllNode(nodes)
                .addAllInput(inputs).addAllOutput(outputs).build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("aidos-test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(ML).setVersion(1))
                .setGraph(graph).build().toByteArray();
    }

    /** Loads {@code model} through the provider, as version 1 of {@code name}, from its own folder under {@code temp}. */
    static Predictor load(byte[] model, String name, Path temp) {
        try {
            Path folder = Files.createDirectories(temp.resolve(name));
            Files.write(folder.resolve(name + ".onnx"), model);
            ModelVersion version = new ModelVersion(name, 1, "0".repeat(32), name + ".onnx", Instant.now());
            return new OnnxPredictors().load("onnx", folder, temp, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
