package io.aidos.serving.internal.http.protocol;

import static io.aidos.serving.internal.http.protocol.Signatures.HOUSES;
import static io.aidos.serving.internal.http.protocol.Signatures.IMAGE;
import static io.aidos.serving.internal.http.protocol.Signatures.IRIS;
import static io.aidos.serving.internal.http.protocol.Signatures.TOKENS;
import static io.aidos.serving.internal.http.protocol.Signatures.bytes;
import static io.aidos.serving.internal.http.protocol.Signatures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowTensor;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MLflow scoring-server JSON requests in its four formats, and its responses. */
class MlflowCodecTest {
    private static final List<Map<String, Object>> TWO_IRISES = List.of(
            Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2),
            Map.of("sepal_length", 6.3, "sepal_width", 2.9, "petal_length", 5.6, "petal_width", 1.8));

    @Test
    void dataframeSplitMapsNamedColumnsInAnyOrderAndIgnoresTheIndex() {
        String body = """
                {"dataframe_split": {"index": [10, 11],
                  "columns": ["petal_width", "sepal_length", "sepal_width", "petal_length"],
                  "data": [[0.2, 5.1, 3.5, 1.4], [1.8, 6.3, 2.9, 5.6]]}, "params": {"k": 1}}""";

        assertThat(MlflowCodec.parseJson(bytes(body), IRIS)).isEqualTo(TWO_IRISES);
    }

    @Test
    void rowsWithoutNamesAreFeaturesInSignatureOrder() {
        String split = "{\"dataframe_split\": {\"data\": [[5.1, 3.5, 1.4, 0.2], [6.3, 2.9, 5.6, 1.8]]}}";
        String inputs = "{\"inputs\": [[5.1, 3.5, 1.4, 0.2], [6.3, 2.9, 5.6, 1.8]]}";

        assertThat(MlflowCodec.parseJson(bytes(split), IRIS)).isEqualTo(TWO_IRISES);
        assertThat(MlflowCodec.parseJson(bytes(inputs), IRIS)).isEqualTo(TWO_IRISES);
        assertRejected("{\"instances\": [[5.1, 3.5, 1.4]]}", IRIS, "instances[0] has 3 values but the model takes"
                + " 4 columns (sepal_length, sepal_width, petal_length, petal_width)");
    }

    @Test
    void recordsMayLeaveOutAColumnInSomeRowsAsAMissingValue() {
        String body = """
                {"dataframe_records": [
                  {"rooms": 3, "city": "Lyon", "garden": true, "built": 1999},
                  {"rooms": 4.5, "city": null, "built": 2010}]}""";

        List<Map<String, Object>> rows = MlflowCodec.parseJson(bytes(body), HOUSES);

        assertThat(rows.get(0)).isEqualTo(Map.of("rooms", 3.0, "city", "Lyon", "garden", true, "built", 1999L));
        Map<String, Object> second = new HashMap<>();
        second.put("rooms", 4.5);
        second.put("city", null);
        second.put("garden", null);
        second.put("built", 2010L);
        assertThat(rows.get(1)).isEqualTo(second);
    }

    @Test
    void instancesAndInputsTakeRecordsAndInputsAlsoTakesColumns() {
        String records = """
                [{"sepal_length": 5.1, "sepal_width": 3.5, "petal_length": 1.4, "petal_width": 0.2},
                 {"sepal_length": 6.3, "sepal_width": 2.9, "petal_length": 5.6, "petal_width": 1.8}]""";
        String columns = """
                {"inputs": {"sepal_length": [5.1, 6.3], "sepal_width": [3.5, 2.9], "petal_length": [1.4, 5.6],
                            "petal_width": [0.2, 1.8]}}""";

        assertThat(MlflowCodec.parseJson(bytes("{\"instances\": " + records + "}"), IRIS)).isEqualTo(TWO_IRISES);
        assertThat(MlflowCodec.parseJson(bytes("{\"inputs\": " + records + "}"), IRIS)).isEqualTo(TWO_IRISES);
        assertThat(MlflowCodec.parseJson(bytes(columns), IRIS)).isEqualTo(TWO_IRISES);
        assertRejected(columns.replace("[0.2, 1.8]", "[0.2]"), IRIS,
                "inputs 'petal_width' has 1 values but 'sepal_length' has 2");
        assertRejected("{\"instances\": {\"sepal_length\": [1]}}", IRIS, "instances must be a list but was an object");
        assertThat(MlflowCodec.parseJson(bytes("{\"dataframe_records\": []}"), IRIS)).isEmpty();
        assertThat(MlflowCodec.parseJson(bytes("{\"instances\": []}"), IRIS)).isEmpty();
    }

    @Test
    void exactlyOneFormatKeyIsAllowed() {
        assertRejected("{\"data\": [[1, 2, 3, 4]], \"params\": {}}", IRIS, "request body must contain exactly one of"
                + " dataframe_split, dataframe_records, instances, inputs but has keys 'data', 'params'");
        assertRejected("{\"instances\": [], \"inputs\": []}", IRIS, "but has keys 'instances', 'inputs'");
        assertRejected("{}", IRIS, "but has no keys");
        assertRejected("[[1, 2, 3, 4]]", IRIS, "request body must be a JSON object with exactly one of"
                + " dataframe_split, dataframe_records, instances, inputs but was a list");
        assertRejected("{\"inputs\": [1, 2", IRIS, "request body is malformed JSON at line 1");
    }

    @Test
    void columnsMustBeTheModelsAndHoldTheirTypes() {
        String body = """
                {"dataframe_split": {"columns": ["sepal_length", "sepal_width", "petal_length", "petal_widht"],
                  "data": [[5.1, 3.5, 1.4, 0.2]]}}""";

        assertRejected(body, IRIS, "request has unknown column 'petal_widht'; the model takes sepal_length,");
        assertRejected("{\"dataframe_records\": [{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1}]}",
                IRIS, "request is missing column 'petal_width'");
        assertRejected(body.replace("petal_widht", "petal_width").replace("[5.1, 3.5, 1.4, 0.2]", "[5.1, 3.5, 1.4]"),
                IRIS, "dataframe_split data[0] has 3 values but there are 4 columns");
        assertRejected("{\"dataframe_records\": [{\"rooms\": 3, \"city\": 69, \"garden\": true, \"built\": 1999}]}",
                HOUSES, "dataframe_records[0] column 'city' must be a string but was the number 69");
        assertRejected("{\"dataframe_records\": [{\"rooms\": \"3\", \"city\": \"a\", \"garden\": true, \"built\": 1}]}",
                HOUSES, "dataframe_records[0] column 'rooms' must be a number but was the string '3'");
        assertRejected("{\"dataframe_records\": [{\"rooms\": 3}, 7]}", HOUSES, "dataframe_records[1] must be a record");
    }

    @Test
    void aRequestMayHoldAtMostOneHundredThousandRows() {
        String rows = String.join(",", Collections.nCopies(100_001, "[1, 2, 3, 4]"));

        assertRejected("{\"inputs\": [" + rows + "]}", IRIS,
                "inputs holds 100001 rows but a request may hold at most 100000");
    }

    @Test
    void tensorModelsTakePerRowArraysOrNamedSlices() {
        String instances = "{\"instances\": [[[1, 2, 3], [4, 5, 6]]]}";
        String named = "{\"inputs\": {\"ids\": [[1, 2, 3, 4]], \"mask\": [[1, 1, 0, 0]]}}";

        RowTensor pixels = (RowTensor) MlflowCodec.parseJson(bytes(instances), IMAGE).get(0).get("pixels");
        Map<String, Object> tokens = MlflowCodec.parseJson(bytes(named), TOKENS).get(0);

        assertThat(pixels.shape()).containsExactly(2L, 3L);
        assertThat(pixels.values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat((long[]) tokens.get("ids")).containsExactly(1, 2, 3, 4);
        assertThat((long[]) tokens.get("mask")).containsExactly(1, 1, 0, 0);
        Map<String, Object> big = MlflowCodec.parseJson(bytes(named.replace("[[1, 2, 3, 4]]",
                "[[9007199254740993, 2, 3, 4]]")), TOKENS).get(0);
        assertThat((long[]) big.get("ids")).startsWith(9007199254740993L);
        assertRejected("{\"instances\": [[1, 2, 3, 4]]}", TOKENS, "instances must name the model's inputs (ids, mask)");
        assertRejected("{\"instances\": [[[1, 2, 3], [4, 5]]]}", IMAGE, "instances[0] must be a number or rectangular"
                + " nested lists of numbers but its lists have differing lengths");
        assertRejected("{\"instances\": [[1, 2, 3]]}", IMAGE, "instances[0] gives 3 values per row (shape [3]) but"
                + " the model's input 'pixels' takes 6");
        assertRejected("{\"dataframe_records\": [{\"ids\": [1, 2, 3, 4]}]}", TOKENS, "request is missing column"
                + " 'mask'");
        assertRejected("{\"inputs\": {\"ids\": [[1, 2, 3, null]], \"mask\": [[1, 1, 0, 0]]}}", TOKENS,
                "must hold whole numbers that fit INT64 but value 3 was null; nulls (missing values) are allowed only"
                        + " for tabular models");
    }

    @Test
    void aStringInputOfATensorModelTakesStringsInEveryJsonFormat() {
        String records = "{\"dataframe_records\": [{\"rooms\": 3, \"city\": \"Paris\"}]}";
        String split = "{\"dataframe_split\": {\"columns\": [\"rooms\", \"city\"], \"data\": [[3, \"Paris\"]]}}";
        String named = "{\"inputs\": {\"rooms\": [[3]], \"city\": [[\"Paris\"]]}}";

        for (String body : List.of(records, split, named)) {
            Map<String, Object> row = MlflowCodec.parseJson(bytes(body), Signatures.PIPELINE).get(0);
            assertThat((String[]) row.get("city")).as(body).containsExactly("Paris");
            assertThat((double[]) row.get("rooms")).as(body).containsExactly(3);
        }
        assertRejected(records.replace("\"Paris\"", "12"), Signatures.PIPELINE, "dataframe_records[0] column 'city'"
                + " must hold strings (input 'city' is BYTES) but value 0 was the number 12");
        assertRejected(records.replace("\"Paris\"", "[\"Paris\", \"Lyon\"]"), Signatures.PIPELINE,
                "gives 2 values per row (2 strings) but the model's input 'city' takes 1");
    }

    @Test
    void aOneInputTensorModelTakesItsSliceSpreadOverColumns() {
        ModelSignature vector = new ModelSignature(List.of(Signatures.IMAGE.inputs().get(0)), List.of(), false,
                Task.CLASSIFICATION);
        String body = "{\"dataframe_split\": {\"columns\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"],"
                + " \"data\": [[1, 2, 3, 4, 5, 6]]}}";

        Object pixels = MlflowCodec.parseJson(bytes(body), vector).get(0).get("pixels");

        assertThat((double[]) pixels).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void predictionsAreLabelsForClassifiersAndNumbersOtherwise() {
        List<Prediction> labels = List.of(Prediction.ofLabel("setosa", Map.of("setosa", 1.0)),
                Prediction.ofLabel("virginica", Map.of()));
        List<Prediction> values = List.of(Prediction.ofValue(1.5), Prediction.ofValue(Double.NaN));

        assertThat(tree(MlflowCodec.predictions(labels, IRIS)).toString())
                .isEqualTo("{\"predictions\":[\"setosa\",\"virginica\"]}");
        assertThat(tree(MlflowCodec.predictions(values, HOUSES)).toString())
                .isEqualTo("{\"predictions\":[1.5,null]}");
        assertThat(tree(MlflowCodec.predictions(labels, IMAGE)).toString())
                .isEqualTo("{\"predictions\":[\"setosa\",\"virginica\"]}");
        assertThat(tree(MlflowCodec.predictions(values, IMAGE)).toString()).isEqualTo("{\"predictions\":[1.5,null]}");
        assertThat(tree(MlflowCodec.predictions(List.of(Prediction.ofLabel("3", Map.of())),
                Signatures.tabular(Task.CLUSTERING))).toString()).isEqualTo("{\"predictions\":[\"3\"]}");
    }

    @Test
    void aRequestRoundTripsIntoPredictions() {
        String body = """
                {"dataframe_split": {"columns": ["sepal_length", "sepal_width", "petal_length", "petal_width"],
                  "data": [[5.1, 3.5, 1.4, 0.2], [6.3, 2.9, 5.6, 1.8]]}}""";

        List<Prediction> predictions = MlflowCodec.parseJson(bytes(body), IRIS).stream()
                .map(row -> Prediction.ofLabel((Double) row.get("petal_length") < 2.5 ? "setosa" : "virginica",
                        Map.of()))
                .toList();

        assertThat(tree(MlflowCodec.predictions(predictions, IRIS)).get("predictions").toString())
                .isEqualTo("[\"setosa\",\"virginica\"]");
    }

    @Test
    void errorsCarryMlflowsCodeAndMessage() {
        assertThat(tree(MlflowCodec.error("BAD_REQUEST", "column 'x' is \"odd\"")).toString())
                .isEqualTo("{\"error_code\":\"BAD_REQUEST\",\"message\":\"column 'x' is \\\"odd\\\"\"}");
    }

    private static void assertRejected(String body, ModelSignature signature, String message) {
        assertThatThrownBy(() -> MlflowCodec.parseJson(bytes(body), signature))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}
