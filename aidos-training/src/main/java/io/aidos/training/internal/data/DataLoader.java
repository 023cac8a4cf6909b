package io.aidos.training.internal.data;

import io.aidos.api.Column;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Row;
import io.aidos.api.Task;
import io.aidos.api.TrainingSpec;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads a dataset version into {@link TrainingData}: split, encoders fitted on the training rows only. */
public final class DataLoader {

    private DataLoader() {
    }

    /** At most this many distinct whole numbers make a LONG target a label rather than a quantity. */
    static final long MAX_LABELS_FOR_LONG_TARGET = 20;

    /** The task a target column implies: labels for text, booleans and few whole numbers, else regression. */
    public static Task inferTask(DatasetVersion version, String target) {
        Column column = version.schema().column(target).orElseThrow(() -> new InvalidInputException("target", target,
                "is not a column of dataset " + version.datasetName() + " version " + version.version()
                + " (its columns are " + version.schema().names() + ")"));
        return switch (column.type()) {
            case STRING, BOOLEAN -> Task.CLASSIFICATION;
            case DOUBLE -> Task.REGRESSION;
            case LONG -> version.stats().stream().filter(s -> s.name().equals(target)).findFirst()
                    .map(s -> s.distinct() <= MAX_LABELS_FOR_LONG_TARGET ? Task.CLASSIFICATION : Task.REGRESSION)
                    .orElse(Task.REGRESSION);
        };
    }

    /** Checks the spec's target against the dataset's schema; called before a job is stored. */
    public static void checkTarget(DatasetVersion version, TrainingSpec spec) {
        if (spec.target() == null) {
            return;
        }
        Column target = version.schema().column(spec.target()).orElseThrow(() -> new InvalidInputException(
                "target", spec.target(), "is not a column of dataset " + version.datasetName() + " version "
                + version.version() + " (its columns are " + version.schema().names() + ")"));
        if (spec.task() == Task.REGRESSION && target.type() != ColumnType.LONG && target.type() != ColumnType.DOUBLE) {
            throw new InvalidInputException("target", spec.target(), "must be a LONG or DOUBLE column for"
                    + " REGRESSION, and this one is " + target.type());
        }
        if (version.schema().size() < 2 && spec.task().supervised()) {
            throw new InvalidInputException("dataset", version.datasetName(), "has no feature columns besides"
                    + " the target");
        }
    }

    public static TrainingData load(DatasetVersion version, TrainingSpec spec, Consumer<String> log) {
        checkTarget(version, spec);
        List<Column> inputs = version.schema().columns().stream()
                .filter(c -> !c.name().equals(spec.target())).toList();
        List<Row> train;
        List<Row> valid;
        if (spec.validationSplit() > 0) {
            var split = version.split(1.0 - spec.validationSplit(), spec.seed());
            train = collect(split.train().rows(), spec.target());
            valid = collect(split.test().rows(), spec.target());
        } else {
            train = collect(version.rows(), spec.target());
            valid = train;
        }
        if (train.isEmpty()) {
            throw new InvalidInputException("dataset", version.datasetName(), "has no rows to train on"
                    + (spec.target() == null ? "" : " with a value in " + spec.target()));
        }
        log.accept("data: " + train.size() + " training rows, " + (valid == train ? "no held-out rows"
                : valid.size() + " validation rows") + ", " + inputs.size() + " input columns");
        FeatureEncoder features = FeatureEncoder.fit(train, inputs);
        TargetEncoder target = fitTarget(spec, train);
        if (spec.task() == Task.CLASSIFICATION && target.labels().size() < 2) {
            throw new InvalidInputException("target", spec.target(), "has only one label " + target.labels()
                    + " in the training rows; classification needs at least two");
        }
        double[][] trainX = encodeX(features, train);
        double[] trainY = encodeY(spec, target, train);
        boolean heldOut = valid != train;
        return new TrainingData(spec.task(), features, target, trainX, trainY,
                heldOut ? encodeX(features, valid) : trainX, heldOut ? encodeY(spec, target, valid) : trainY, heldOut);
    }

    private static List<Row> collect(Stream<Row> rows, String target) {
        try (rows) {
            return target == null ? rows.toList() : rows.filter(r -> r.get(target) != null).toList();
        }
    }

    private static TargetEncoder fitTarget(TrainingSpec spec, List<Row> train) {
        if (spec.task() == Task.CLASSIFICATION) {
            return TargetEncoder.classification(spec.target(), train.stream().map(r -> r.get(spec.target())).toList());
        }
        if (spec.task() == Task.REGRESSION) {
            return TargetEncoder.regression(spec.target(), train.stream()
                    .mapToDouble(r -> r.getDouble(spec.target())).toArray());
        }
        return null;
    }

    private static double[][] encodeX(FeatureEncoder features, List<Row> rows) {
        double[][] x = new double[rows.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = features.encode(rows.get(i));
        }
        return x;
    }

    private static double[] encodeY(TrainingSpec spec, TargetEncoder target, List<Row> rows) {
        if (target == null) {
            return new double[0];
        }
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            Row r = rows.get(i);
            if (spec.task() == Task.CLASSIFICATION) {
                y[i] = target.labelIndex(r.get(spec.target())); // -1: a label training never saw
            } else {
                y[i] = target.encodeValue(r.getDouble(spec.target()));
            }
        }
        return y;
    }
}
