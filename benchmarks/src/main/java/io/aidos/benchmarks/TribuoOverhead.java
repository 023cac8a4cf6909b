package io.aidos.benchmarks;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Row;
import io.aidos.api.Task;
import io.aidos.api.TrainingResult;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * AI-DOS training jobs next to calling Tribuo directly with the same rows and parameters, on LetterRecognition
 * (20,000 rows, 16 features, 26 labels; 80% trained). AI-DOS is measured end to end (submit until the result is
 * back: reading the rows from the store, encoding, training, evaluation, model files, ONNX, registration) and as its
 * training step alone (the run's {@code training_seconds}); direct Tribuo is building the dataset from the same rows
 * and {@code train()}. Best of 3 after a warm-up round of each.
 */
final class TribuoOverhead {
    private final Path work;

    TribuoOverhead(Path work) {
        this.work = work;
    }

    List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        Path file = CsvImport.sharedData("LetterRecognition.csv");
        if (file == null) {
            System.err.println("../shared/data/LetterRecognition.csv not found: skipping the Tribuo overhead rows");
            return rows;
        }
        try (AiDos aidos = AiDos.open(AiDosConfig.builder().uri("local:" + work.resolve("tribuo-store")).build())) {
            DatasetVersion data = aidos.datasets().create("letters").fromCsv(file).commit("benchmark");
            List<Row> train = data.split(0.8, 42L).train().rows().toList();
            rows.add(compare(aidos, train, "random-forest", Map.of("num_trees", 50, "max_depth", 16,
                    "min_child_weight", 2, "feature_fraction", 0.5), () -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(16, 2f, 0f, 0.5f, false, new GiniIndex(), 42L),
                    new VotingCombiner(), 50, 42L)));
            rows.add(compare(aidos, train, "logistic-regression", Map.of("epochs", 20, "learning_rate", 1.0,
                    "minibatch_size", 1), () -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 20,
                    -1, 1, 42L)));
        }
        return rows;
    }

    private String[] compare(AiDos aidos, List<Row> train, String algorithm, Map<String, Object> params,
                             Supplier<Trainer<Label>> direct) {
        double bestJob = Double.MAX_VALUE;
        double bestStep = Double.MAX_VALUE;
        double bestDirect = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) { // rep 0 warms up
            long t0 = System.nanoTime();
            TrainingResult r = aidos.trainer().dataset("letters").target("lettr").task(Task.CLASSIFICATION)
                    .algorithm(algorithm).params(params).validationSplit(0.2).seed(42L).submit()
                    .await(Duration.ofMinutes(30));
            double job = (System.nanoTime() - t0) / 1e9;
            double step = r.metrics().get("training_seconds");
            long t1 = System.nanoTime();
            directTrain(train, direct.get());
            double plain = (System.nanoTime() - t1) / 1e9;
            if (rep > 0) {
                bestJob = Math.min(bestJob, job);
                bestStep = Math.min(bestStep, step);
                bestDirect = Math.min(bestDirect, plain);
            }
        }
        return new String[] {"Tribuo " + algorithm + ", LetterRecognition (16,000 rows)",
                String.format("%.2f s job, %.2f s train step", bestJob, bestStep),
                String.format("%.2f s direct Tribuo", bestDirect), Table.ratio(bestDirect, bestStep),
                String.format("overhead: train step %+.1f%%, whole job %+.1f%%", (bestStep / bestDirect - 1) * 100,
                        (bestJob / bestDirect - 1) * 100)};
    }

    private static void directTrain(List<Row> rows, Trainer<Label> trainer) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("direct", factory),
                factory);
        String[] names = rows.get(0).schema().names().stream().filter(n -> !n.equals("lettr")).toArray(String[]::new);
        for (Row r : rows) {
            double[] x = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                x[i] = r.getDouble(names[i]);
            }
            dataset.add(new ArrayExample<>(new Label(r.get("lettr").toString()), names, x));
        }
        trainer.train(dataset);
    }
}
