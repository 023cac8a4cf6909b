package io.aidos.training.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.ColumnType;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.FeatureEncoder;
import io.aidos.training.internal.data.TargetEncoder;
import io.aidos.training.internal.data.TrainingData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's training context writes each epoch's metrics with one flush, and that flush comes before the epoch's
 * checkpoint is recorded: counted on a real run of a real store through a recording wrapper, with the DJL trainer
 * logging the epochs.
 */
class JobTrainingContextTest {
    @TempDir
    Path temp;
    private AiDos aidos;
    private Run run;
    /** The calls made on the run that write: logMetric(s), flush, logArtifacts, setTag. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        aidos = AiDos.open("local:" + temp.resolve("store"));
        run = aidos.experiments().getOrCreate("epochs").startRun("mlp");
    }

    @AfterEach
    void close() {
        aidos.close();
    }

    /** The run, with its writing calls recorded in {@link #calls}. */
    private Run recorded() {
        return (Run) Proxy.newProxyInstance(Run.class.getClassLoader(), new Class<?>[] {Run.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "logMetric", "logMetrics", "logArtifacts" -> calls.add(method.getName());
                        case "flush" -> calls.add("flush");
                        case "setTag" -> calls.add("setTag " + args[0]);
                        default -> { }
                    }
                    try {
                        return method.invoke(run, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private JobTrainingContext context(List<String> log) throws Exception {
        return new JobTrainingContext(log::add, () -> false, recorded(), 5, Files.createDirectories(
                temp.resolve("scratch")), temp.resolve("cache"));
    }

    @Test
    void anEpochsMetricsAreOneFlushDurableBeforeItsCheckpoint() throws Exception {
        Algorithm mlp = AlgorithmCatalog.standard().get("mlp", Task.REGRESSION);
        Params params = Params.validate("mlp", mlp.info().params(), Map.of("epochs", 4, "checkpoint_every", 2,
                "hidden_units", 8));
        List<String> log = new ArrayList<>();
        try (TrainedModel model = mlp.train(line(200), params, context(log))) {
            assertThat(model.flavor()).isEqualTo("djl");
        }

        List<String> epoch = List.of("logMetrics", "flush");
        List<String> checkpoint = List.of("logArtifacts", "setTag " + JobTrainingContext.CHECKPOINT_TAG);
        List<String> expected = new ArrayList<>();
        for (int e = 1; e <= 4; e++) {
            expected.addAll(epoch);
            if (e % 2 == 0) {
                expected.addAll(checkpoint);
            }
        }
        assertThat(calls).as("one write per epoch, before its checkpoint").isEqualTo(expected);
        for (String name : List.of("train_loss", "val_loss", "val_rmse")) {
            assertThat(run.metricHistory(name)).extracting(MetricPoint::step).containsExactly(1L, 2L, 3L, 4L);
        }
        assertThat(log).contains("checkpoint after epoch 4 stored with run " + run.id());
    }

    @Test
    void aSingleMetricIsWrittenAtOnceToo() throws Exception {
        JobTrainingContext context = context(new ArrayList<>());
        context.logMetric("loss", 0.5, 1);
        Map<String, Double> two = new LinkedHashMap<>();
        two.put("loss", 0.25);
        two.put("accuracy", 0.75);
        context.logMetrics(two, 2);

        assertThat(calls).containsExactly("logMetrics", "flush", "logMetrics", "flush");
        assertThat(run.metricHistory("loss")).extracting(MetricPoint::value).containsExactly(0.5, 0.25);
    }

    /** {@code n} rows of y = 2x - 1 over one feature, the last fifth held out. */
    private static TrainingData line(int n) {
        int train = n * 4 / 5;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i / (double) n};
            y[i] = 2 * x[i][0] - 1;
        }
        FeatureEncoder features = new FeatureEncoder(List.of(new FeatureEncoder.Feature("x", ColumnType.DOUBLE, 0.5,
                0.3, List.of())));
        double[] trainY = Arrays.copyOfRange(y, 0, train);
        return new TrainingData(Task.REGRESSION, features, TargetEncoder.regression("y", trainY),
                Arrays.copyOfRange(x, 0, train), trainY, Arrays.copyOfRange(x, train, n),
                Arrays.copyOfRange(y, train, n), true);
    }
}
