package io.aidos.serving.internal.http.protocol;

import static io.aidos.serving.internal.http.protocol.Signatures.IRIS;
import static io.aidos.serving.internal.http.protocol.Signatures.PIPELINE;
import static io.aidos.serving.internal.http.protocol.Signatures.TOKENS;
import static io.aidos.serving.internal.http.protocol.Signatures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.serving.internal.signature.ModelSignature;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Triton's binary tensor data extension: inputs whose values follow the JSON as little-endian bytes, and outputs
 * answered the same way, as Triton's HTTP clients send and ask for by default.
 */
class OipBinaryDataTest {

    @Test
    void binaryInputsGiveTheSameRowsAsJsonOnes() {
        byte[] fp32 = le(8 * 4).putFloat(5.1f).putFloat(3.5f).putFloat(1.4f).putFloat(0.2f)
                .putFloat(6.3f).putFloat(2.9f).putFloat(5.6f).putFloat(1.8f).array();
        Body binary = new Body("{\"inputs\": [{\"name\": \"x\", \"shape\": [2, 4], \"datatype\": \"FP32\","
                + " \"parameters\": {\"binary_data_size\": 32}}]}").then(fp32);
        String json = "{\"inputs\": [{\"name\": \"x\", \"shape\": [2, 4], \"datatype\": \"FP32\", \"data\": ["
                + (double) 5.1f + "," + (double) 3.5f + "," + (double) 1.4f + "," + (double) 0.2f + ","
                + (double) 6.3f + "," + (double) 2.9f + "," + (double) 5.6f + "," + (double) 1.8f + "]}]}";

        assertThat(binary.parse(IRIS).rows()).isEqualTo(OipCodec.parseInfer(bytes(json), IRIS).rows());
    }

    @Test
    void binaryAndJsonInputsMixInListOrderAndEveryIntegerTypeIsRead() {
        byte[] sepalWidth = le(2 * 4).putInt(3).putInt(-2).array();
        byte[] petalLength = new byte[] {1, (byte) 200};
        byte[] petalWidth = le(2 * 2).putShort((short) 0x3C00).putShort((short) 0xC000).array(); // FP16 1.0, -2.0
        Body body = new Body("""
                {"inputs": [
                 {"name": "sepal_length", "shape": [2], "datatype": "FP64", "data": [5.1, 6.3]},
                 {"name": "sepal_width", "shape": [2], "datatype": "INT32", "parameters": {"binary_data_size": 8}},
                 {"name": "petal_length", "shape": [2], "datatype": "UINT8", "parameters": {"binary_data_size": 2}},
                 {"name": "petal_width", "shape": [2, 1], "datatype": "FP16", "parameters": {"binary_data_size": 4}}
                ]}""").then(sepalWidth).then(petalLength).then(petalWidth);

        List<Map<String, Object>> rows = body.parse(IRIS).rows();

        assertThat(rows.get(0)).containsEntry("sepal_length", 5.1).containsEntry("sepal_width", 3L)
                .containsEntry("petal_length", 1L).containsEntry("petal_width", 1.0);
        assertThat(rows.get(1)).containsEntry("sepal_length", 6.3).containsEntry("sepal_width", -2L)
                .containsEntry("petal_length", 200L).containsEntry("petal_width", -2.0);
    }

    @Test
    void int64ValuesArriveExactlyAndBytesElementsAsText() {
        long big = (1L << 53) + 1;
        Body tokens = new Body("{\"inputs\": [{\"name\": \"ids\", \"shape\": [1, 4], \"datatype\": \"INT64\","
                + " \"parameters\": {\"binary_data_size\": 32}}, {\"name\": \"mask\", \"shape\": [1, 4],"
                + " \"datatype\": \"INT64\", \"data\": [1, 1, 1, 0]}]}")
                .then(le(32).putLong(big).putLong(-1).putLong(0).putLong(Long.MAX_VALUE).array());
        Map<String, Object> row = tokens.parse(TOKENS).rows().get(0);
        assertThat((long[]) row.get("ids")).containsExactly(big, -1, 0, Long.MAX_VALUE);
        assertThat((long[]) row.get("mask")).containsExactly(1, 1, 1, 0);

        byte[] cities = strings("Zürich", "");
        Body pipeline = new Body("{\"inputs\": [{\"name\": \"rooms\", \"shape\": [2, 1], \"datatype\": \"FP32\","
                + " \"data\": [3, 4]}, {\"name\": \"city\", \"shape\": [2, 1], \"datatype\": \"BYTES\","
                + " \"parameters\": {\"binary_data_size\": " + cities.length + "}}]}").then(cities);
        List<Map<String, Object>> rows = pipeline.parse(PIPELINE).rows();
        assertThat((String[]) rows.get(0).get("city")).containsExactly("Zürich");
        assertThat((String[]) rows.get(1).get("city")).containsExactly("");
    }

    @Test
    void halfPrecisionDecodesEveryKindOfValue() {
        assertThat(BinaryTensorData.halfToFloat((short) 0x3C00)).isEqualTo(1.0f);
        assertThat(BinaryTensorData.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(BinaryTensorData.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(BinaryTensorData.halfToFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
        assertThat(BinaryTensorData.halfToFloat((short) 0x8000)).isEqualTo(-0.0f);
        assertThat(BinaryTensorData.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(BinaryTensorData.halfToFloat((short) 0x7E00)).isNaN();
    }

    @Test
    void sizesThatDisagreeAreNamed() {
        String one = "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP64\","
                + " \"parameters\": {\"binary_data_size\": SIZE}}]}";
        byte[] four = le(32).putDouble(1).putDouble(2).putDouble(3).putDouble(4).array();

        rejected(new Body(one.replace("SIZE", "24")).then(four), IRIS,
                "input 'x' has binary_data_size 24 but 4 FP64 values take 32 bytes");
        rejected(new Body(one.replace("SIZE", "40")).then(four), IRIS,
                "input 'x' has binary_data_size 40 but only 32 bytes of binary data are left after the JSON");
        rejected(new Body(one.replace("SIZE", "32")).then(four).then(new byte[3]), IRIS,
                "has 3 bytes of binary data after the JSON that no input's binary_data_size claims");
        rejected(new Body(one.replace("SIZE", "\"32\"")).then(four), IRIS, "must be a whole number of bytes");
        assertThatThrownBy(() -> OipCodec.parseInfer(bytes(one.replace("SIZE", "32")), IRIS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no Inference-Header-Content-Length header");
        byte[] whole = new Body(one.replace("SIZE", "32")).then(four).all();
        assertThatThrownBy(() -> OipCodec.parseInfer(whole, whole.length + 1, IRIS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Inference-Header-Content-Length")
                .hasMessageContaining("only " + whole.length + " bytes");
        rejected(new Body("{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP64\", \"data\":"
                + " [1, 2, 3, 4], \"parameters\": {\"binary_data_size\": 32}}]}").then(four), IRIS,
                "has both 'data' and parameters.binary_data_size");
        byte[] cut = Arrays.copyOf(strings("Bern"), 6);
        rejected(new Body("{\"inputs\": [{\"name\": \"rooms\", \"shape\": [1, 1], \"datatype\": \"FP32\", \"data\":"
                + " [3]}, {\"name\": \"city\", \"shape\": [1, 1], \"datatype\": \"BYTES\", \"parameters\":"
                + " {\"binary_data_size\": 6}}]}").then(cut), PIPELINE,
                "input 'city' has a BYTES element of 4 bytes but only 2 are left");
    }

    @Test
    void outputsAreAnsweredAsBinaryWhenAskedForAllOrOneByOne() {
        List<Prediction> classes = List.of(
                Prediction.ofLabel("setosa", Map.of("setosa", 0.9, "versicolor", 0.1)),
                Prediction.ofLabel("virginica", Map.of("virginica", 0.7, "versicolor", 0.3)));
        String request = "{\"parameters\": {\"binary_data_output\": true}, \"outputs\": [{\"name\": \"label\"},"
                + " {\"name\": \"scores\"}], \"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP64\","
                + " \"data\": [1, 2, 3, 4]}]}";
        InferRequest asked = OipCodec.parseInfer(bytes(request), IRIS);

        OipAnswer all = OipCodec.inferAnswer("iris", "1", null, classes, IRIS, asked.requestedOutputs(),
                asked.binaryOutputs());
        assertThat(all.hasBinary()).isTrue();
        JsonNode head = Signatures.tree(Arrays.copyOf(all.body(), all.jsonLength()));
        ByteBuffer tail = ByteBuffer.wrap(all.body(), all.jsonLength(), all.body().length - all.jsonLength())
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        JsonNode label = head.get("outputs").get(0);
        JsonNode scores = head.get("outputs").get(1);
        assertThat(label.has("data")).isFalse();
        assertThat(label.get("parameters").get("binary_data_size").asInt()).isEqualTo(4 + 6 + 4 + 9);
        assertThat(readString(tail)).isEqualTo("setosa");
        assertThat(readString(tail)).isEqualTo("virginica");
        assertThat(scores.get("parameters").get("labels").toString()).isEqualTo(
                "[\"setosa\",\"versicolor\",\"virginica\"]");
        assertThat(scores.get("parameters").get("binary_data_size").asInt()).isEqualTo(6 * 8);
        assertThat(new double[] {tail.getDouble(), tail.getDouble(), tail.getDouble(), tail.getDouble(),
                tail.getDouble(), tail.getDouble()}).containsExactly(0.9, 0.1, Double.NaN, Double.NaN, 0.3, 0.7);
        assertThat(tail.hasRemaining()).isFalse();

        InferRequest labelsAsJson = OipCodec.parseInfer(bytes(request.replace("{\"name\": \"label\"}",
                "{\"name\": \"label\", \"parameters\": {\"binary_data\": false}}")), IRIS);
        OipAnswer mixed = OipCodec.inferAnswer("iris", "1", null, classes, IRIS, labelsAsJson.requestedOutputs(),
                labelsAsJson.binaryOutputs());
        JsonNode mixedHead = Signatures.tree(Arrays.copyOf(mixed.body(), mixed.jsonLength()));
        assertThat(mixedHead.get("outputs").get(0).get("data").toString()).isEqualTo("[\"setosa\",\"virginica\"]");
        assertThat(mixed.body().length - mixed.jsonLength()).isEqualTo(6 * 8);

        InferRequest oneBinary = OipCodec.parseInfer(bytes(request.replace("\"binary_data_output\": true",
                "\"routing_key\": \"k\"").replace("{\"name\": \"scores\"}",
                "{\"name\": \"scores\", \"parameters\": {\"binary_data\": true}}")), IRIS);
        OipAnswer scoresOnly = OipCodec.inferAnswer("iris", "1", null, classes, IRIS, oneBinary.requestedOutputs(),
                oneBinary.binaryOutputs());
        assertThat(scoresOnly.body().length - scoresOnly.jsonLength()).isEqualTo(6 * 8);

        OipAnswer plain = OipCodec.inferAnswer("iris", "1", null, classes, IRIS, Set.of(), BinaryOutputs.NONE);
        assertThat(plain.hasBinary()).isFalse();
        assertThatThrownBy(() -> OipCodec.parseInfer(bytes(request.replace("true", "\"yes\"")), IRIS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameters.binary_data_output must be true or false");
    }

    @Test
    void valuesAreAnsweredAsLittleEndianDoubles() {
        List<Prediction> values = List.of(Prediction.ofValue(3.25), Prediction.ofValue(Double.NaN));
        OipAnswer answer = OipCodec.inferAnswer("houses", "1", null, values, Signatures.HOUSES, Set.of(),
                new BinaryOutputs(true, Set.of(), Set.of()));

        JsonNode head = Signatures.tree(Arrays.copyOf(answer.body(), answer.jsonLength()));
        JsonNode value = head.get("outputs").get(0);
        assertThat(value.get("name").asText()).isEqualTo("value");
        assertThat(value.get("datatype").asText()).isEqualTo("FP64");
        assertThat(value.get("parameters").get("binary_data_size").asInt()).isEqualTo(16);
        ByteBuffer tail = ByteBuffer.wrap(answer.body(), answer.jsonLength(), 16).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(tail.getDouble()).isEqualTo(3.25);
        assertThat(tail.getDouble()).isNaN();
        assertThat(answer.body()).hasSize(answer.jsonLength() + 16);
    }

    private static String readString(ByteBuffer in) {
        byte[] text = new byte[in.getInt()];
        in.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** BYTES elements as the extension writes them: a 4-byte little-endian length, then UTF-8. */
    private static byte[] strings(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(le(4).putInt(utf8.length).array());
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    private static void rejected(Body body, ModelSignature signature, String message) {
        assertThatThrownBy(() -> body.parse(signature)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    /** A request body: JSON, then binary sections. */
    private static final class Body {
        private final byte[] json;
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Body(String json) {
            this.json = bytes(json);
        }

        Body then(byte[] section) {
            binary.writeBytes(section);
            return this;
        }

        byte[] all() {
            byte[] all = Arrays.copyOf(json, json.length + binary.size());
            System.arraycopy(binary.toByteArray(), 0, all, json.length, binary.size());
            return all;
        }

        InferRequest parse(ModelSignature signature) {
            return OipCodec.parseInfer(all(), json.length, signature);
        }
    }
}
