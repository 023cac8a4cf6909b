package io.aidos.serving.internal.http.protocol;

import static io.aidos.serving.internal.http.protocol.Signatures.HOUSES;
import static io.aidos.serving.internal.http.protocol.Signatures.IRIS;
import static io.aidos.serving.internal.http.protocol.Signatures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsing OIP inference requests for tabular models, and the request-level checks every model shares. */
class OipCodecTest {

    private static final String IRIS_COLUMNS = """
            {"id": "r-1", "parameters": {"routing_key": "user-7"},
             "inputs": [
              {"name": "sepal_length", "shape": [2], "datatype": "FP64", "data": [5.1, 6.3]},
              {"name": "sepal_width", "shape": [2], "datatype": "FP32", "data": [3.5, 2.9]},
              {"name": "petal_length", "shape": [2, 1], "datatype": "FP64", "data": [[1.4], [5.6]]},
              {"name": "petal_width", "shape": [2], "datatype": "INT32", "data": [0, 2]}],
             "outputs": [{"name": "label"}]}
            """;

    @Test
    void oneInputPerColumnGivesOneRowPerBatchEntry() {
        InferRequest request = OipCodec.parseInfer(bytes(IRIS_COLUMNS), IRIS);

        assertThat(request.id()).isEqualTo("r-1");
        assertThat(request.routingKey()).isEqualTo("user-7");
        assertThat(request.requestedOutputs()).containsExactly("label");
        assertThat(request.rows()).containsExactly(
                Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0L),
                Map.of("sepal_length", 6.3, "sepal_width", 2.9, "petal_length", 5.6, "petal_width", 2L));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        InferRequest request = OipCodec.parseInfer(bytes(matrix("x", "[1, 4]", "[1, 2, 3, 4]")), IRIS);

        assertThat(request.id()).isNull();
        assertThat(request.routingKey()).isNull();
        assertThat(request.requestedOutputs()).isEmpty();
    }

    @Test
    void aSingleNByFInputMapsColumnsInSignatureOrderWhetherFlatOrNested() {
        List<Map<String, Object>> flat = OipCodec.parseInfer(
                bytes(matrix("input-0", "[2, 4]", "[5.1, 3.5, 1.4, 0.2, 6.3, 2.9, 5.6, 1.8]")), IRIS).rows();
        List<Map<String, Object>> nested = OipCodec.parseInfer(
                bytes(matrix("input-0", "[2, 4]", "[[5.1, 3.5, 1.4, 0.2], [6.3, 2.9, 5.6, 1.8]]")), IRIS).rows();

        assertThat(flat).isEqualTo(nested).containsExactly(
                Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2),
                Map.of("sepal_length", 6.3, "sepal_width", 2.9, "petal_length", 5.6, "petal_width", 1.8));
    }

    @Test
    void aOneColumnModelTakesItsColumnUnderAnyNameAsNByOne() {
        ModelSignature one = new ModelSignature(List.of(TensorSpec.of("age", "FP64", -1)), List.of(), true,
                Task.REGRESSION);

        assertThat(OipCodec.parseInfer(bytes(matrix("age", "[2, 1]", "[30, 40]")), one).rows())
                .containsExactly(Map.of("age", 30.0), Map.of("age", 40.0));
        assertThat(OipCodec.parseInfer(bytes(matrix("x", "[2, 1]", "[30, 40]")), one).rows())
                .containsExactly(Map.of("age", 30.0), Map.of("age", 40.0));
    }

    @Test
    void bytesBoolAndIntegerColumnsKeepTheirTypesAndNullsAreMissingValues() {
        String body = """
                {"inputs": [
                  {"name": "rooms", "shape": [2], "datatype": "FP64", "data": [3, null]},
                  {"name": "city", "shape": [2], "datatype": "BYTES", "data": ["Lyon, FR", null]},
                  {"name": "garden", "shape": [2], "datatype": "BOOL", "data": [true, false]},
                  {"name": "built", "shape": [2], "datatype": "INT64", "data": [1999, null]}]}
                """;

        List<Map<String, Object>> rows = OipCodec.parseInfer(bytes(body), HOUSES).rows();

        assertThat(rows.get(0)).isEqualTo(Map.of("rooms", 3.0, "city", "Lyon, FR", "garden", true, "built", 1999L));
        assertThat(rows.get(1)).containsEntry("garden", false).containsEntry("rooms", null)
                .containsEntry("city", null).containsEntry("built", null).hasSize(4);
    }

    @Test
    void anEmptyBatchGivesNoRows() {
        assertThat(OipCodec.parseInfer(bytes(matrix("x", "[0, 4]", "[]")), IRIS).rows()).isEmpty();
    }

    @Test
    void dataMustHoldAsManyValuesAsTheShape() {
        String body = """
                {"inputs": [{"name": "petal_width", "shape": [2], "datatype": "FP64", "data": [1, 2, 3]}]}""";

        assertRejected(body, IRIS, "input 'petal_width' shape [2] needs 2 values but data has 3");
        assertRejected(matrix("x", "[2, 4]", "[[1, 2, 3, 4], [5, 6, 7]]"), IRIS,
                "input 'x' shape [2, 4] needs 8 values but data has 7");
    }

    @Test
    void everyColumnMustBeGivenAndNoOther() {
        assertRejected(columns("sepal_length", "sepal_width", "petal_length"), IRIS,
                "request is missing input 'petal_width'; the model takes sepal_length, sepal_width, petal_length,"
                        + " petal_width");
        assertRejected(columns("sepal_length", "sepal_width", "petal_length", "petal_wdth"), IRIS,
                "request has unknown input 'petal_wdth'");
        assertRejected(columns("sepal_length", "sepal_length"), IRIS, "input 'sepal_length' is given twice");
    }

    @Test
    void datatypesMustBeTheSpecsAndFitTheColumn() {
        assertRejected(matrix("x", "[1, 4]", "[1, 2, 3, 4]").replace("FP64", "FLOAT"), IRIS,
                "input 'x' has datatype 'FLOAT', which is not an Open Inference Protocol datatype");
        assertRejected(matrix("x", "[1, 4]", "[1, 2, 3, 4]").replace("FP64", "fp64"), IRIS,
                "(datatypes are upper case)");
        assertRejected(matrix("x", "[1, 4]", "[\"a\", \"b\", \"c\", \"d\"]").replace("FP64", "BYTES"), IRIS,
                "input 'x' column 'sepal_length' is BYTES but the model's column 'sepal_length' is FP64");
        String numbersForText = """
                {"inputs": [
                  {"name": "rooms", "shape": [1], "datatype": "FP64", "data": [3]},
                  {"name": "city", "shape": [1], "datatype": "FP64", "data": [7]},
                  {"name": "garden", "shape": [1], "datatype": "BOOL", "data": [true]},
                  {"name": "built", "shape": [1], "datatype": "INT64", "data": [1999]}]}""";
        assertRejected(numbersForText, HOUSES, "input 'city' is FP64 but the model's column 'city' is BYTES");
        String numbersForBooleans = numbersForText.replace("\"FP64\", \"data\": [7]", "\"BYTES\", \"data\": [\"Lyon\"]")
                .replace("\"BOOL\"", "\"INT8\"");
        assertRejected(numbersForBooleans, HOUSES, "input 'garden' is INT8 but the model's column 'garden' is BOOL");
    }

    @Test
    void valuesMustFitTheirDatatype() {
        assertRejected(matrix("x", "[1, 4]", "[1, \"2\", 3, 4]"), IRIS,
                "input 'x' column 'sepal_width' must hold numbers (FP64) but value 1 was the string '2'");
        assertRejected(matrix("x", "[1, 4]", "[1, 2.5, 3, 4]").replace("FP64", "INT64"), IRIS,
                "must hold whole numbers (INT64) but value 1 was the number 2.5");
    }

    @Test
    void inputsMustAgreeOnTheBatchSize() {
        String body = """
                {"inputs": [
                  {"name": "sepal_length", "shape": [2], "datatype": "FP64", "data": [1, 2]},
                  {"name": "sepal_width", "shape": [3], "datatype": "FP64", "data": [1, 2, 3]}]}""";

        assertRejected(body, IRIS, "input 'sepal_width' has 3 rows (shape [3]) but input 'sepal_length' has 2");
    }

    @Test
    void aColumnInputTakesOnlyNOrNByOne() {
        String body = columns("sepal_length", "sepal_width", "petal_length", "petal_width")
                .replaceFirst("\"shape\": \\[1], \"datatype\": \"FP64\", \"data\": \\[1]",
                        "\"shape\": [1, 2], \"datatype\": \"FP64\", \"data\": [1, 2]");

        assertRejected(body, IRIS, "input 'sepal_length' has shape [1, 2] but a feature column takes [N] or [N, 1]");
    }

    @Test
    void aRequestMayHoldAtMostOneHundredThousandRows() {
        ModelSignature one = new ModelSignature(List.of(TensorSpec.of("age", "FP64", -1)), List.of(), true,
                Task.REGRESSION);
        String zeros = String.join(",", Collections.nCopies(100_000, "0"));

        assertThat(OipCodec.parseInfer(bytes(matrix("age", "[100000]", "[" + zeros + "]")), one).rows())
                .hasSize(100_000);
        assertRejected(matrix("age", "[100001]", "[" + zeros + ",0]"), one,
                "input 'age' holds 100001 rows but a request may hold at most 100000");
    }

    @Test
    void malformedJsonNamesTheParsersPosition() {
        assertRejected("{\"inputs\": [}", IRIS, "request body is malformed JSON at line 1, column 13: Unexpected");
        assertRejected("{\"inputs\": []}\n{}", IRIS, "request body is malformed JSON at line 2");
        assertRejected("", IRIS, "request body is empty");
        assertRejected("  ", IRIS, "request body is empty");
    }

    @Test
    void theRequestShapeIsChecked() {
        assertRejected("[1, 2]", IRIS, "request body must be a JSON object with an 'inputs' list but was a list");
        assertRejected("{\"inputs\": []}", IRIS, "request body needs a non-empty 'inputs' list but it was empty");
        assertRejected("{}", IRIS, "needs a non-empty 'inputs' list but it was absent");
        assertRejected("{\"inputs\": [7]}", IRIS, "inputs[0] must be an object");
        assertRejected("{\"inputs\": [{\"shape\": [1]}]}", IRIS, "inputs[0] needs a string 'name'");
        assertRejected(matrix("x", "[1, -4]", "[]"), IRIS, "input 'x' has shape [1,-4] but dimensions must be");
        assertRejected(matrix("x", "[]", "[]"), IRIS, "input 'x' needs a 'shape' list with the batch size first");
        assertRejected(matrix("x", "[1, 4]", "{}"), IRIS, "input 'x' needs a 'data' list (or parameters.binary_data_size with binary data after the JSON) but it"
                + " was an object");
        assertRejected("{\"id\": 7, " + matrix("x", "[1, 4]", "[1, 2, 3, 4]").substring(1), IRIS,
                "id must be a string but was a number");
        assertRejected("{\"parameters\": [], " + matrix("x", "[1, 4]", "[1, 2, 3, 4]").substring(1), IRIS,
                "parameters must be an object");
    }

    @Test
    void requestedOutputsMustBeOnesTheModelAnswers() {
        String body = "{\"outputs\": [{\"name\": \"scores\"}, {\"name\": \"label\"}], "
                + matrix("x", "[1, 4]", "[1, 2, 3, 4]").substring(1);
        assertThat(OipCodec.parseInfer(bytes(body), IRIS).requestedOutputs()).containsExactlyInAnyOrder("label",
                "scores");

        assertRejected(body.replace("scores", "probabilities"), IRIS,
                "output 'probabilities' is not one this model answers; it answers label, scores");
        assertRejected(body, Signatures.tabular(Task.REGRESSION), "output 'scores' is not one this model answers;"
                + " it answers value");
    }

    @Test
    void aNumericRoutingKeyIsReadAsText() {
        String body = "{\"parameters\": {\"routing_key\": 42}, " + matrix("x", "[1, 4]", "[1, 2, 3, 4]").substring(1);

        assertThat(OipCodec.parseInfer(bytes(body), IRIS).routingKey()).isEqualTo("42");
        assertThat(OipCodec.parseInfer(bytes(body), IRIS).requestedOutputs()).isEqualTo(Set.of());
    }

    static String matrix(String name, String shape, String data) {
        return "{\"inputs\": [{\"name\": \"" + name + "\", \"shape\": " + shape + ", \"datatype\": \"FP64\", \"data\": "
                + data + "}]}";
    }

    private static String columns(String... names) {
        StringBuilder out = new StringBuilder("{\"inputs\": [");
        for (int i = 0; i < names.length; i++) {
            out.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(names[i])
                    .append("\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}");
        }
        return out.append("]}").toString();
    }

    static void assertRejected(String body, ModelSignature signature, String message) {
        assertThatThrownBy(() -> OipCodec.parseInfer(bytes(body), signature))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}
