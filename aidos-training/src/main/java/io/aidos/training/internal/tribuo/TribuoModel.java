package io.aidos.training.internal.tribuo;

import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.TrainedModel;
import io.aidos.training.internal.data.TargetEncoder;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.anomaly.Event;
import org.tribuo.classification.Label;
import org.tribuo.clustering.ClusterID;
import org.tribuo.regression.Regressor;

import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Tribuo model behind {@link TrainedModel}; Tribuo models predict thread-safely. */
final class TribuoModel implements TrainedModel {
    static final String FLAVOR = "tribuo";
    static final String FILE = "model.tribuo";
    /** Tree models as Java serialization: see {@link #save}. */
    static final String SERIALIZED_FILE = "model.tribuo.ser";
    /** The ONNX graph's input features and outputs in order: {@code {"inputs": [...], "outputs": [...]}}. */
    static final String ONNX_SIGNATURE_FILE = "onnx-signature.json";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    static final String TRIBUO_VERSION = org.tribuo.Tribuo.VERSION;

    private final Model<?> model;
    private final Task task;
    private final TargetEncoder target;
    private final String[] featureNames;

    TribuoModel(Model<?> model, Task task, TargetEncoder target, List<String> featureNames) {
        this.model = model;
        this.task = task;
        this.target = target;
        this.featureNames = featureNames.toArray(String[]::new);
    }

    Model<?> model() {
        return model;
    }

    @Override
    public String flavor() {
        return FLAVOR;
    }

    @Override
    public Map<String, String> libraryVersions() {
        return Map.of("tribuo", TRIBUO_VERSION);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public double[][] predict(double[][] features) {
        List examples = new ArrayList<>(features.length);
        for (double[] x : features) {
            examples.add(TribuoData.example(task, featureNames, x));
        }
        List<Prediction<?>> predictions = ((Model) model).predict((Iterable<Example>) examples);
        double[][] out = new double[predictions.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = raw(predictions.get(i));
        }
        return out;
    }

    private double[] raw(Prediction<?> p) {
        return switch (task) {
            case CLASSIFICATION -> {
                double[] scores = new double[target.labels().size()];
                Map<String, ? extends org.tribuo.Output<?>> byName = p.getOutputScores();
                for (int i = 0; i < scores.length; i++) {
                    Object label = byName.get(target.labels().get(i));
                    scores[i] = label == null ? 0 : ((Label) label).getScore();
                }
                if (byName.isEmpty()) { // a model without scores still names its label
                    scores[target.labelIndex(((Label) p.getOutput()).getLabel())] = 1;
                }
                yield scores;
            }
            case REGRESSION -> new double[] {((Regressor) p.getOutput()).getValues()[0]};
            case CLUSTERING -> new double[] {((ClusterID) p.getOutput()).getID()};
            case ANOMALY_DETECTION -> {
                Event e = (Event) p.getOutput();
                yield new double[] {-e.getScore(), e.getType() == Event.EventType.ANOMALOUS ? 1 : 0};
            }
        };
    }

    /**
     * Writes Tribuo's protobuf format, except for tree models: their protobuf form stores every leaf's full label
     * distribution with label names and measured 2 s and 3.8 MB per tree on LetterRecognition (a 50-tree forest
     * took 22 s and 160 MB), against 0.09 s and 0.9 MB with Java serialization. Those are read back through a strict
     * class allow-list ({@link TribuoFormat}).
     */
    @Override
    public void save(Path folder) throws IOException {
        if (isTreeModel(model)) {
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(folder.resolve(SERIALIZED_FILE)), 1 << 16))) {
                out.writeObject(model);
            }
        } else {
            model.serializeToFile(folder.resolve(FILE));
        }
    }

    static boolean isTreeModel(Model<?> m) {
        if (m instanceof TreeModel<?>) {
            return true;
        }
        return m instanceof EnsembleModel<?> e && !e.getModels().isEmpty()
                && e.getModels().stream().allMatch(member -> member instanceof TreeModel<?>);
    }

    @Override
    public boolean exportOnnx(Path file) throws IOException {
        if (!(model instanceof ONNXExportable onnx)) {
            return false;
        }
        onnx.saveONNXModel("io.aidos", 1, file);
        // The graph's input is one float vector in Tribuo's feature-id order, not the encoder's slot order, and its
        // output is in Tribuo's output-id order: both are written down for whoever serves the graph.
        var signature = JSON.createObjectNode();
        var inputs = signature.putArray("inputs");
        var featureMap = model.getFeatureIDMap();
        for (int id = 0; id < featureMap.size(); id++) {
            inputs.add(featureMap.get(id).getName());
        }
        var outputs = signature.putArray("outputs");
        var outputInfo = model.getOutputIDInfo();
        for (int id = 0; id < outputInfo.size(); id++) {
            outputs.add(outputInfo.getOutput(id).getSerializableForm(false));
        }
        JSON.writeValue(file.resolveSibling(ONNX_SIGNATURE_FILE).toFile(), signature);
        return true;
    }
}
