package io.aidos.serving.internal.http.protocol;

import static io.aidos.serving.internal.http.protocol.OipCodecTest.assertRejected;
import static io.aidos.serving.internal.http.protocol.Signatures.IMAGE;
import static io.aidos.serving.internal.http.protocol.Signatures.TOKENS;
import static io.aidos.serving.internal.http.protocol.Signatures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.RowTensor;
import io.aidos.serving.internal.signature.RowValues;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Parsing OIP inference requests for tensor models: per-row slices, graph input names, no missing values. */
class OipTensorInputsTest {

    @Test
    void slicesWithSeveralDimensionsBecomeRowTensorsWhateverTheOneInputIsCalled() {
        String body = """
                {"inputs": [{"name": "input-0", "shape": [2, 2, 3], "datatype": "FP32",
                  "data": [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]}]}""";

        List<Map<String, Object>> rows = OipCodec.parseInfer(bytes(body), IMAGE).rows();

        assertThat(rows).hasSize(2);
        RowTensor second = (RowTensor) rows.get(1).get("pixels");
        assertThat(second.shape()).containsExactly(2L, 3L);
        assertThat(second.values()).containsExactly(7, 8, 9, 10, 11, 12);
        assertThat(RowValues.doubles("pixels", rows.get(0).get("pixels"))).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void oneDimensionalSlicesAreArraysAndFlatDataReadsTheSame() {
        String body = """
                {"inputs": [
                  {"name": "mask", "shape": [2, 4], "datatype": "INT64", "data": [1, 1, 1, 0, 1, 1, 0, 0]},
                  {"name": "ids", "shape": [2, 4], "datatype": "INT32", "data": [[101, 7, 9, 0], [101, 8, 0, 0]]}]}
                """;

        List<Map<String, Object>> rows = OipCodec.parseInfer(bytes(body), TOKENS).rows();

        assertThat((long[]) rows.get(0).get("ids")).containsExactly(101, 7, 9, 0);
        assertThat((long[]) rows.get(0).get("mask")).containsExactly(1, 1, 1, 0);
        assertThat((long[]) rows.get(1).get("ids")).containsExactly(101, 8, 0, 0);
        assertThat((long[]) rows.get(1).get("mask")).containsExactly(1, 1, 0, 0);
    }

    @Test
    void int64ValuesArriveExactlyBeyondWhatADoubleHolds() {
        String body = """
                {"inputs": [
                  {"name": "ids", "shape": [1, 4], "datatype": "INT64",
                   "data": [9007199254740993, -9223372036854775808, 9223372036854775807, 2.0]},
                  {"name": "mask", "shape": [1, 4], "datatype": "INT64", "data": [1, 1, 1, 1]}]}""";

        long[] ids = (long[]) OipCodec.parseInfer(bytes(body), TOKENS).rows().get(0).get("ids");

        assertThat(ids).containsExactly(9007199254740993L, Long.MIN_VALUE, Long.MAX_VALUE, 2L);
        assertRejected(body.replace("2.0]", "2.5]"), TOKENS, "input 'ids' must hold whole numbers that fit INT64 but"
                + " value 3 was the number 2.5");
        assertRejected(body.replace("9223372036854775807", "9223372036854775808"), TOKENS, "input 'ids' must hold"
                + " whole numbers that fit INT64 but value 2 was the number 9223372036854775808");
        ModelSignature grid = new ModelSignature(List.of(TensorSpec.of("cells", "INT64", -1, 2, 2)), List.of(), false,
                Task.REGRESSION);
        assertRejected("{\"inputs\": [{\"name\": \"cells\", \"shape\": [1, 2, 2], \"datatype\": \"INT64\","
                + " \"data\": [1, 2, 3, 9007199254740993]}]}", grid, "input 'cells' value 3 is 9007199254740993, beyond"
                + " the 2^53 that a slice of more than one dimension carries exactly");
    }

    @Test
    void aScalarPerRowIsAOneValueArrayAndBooleansAreOneAndZero() {
        ModelSignature flags = new ModelSignature(List.of(TensorSpec.of("on", "BOOL", -1)), List.of(), false,
                Task.REGRESSION);
        String body = """
                {"inputs": [{"name": "on", "shape": [2], "datatype": "BOOL", "data": [true, false]}]}""";

        List<Map<String, Object>> rows = OipCodec.parseInfer(bytes(body), flags).rows();

        assertThat((double[]) rows.get(0).get("on")).containsExactly(1);
        assertThat((double[]) rows.get(1).get("on")).containsExactly(0);
    }

    @Test
    void withSeveralInputsNamesMustMatchTheGraph() {
        String body = """
                {"inputs": [
                  {"name": "ids", "shape": [1, 4], "datatype": "INT64", "data": [1, 2, 3, 4]},
                  {"name": "attention", "shape": [1, 4], "datatype": "INT64", "data": [1, 1, 1, 1]}]}""";

        assertRejected(body, TOKENS, "request has unknown input 'attention'; the model takes ids, mask");
        assertRejected(body.substring(0, body.indexOf("},") + 1) + "]}", TOKENS, "request is missing input 'mask'");
    }

    @Test
    void theSliceMustHoldWhatTheGraphInputDeclares() {
        String body = """
                {"inputs": [{"name": "pixels", "shape": [1, 5], "datatype": "FP32", "data": [1, 2, 3, 4, 5]}]}""";

        assertRejected(body, IMAGE, "input 'pixels' gives 5 values per row (shape [1, 5]) but the model's input"
                + " 'pixels' takes 6 (shape [-1, 2, 3])");
    }

    @Test
    void aStringInputTakesBytesDataAsOneStringArrayPerRow() {
        String body = """
                {"inputs": [
                  {"name": "rooms", "shape": [2, 1], "datatype": "FP32", "data": [3, 4]},
                  {"name": "city", "shape": [2, 1], "datatype": "BYTES", "data": [["Paris"], ["Oslo"]]}]}""";

        List<Map<String, Object>> rows = OipCodec.parseInfer(bytes(body), Signatures.PIPELINE).rows();

        assertThat((String[]) rows.get(0).get("city")).containsExactly("Paris");
        assertThat((String[]) rows.get(1).get("city")).containsExactly("Oslo");
        assertThat((double[]) rows.get(1).get("rooms")).containsExactly(4);
        assertRejected(body.replace("\"Oslo\"", "7"), Signatures.PIPELINE, "input 'city' must hold strings (input"
                + " 'city' is BYTES) but value 1 was the number 7");
        assertRejected(body.replace("\"Oslo\"", "null"), Signatures.PIPELINE, "input 'city' must hold strings"
                + " (input 'city' is BYTES) but value 1 was null; nulls (missing values) are allowed only for tabular"
                + " models");
        assertRejected(body.replace("\"BYTES\"", "\"FP32\""), Signatures.PIPELINE,
                "input 'city' is FP32 but the model's input 'city' is BYTES");
    }

    @Test
    void numericTensorInputsTakeNeitherStringsNorMissingValues() {
        String text = """
                {"inputs": [{"name": "pixels", "shape": [1, 6], "datatype": "BYTES",
                  "data": ["a", "b", "c", "d", "e", "f"]}]}""";
        String nulls = """
                {"inputs": [{"name": "pixels", "shape": [1, 6], "datatype": "FP32", "data": [1, 2, null, 4, 5, 6]}]}""";

        assertRejected(text, IMAGE, "input 'pixels' is BYTES but the model's input 'pixels' is FP32");
        assertRejected(nulls, IMAGE, "input 'pixels' must hold numbers but value 2 was null; nulls (missing"
                + " values) are allowed only for tabular models");
        assertRejected(nulls.replace("FP32", "BOOL"), IMAGE, "input 'pixels' is BOOL but the model's input 'pixels'"
                + " is FP32");
    }

    @Test
    void theOutputsATensorModelAnswersMayBeRequested() {
        String body = """
                {"outputs": [{"name": "score"}],
                 "inputs": [{"name": "ids", "shape": [1, 4], "datatype": "INT64", "data": [1, 2, 3, 4]},
                            {"name": "mask", "shape": [1, 4], "datatype": "INT64", "data": [1, 1, 1, 1]}]}""";

        assertThat(OipCodec.parseInfer(bytes(body), TOKENS).requestedOutputs()).containsExactly("score");
        assertRejected(body.replace("\"score\"", "\"logits\""), TOKENS,
                "output 'logits' is not one this model answers; it answers label, scores, score");
    }
}
