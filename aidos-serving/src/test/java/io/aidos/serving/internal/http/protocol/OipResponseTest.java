package io.aidos.serving.internal.http.protocol;

import static io.aidos.serving.internal.http.protocol.Signatures.IMAGE;
import static io.aidos.serving.internal.http.protocol.Signatures.IRIS;
import static io.aidos.serving.internal.http.protocol.Signatures.TOKENS;
import static io.aidos.serving.internal.http.protocol.Signatures.bytes;
import static io.aidos.serving.internal.http.protocol.Signatures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** OIP inference responses: the outputs each kind of model answers, requested outputs, and a full round trip. */
class OipResponseTest {
    private static final List<Prediction> CLASSES = List.of(
            Prediction.ofLabel("setosa", Map.of("setosa", 0.9, "versicolor", 0.08, "virginica", 0.02)),
            Prediction.ofLabel("virginica", Map.of("virginica", 0.7, "versicolor", 0.3)));

    @Test
    void tabularClassificationAnswersLabelsAndScoresInSortedLabelOrder() {
        JsonNode response = tree(OipCodec.inferResponse("iris", "3", "r-1", CLASSES, IRIS, Set.of()));

        assertThat(response.get("model_name").asText()).isEqualTo("iris");
        assertThat(response.get("model_version").asText()).isEqualTo("3");
        assertThat(response.get("id").asText()).isEqualTo("r-1");
        assertThat(response.get("outputs")).hasSize(2);
        assertThat(output(response, "label").toString()).isEqualTo(
                "{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[2],\"data\":[\"setosa\",\"virginica\"]}");
        assertThat(output(response, "scores").toString()).isEqualTo("{\"name\":\"scores\",\"datatype\":\"FP64\","
                + "\"shape\":[2,3],\"parameters\":{\"labels\":[\"setosa\",\"versicolor\",\"virginica\"]},"
                + "\"data\":[0.9,0.08,0.02,null,0.3,0.7]}");
    }

    @Test
    void regressionAnswersValuesWithNanAsNull() {
        List<Prediction> values = List.of(Prediction.ofValue(3.25), Prediction.ofValue(Double.NaN),
                Prediction.ofValue(Double.POSITIVE_INFINITY));

        JsonNode response = tree(OipCodec.inferResponse("houses", null, null, values,
                Signatures.tabular(Task.REGRESSION), Set.of()));

        assertThat(response.has("model_version")).isFalse();
        assertThat(response.has("id")).isFalse();
        assertThat(response.get("outputs").toString()).isEqualTo(
                "[{\"name\":\"value\",\"datatype\":\"FP64\",\"shape\":[3],\"data\":[3.25,null,null]}]");
    }

    @Test
    void clusteringAndAnomalyDetectionAnswerLabelsAndValues() {
        List<Prediction> anomalies = List.of(new Prediction("ANOMALOUS", Map.of(), 0.93),
                new Prediction("EXPECTED", Map.of(), 0.12));
        List<Prediction> clusters = List.of(Prediction.ofLabel("2", Map.of()));

        JsonNode anomaly = tree(OipCodec.inferResponse("a", "1", null, anomalies,
                Signatures.tabular(Task.ANOMALY_DETECTION), Set.of()));
        JsonNode cluster = tree(OipCodec.inferResponse("c", "1", null, clusters,
                Signatures.tabular(Task.CLUSTERING), Set.of()));

        assertThat(output(anomaly, "label").get("data").toString()).isEqualTo("[\"ANOMALOUS\",\"EXPECTED\"]");
        assertThat(output(anomaly, "value").get("data").toString()).isEqualTo("[0.93,0.12]");
        assertThat(output(cluster, "label").get("data").toString()).isEqualTo("[\"2\"]");
        assertThat(output(cluster, "value").get("data").toString()).isEqualTo("[null]");
    }

    @Test
    void onlyTheRequestedOutputsAreAnswered() {
        JsonNode labelsOnly = tree(OipCodec.inferResponse("iris", "3", null, CLASSES, IRIS, Set.of("label")));
        JsonNode scoresOnly = tree(OipCodec.inferResponse("iris", "3", null, CLASSES, IRIS, Set.of("scores")));

        assertThat(labelsOnly.get("outputs")).hasSize(1);
        assertThat(labelsOnly.get("outputs").get(0).get("name").asText()).isEqualTo("label");
        assertThat(scoresOnly.get("outputs")).hasSize(1);
        assertThat(scoresOnly.get("outputs").get(0).get("name").asText()).isEqualTo("scores");
        assertThatThrownBy(() -> OipCodec.inferResponse("iris", "3", null, CLASSES, IRIS, Set.of("value")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("output 'value' is not one this model answers; it answers label, scores");
    }

    @Test
    void classifiersWithoutScoresAnswerScoresOnlyWhenAsked() {
        List<Prediction> bare = List.of(Prediction.ofLabel("setosa", Map.of()));

        JsonNode all = tree(OipCodec.inferResponse("iris", "3", null, bare, IRIS, Set.of()));
        JsonNode asked = tree(OipCodec.inferResponse("iris", "3", null, bare, IRIS, Set.of("scores")));

        assertThat(all.get("outputs")).hasSize(1);
        assertThat(output(asked, "scores").get("shape").toString()).isEqualTo("[1,0]");
    }

    @Test
    void tensorClassifiersAnswerScoresInClassIndexOrderAndLabels() {
        Map<String, Double> scores = Map.of("0", 0.1, "1", 0.2, "2", 0.05, "10", 0.6, "9", 0.05);
        List<Prediction> predictions = List.of(Prediction.ofLabel("10", scores));

        JsonNode response = tree(OipCodec.inferResponse("resnet", "1", null, predictions, IMAGE, Set.of()));

        assertThat(output(response, "label").get("data").toString()).isEqualTo("[\"10\"]");
        JsonNode out = output(response, "scores");
        assertThat(out.get("shape").toString()).isEqualTo("[1,5]");
        assertThat(out.get("parameters").get("labels").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"9\",\"10\"]");
        assertThat(out.get("data").toString()).isEqualTo("[0.1,0.2,0.05,0.05,0.6]");
    }

    @Test
    void tensorModelsAnswerValuesUnderTheirFirstOutputsName() {
        List<Prediction> values = List.of(Prediction.ofValue(0.75), Prediction.ofValue(-1.5));
        ModelSignature unnamed = new ModelSignature(TOKENS.inputs(), List.of(), false, Task.REGRESSION);

        JsonNode named = tree(OipCodec.inferResponse("bert", "1", null, values, TOKENS, Set.of()));
        JsonNode plain = tree(OipCodec.inferResponse("bert", "1", null, values, unnamed, Set.of()));

        assertThat(named.get("outputs").toString()).isEqualTo(
                "[{\"name\":\"score\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[0.75,-1.5]}]");
        assertThat(output(plain, "value").get("data").toString()).isEqualTo("[0.75,-1.5]");
        assertThatThrownBy(() -> OipCodec.inferResponse("bert", "1", null, values, TOKENS, Set.of("scores")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("output 'scores' is not one this model answers; it answers score");
    }

    @Test
    void aRequestRoundTripsThroughPredictionsIntoAResponse() {
        String request = """
                {"id": "batch-42", "outputs": [{"name": "label"}, {"name": "scores"}],
                 "inputs": [{"name": "input-0", "shape": [3, 4], "datatype": "FP32",
                   "data": [[5.1, 3.5, 1.4, 0.2], [6.3, 2.9, 5.6, 1.8], [5.8, 2.7, 4.1, 1.0]]}]}""";

        InferRequest parsed = OipCodec.parseInfer(bytes(request), IRIS);
        List<Prediction> predictions = new ArrayList<>();
        for (Map<String, Object> row : parsed.rows()) {
            double petal = (Double) row.get("petal_length");
            double p = petal < 2.5 ? 0.9 : 0.2;
            predictions.add(Prediction.ofLabel(petal < 2.5 ? "setosa" : "other", Map.of("setosa", p, "other", 1 - p)));
        }
        JsonNode response = tree(OipCodec.inferResponse("iris", "7", parsed.id(), predictions, IRIS,
                parsed.requestedOutputs()));

        assertThat(response.get("model_name").asText()).isEqualTo("iris");
        assertThat(response.get("model_version").asText()).isEqualTo("7");
        assertThat(response.get("id").asText()).isEqualTo("batch-42");
        assertThat(response.get("outputs")).hasSize(2);
        JsonNode label = output(response, "label");
        assertThat(label.get("datatype").asText()).isEqualTo("BYTES");
        assertThat(label.get("shape").toString()).isEqualTo("[3]");
        assertThat(label.get("data").toString()).isEqualTo("[\"setosa\",\"other\",\"other\"]");
        JsonNode scores = output(response, "scores");
        assertThat(scores.get("datatype").asText()).isEqualTo("FP64");
        assertThat(scores.get("shape").toString()).isEqualTo("[3,2]");
        assertThat(scores.get("parameters").get("labels").toString()).isEqualTo("[\"other\",\"setosa\"]");
        List<Double> data = new ArrayList<>();
        scores.get("data").forEach(v -> data.add(v.doubleValue()));
        assertThat(data).containsExactly(1 - 0.9, 0.9, 0.8, 0.2, 0.8, 0.2);
    }

    @Test
    void modelMetadataListsTheInputsAndTheOutputsAnAnswerHolds() {
        JsonNode meta = tree(OipCodec.modelMetadata("resnet", List.of("1", "2"), "onnxruntime_onnx", IMAGE));

        // A tensor classifier answers label and scores, whatever its graph calls its outputs (here logits, 3 a row).
        assertThat(meta.toString()).isEqualTo("{\"name\":\"resnet\",\"versions\":[\"1\",\"2\"],"
                + "\"platform\":\"onnxruntime_onnx\","
                + "\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\",\"shape\":[-1,2,3]}],"
                + "\"outputs\":[{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
                + "{\"name\":\"scores\",\"datatype\":\"FP64\",\"shape\":[-1,3]}]}");
        ModelSignature unknownWidth = new ModelSignature(IMAGE.inputs(), List.of(TensorSpec.of("logits", "FP32", -1,
                -1)), false, Task.CLASSIFICATION);
        assertThat(tree(OipCodec.modelMetadata("any", null, null, unknownWidth)).get("outputs").get(1).get("shape")
                .toString()).isEqualTo("[-1,-1]");
        assertThat(tree(OipCodec.modelMetadata("tokens", null, null, TOKENS)).get("outputs").toString())
                .isEqualTo("[{\"name\":\"score\",\"datatype\":\"FP64\",\"shape\":[-1]}]");
        JsonNode iris = tree(OipCodec.modelMetadata("iris", List.of("3"), "aidos", IRIS));
        assertThat(iris.get("inputs")).hasSize(4);
        assertThat(iris.get("outputs").findValuesAsText("name")).containsExactly("label", "scores");
    }

    @Test
    void serverMetadataAndErrorsHaveTheSpecsFields() {
        assertThat(tree(OipCodec.serverMetadata("aidos", "0.1.0")).toString())
                .isEqualTo("{\"name\":\"aidos\",\"version\":\"0.1.0\",\"extensions\":[\"binary_tensor_data\"]}");
        assertThat(tree(OipCodec.error("input 'x' is \"odd\"\n")).get("error").asText())
                .isEqualTo("input 'x' is \"odd\"\n");
    }

    private static JsonNode output(JsonNode response, String name) {
        for (JsonNode o : response.get("outputs")) {
            if (o.get("name").asText().equals(name)) {
                return o;
            }
        }
        throw new AssertionError("no output " + name + " in " + response);
    }
}
