package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.Row;
import io.aidos.api.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The MLP of Keras's {@code mnist_mlp} example (784 pixels, two hidden layers of 512 ReLU units, 10 classes), trained
 * for two epochs on the first 3,000 Fashion-MNIST images: a net of the size people serve, with a 784-value request.
 * Needs {@code apt-get install dataset-fashion-mnist}; without it the batching rows keep to the iris nets.
 */
final class FashionMlp {
    static final String MODEL = "fashion-mlp";
    static final String NET = "784 - 2 x 512 ReLU - 10";
    private static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    private static final String DATASET = "fashion";

    private FashionMlp() {
    }

    static boolean installed() {
        boolean there = Files.isRegularFile(FOLDER.resolve("train-images-idx3-ubyte.gz"));
        if (!there) {
            System.err.println("Fashion-MNIST is not installed at " + FOLDER + " (apt-get install "
                    + "dataset-fashion-mnist): skipping the " + MODEL + " batching rows");
        }
        return there;
    }

    static void train(AiDos aidos) {
        aidos.datasets().create(DATASET).fromIdx(FOLDER.resolve("train-images-idx3-ubyte.gz"),
                FOLDER.resolve("train-labels-idx1-ubyte.gz"), 3_000).commit("the first 3,000 training images");
        aidos.trainer().dataset(DATASET).target("label").task(Task.CLASSIFICATION).algorithm("mlp")
                .params(Map.of("epochs", 2, "batch_size", 32, "hidden_units", 512, "hidden_layers", 2)).seed(42L)
                .registerAs(MODEL).submit().await(Duration.ofMinutes(10));
    }

    /** The first training image as a predict row: {@code pixel_0 .. pixel_783}, without its label. */
    static Map<String, Object> row(AiDos aidos) {
        try (Stream<Row> rows = aidos.datasets().get(DATASET).latest().rows()) {
            Map<String, Object> row = new LinkedHashMap<>(rows.findFirst().orElseThrow().asMap());
            row.remove("label");
            return row;
        }
    }

    /**
     * {@code row} as one OIP input of shape [1, 784] in Triton's binary tensor data extension: the JSON names the
     * input and its byte size, the 784 little-endian FP32 values follow it. {@link #binaryJsonLength} bytes are JSON.
     */
    static byte[] binaryBody(Map<String, Object> row) {
        byte[] head = binaryHead(row).getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(head.length + 4 * row.size()).order(ByteOrder.LITTLE_ENDIAN);
        body.put(head);
        for (Object v : row.values()) {
            body.putFloat(((Number) v).floatValue());
        }
        return body.array();
    }

    /** The {@code Inference-Header-Content-Length} of {@link #binaryBody}. */
    static int binaryJsonLength(Map<String, Object> row) {
        return binaryHead(row).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String binaryHead(Map<String, Object> row) {
        return "{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1," + row.size() + "],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":" + 4 * row.size() + "}}]}";
    }

    /** {@code row} as one OIP input of shape [1, 784], in the signature's (the dataset's) column order. */
    static String oipBody(Map<String, Object> row) {
        StringBuilder body = new StringBuilder("{\"inputs\":[{\"name\":\"pixels\",\"shape\":[1,").append(row.size())
                .append("],\"datatype\":\"FP32\",\"data\":[");
        String sep = "";
        for (Object v : row.values()) {
            body.append(sep).append(v);
            sep = ",";
        }
        return body.append("]}]}").toString();
    }
}
