package io.aidos.training.internal.tribuo;

import io.aidos.api.Task;
import io.aidos.training.internal.data.TargetEncoder;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Encoded rows as Tribuo examples and datasets; every example carries all feature slots, zeros included. */
final class TribuoData {
    /** The name of the single regression dimension. */
    static final String TARGET = "target";

    private TribuoData() {
    }

    static OutputFactory<?> factory(Task task) {
        return switch (task) {
            case CLASSIFICATION -> new LabelFactory();
            case REGRESSION -> new RegressionFactory();
            case CLUSTERING -> new ClusteringFactory();
            case ANOMALY_DETECTION -> new AnomalyFactory();
        };
    }

    /** The output of row {@code i} for training; unsupervised tasks get their factory's "unknown" output. */
    static Output<?> output(Task task, TargetEncoder target, double[] y, int i) {
        return switch (task) {
            case CLASSIFICATION -> new Label(target.labels().get((int) y[i]));
            case REGRESSION -> new Regressor(TARGET, y[i]);
            case CLUSTERING -> ClusteringFactory.UNASSIGNED_CLUSTER_ID;
            case ANOMALY_DETECTION -> new Event(Event.EventType.EXPECTED);
        };
    }

    /** The placeholder output of an example to predict. */
    static Output<?> unknown(Task task) {
        return factory(task).getUnknownOutput();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MutableDataset<?> dataset(Task task, TargetEncoder target, String[] names, double[][] x, double[] y,
                                     String source) {
        OutputFactory factory = factory(task);
        MutableDataset dataset = new MutableDataset(new SimpleDataSourceProvenance(source, factory), factory);
        for (int i = 0; i < x.length; i++) {
            dataset.add(new ArrayExample(output(task, target, y, i), names, x[i]));
        }
        return dataset;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Example<?> example(Task task, String[] names, double[] x) {
        return new ArrayExample(unknown(task), names, x);
    }

    static boolean isLabel(Output<?> o) {
        return o instanceof Label;
    }

    static boolean isCluster(Output<?> o) {
        return o instanceof ClusterID;
    }
}
