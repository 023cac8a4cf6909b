package io.aidos.training.internal.djl;

import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetSchema;
import io.aidos.api.Row;
import io.aidos.api.Task;
import io.aidos.training.internal.data.FeatureEncoder;
import io.aidos.training.internal.data.TargetEncoder;
import io.aidos.training.internal.data.TrainingData;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** Training data for the DJL tests, encoded the way {@code DataLoader} does (encoders fitted on training rows). */
final class TestData {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private TestData() {
    }

    /** breast_cancer.csv (569 rows, 30 numbers, label {@code target}), 20% held out. */
    static TrainingData breastCancer(long seed) {
        try (InputStream in = TestData.class.getResourceAsStream("/data/breast_cancer.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            String[] header = lines.get(0).split(",");
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                columns.add(new Column(header[i], i == header.length - 1 ? ColumnType.STRING : ColumnType.DOUBLE));
            }
            DatasetSchema schema = new DatasetSchema(columns);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                Object[] values = new Object[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    values[i] = i == cells.length - 1 ? cells[i] : (Object) Double.parseDouble(cells[i]);
                }
                rows.add(new Row(schema, values));
            }
            return encode(Task.CLASSIFICATION, rows, header[header.length - 1], 0.2, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** y = 3 x0 - 2 x1 + x2 x3 + noise over 6 uniform features. */
    static TrainingData synthetic(int n, long seed) {
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            columns.add(new Column("x" + j, ColumnType.DOUBLE));
        }
        columns.add(new Column("y", ColumnType.DOUBLE));
        DatasetSchema schema = new DatasetSchema(columns);
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] v = new Object[7];
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = r.nextDouble() * 2 - 1;
                v[j] = x[j];
            }
            v[6] = 3 * x[0] - 2 * x[1] + x[2] * x[3] + 0.1 * r.nextGaussian();
            rows.add(new Row(schema, v));
        }
        return encode(Task.REGRESSION, rows, "y", 0.2, seed);
    }

    /** The first {@code trainRows} training images of Fashion-MNIST, plus {@code validRows} test images. */
    static TrainingData fashionMnist(int trainRows, int validRows) {
        List<Row> train = fashionRows("train", trainRows);
        List<Row> valid = fashionRows("t10k", validRows);
        return encode(Task.CLASSIFICATION, train, valid, "label");
    }

    private static List<Row> fashionRows(String part, int limit) {
        try (DataInputStream images = gz(FASHION.resolve(part + "-images-idx3-ubyte.gz"));
             DataInputStream labels = gz(FASHION.resolve(part + "-labels-idx1-ubyte.gz"))) {
            images.readInt();
            int count = Math.min(limit, images.readInt());
            int pixels = images.readInt() * images.readInt();
            labels.readInt();
            labels.readInt();
            List<Column> columns = new ArrayList<>();
            columns.add(new Column("label", ColumnType.LONG));
            for (int p = 0; p < pixels; p++) {
                columns.add(new Column("pixel_" + p, ColumnType.LONG));
            }
            DatasetSchema schema = new DatasetSchema(columns);
            List<Row> rows = new ArrayList<>();
            byte[] buffer = new byte[pixels];
            for (int i = 0; i < count; i++) {
                images.readFully(buffer);
                Object[] v = new Object[pixels + 1];
                v[0] = (long) labels.readUnsignedByte();
                for (int p = 0; p < pixels; p++) {
                    v[p + 1] = (long) (buffer[p] & 0xff);
                }
                rows.add(new Row(schema, v));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream gz(Path file) throws IOException {
        return new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static TrainingData encode(Task task, List<Row> rows, String target, double validShare, long seed) {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) Math.round(shuffled.size() * (1 - validShare));
        return encode(task, shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()), target);
    }

    private static TrainingData encode(Task task, List<Row> train, List<Row> valid, String target) {
        List<Column> inputs = train.get(0).schema().columns().stream().filter(c -> !c.name().equals(target)).toList();
        FeatureEncoder features = FeatureEncoder.fit(train, inputs);
        TargetEncoder targets = task == Task.CLASSIFICATION
                ? TargetEncoder.classification(target, train.stream().map(r -> r.get(target)).toList())
                : TargetEncoder.regression(target, train.stream().mapToDouble(r -> r.getDouble(target)).toArray());
        return new TrainingData(task, features, targets, x(features, train), y(task, targets, train, target),
                x(features, valid), y(task, targets, valid, target), true);
    }

    private static double[][] x(FeatureEncoder features, List<Row> rows) {
        return rows.stream().map(features::encode).toArray(double[][]::new);
    }

    private static double[] y(Task task, TargetEncoder targets, List<Row> rows, String target) {
        return rows.stream().mapToDouble(r -> task == Task.CLASSIFICATION ? targets.labelIndex(r.get(target))
                : targets.encodeValue(r.getDouble(target))).toArray();
    }
}
