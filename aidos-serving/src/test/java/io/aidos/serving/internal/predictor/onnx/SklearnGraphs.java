package io.aidos.serving.internal.predictor.onnx;

import ai.onnx.proto.OnnxMl;

import java.util.ArrayList;
import java.util.List;

import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.FLOAT;
import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.INT64;
import static io.aidos.serving.internal.predictor.onnx.TinyGraphs.STRING;

/**
 * Graphs shaped like skl2onnx's export of a scikit-learn {@code LogisticRegression}: input {@code float_input} [N, F],
 * a {@code LinearClassifier} (softmax) answering {@code output_label} and a probability tensor, and by default
 * (skl2onnx's {@code zipmap=True}) a {@code ZipMap} turning that tensor into {@code output_probability}, one
 * class-to-probability map per row.
 */
public final class SklearnGraphs {
    private SklearnGraphs() {
    }

    /** How the probabilities come out. */
    public enum Probabilities {
        /** One map per row, next to {@code output_label} (skl2onnx's default). */
        ZIPMAP,
        /** Only the maps, no label output. */
        ZIPMAP_ONLY,
        /** A tensor {@code probabilities} [N, K] next to {@code output_label} (skl2onnx's {@code zipmap=False}). */
        TENSOR,
        /** No probabilities: {@code output_label} alone. */
        NONE
    }

    /**
     * A pipeline over a number column {@code rooms} and a string column {@code city} (each [N, 1]), as skl2onnx
     * exports a {@code ColumnTransformer} before a {@code LinearRegression}: the city is mapped to a code ({@code
     * CategoryMapper}: Lyon 1, Paris 2, any other -1) and {@code variable} = 10 rooms + 100 code + 1.
     */
    public static byte[] housePricePipeline() {
        List<OnnxMl.NodeProto> nodes = List.of(
                TinyGraphs.mlNode("CategoryMapper", List.of("city"), List.of("city_code"),
                        TinyGraphs.stringsAttribute("cats_strings", List.of("Lyon", "Paris")),
                        TinyGraphs.intsAttribute("cats_int64s", 1, 2), TinyGraphs.intAttribute("default_int64", -1)),
                TinyGraphs.node("Cast", List.of("city_code"), "city_number", TinyGraphs.intAttribute("to", FLOAT)),
                TinyGraphs.node("Concat", List.of("rooms", "city_number"), "features",
                        TinyGraphs.intAttribute("axis", 1)),
                TinyGraphs.mlNode("LinearRegressor", List.of("features"), List.of("variable"),
                        TinyGraphs.floatsAttribute("coefficients", 10, 100),
                        TinyGraphs.floatsAttribute("intercepts", 1), TinyGraphs.intAttribute("targets", 1)));
        return TinyGraphs.model(nodes, List.of(TinyGraphs.tensor("rooms", FLOAT, "N", 1L),
                TinyGraphs.tensor("city", STRING, "N", 1L)), List.of(TinyGraphs.tensor("variable", FLOAT, "N", 1L)));
    }

    /**
     * Scores {@code x · w[c] + b[c]} for class {@code classes[c]}, softmaxed. {@code classes} are all Longs or all
     * Strings, in the order of {@code w}'s rows.
     */
    public static byte[] logisticRegression(float[][] w, float[] b, List<?> classes, Probabilities probabilities) {
        int features = w[0].length;
        float[] coefficients = new float[w.length * features];
        for (int c = 0; c < w.length; c++) {
            System.arraycopy(w[c], 0, coefficients, c * features, features);
        }
        boolean strings = classes.get(0) instanceof String;
        List<String> names = classes.stream().map(String::valueOf).toList();
        long[] ids = strings ? new long[0] : classes.stream().mapToLong(c -> (Long) c).toArray();
        String probabilityTensor = probabilities == Probabilities.TENSOR ? "probabilities" : "probability_tensor";
        List<OnnxMl.NodeProto> nodes = new ArrayList<>();
        nodes.add(TinyGraphs.mlNode("LinearClassifier", List.of("float_input"), List.of("output_label",
                        probabilityTensor), TinyGraphs.floatsAttribute("coefficients", coefficients),
                TinyGraphs.floatsAttribute("intercepts", b), TinyGraphs.intAttribute("multi_class", 1),
                TinyGraphs.stringAttribute("post_transform", "SOFTMAX"), strings
                        ? TinyGraphs.stringsAttribute("classlabels_strings", names)
                        : TinyGraphs.intsAttribute("classlabels_ints", ids)));
        List<OnnxMl.ValueInfoProto> outputs = new ArrayList<>();
        if (probabilities != Probabilities.ZIPMAP_ONLY) {
            outputs.add(TinyGraphs.tensor("output_label", strings ? STRING : INT64, "N"));
        }
        if (probabilities == Probabilities.TENSOR) {
            outputs.add(TinyGraphs.tensor("probabilities", FLOAT, "N", (long) w.length));
        } else if (probabilities != Probabilities.NONE) {
            nodes.add(TinyGraphs.mlNode("ZipMap", List.of(probabilityTensor), List.of("output_probability"), strings
                    ? TinyGraphs.stringsAttribute("classlabels_strings", names)
                    : TinyGraphs.intsAttribute("classlabels_int64s", ids)));
            outputs.add(TinyGraphs.classMaps("output_probability", strings ? STRING : INT64));
        }
        return TinyGraphs.model(nodes, List.of(TinyGraphs.tensor("float_input", FLOAT, "N", (long) features)),
                outputs);
    }
}
