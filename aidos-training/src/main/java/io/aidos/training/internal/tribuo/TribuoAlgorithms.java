package io.aidos.training.internal.tribuo;

import io.aidos.api.AlgorithmInfo;
import io.aidos.api.ParamInfo;
import io.aidos.api.Task;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.Params;
import org.tribuo.Trainer;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

import java.util.List;
import java.util.Set;

import static io.aidos.training.internal.algorithm.ParamSpecs.choiceParam;
import static io.aidos.training.internal.algorithm.ParamSpecs.doubleParam;
import static io.aidos.training.internal.algorithm.ParamSpecs.intParam;
import static io.aidos.training.internal.algorithm.ParamSpecs.optionalDouble;

/** The Tribuo algorithms, their parameters (with ranges) and how each becomes a Tribuo trainer. */
public final class TribuoAlgorithms {
    private static final Set<Task> SUPERVISED = Set.of(Task.CLASSIFICATION, Task.REGRESSION);
    private static final int LOG_INTERVAL = -1; // Tribuo's SGD logging off: progress goes to the job log instead

    private TribuoAlgorithms() {
    }

    public static List<Algorithm> all() {
        return List.of(logisticRegression(), linearSvm(), linearRegression(), cart(), randomForest(), extraTrees(),
                xgboost(), kmeans(), oneClassSvm());
    }

    private static Algorithm of(String name, Set<Task> tasks, boolean onnx, String description,
                                List<ParamInfo> params, TribuoAlgorithm.TrainerFactory factory) {
        return new TribuoAlgorithm(new AlgorithmInfo(name, tasks, "tribuo " + TribuoModel.TRIBUO_VERSION, params,
                onnx, description), factory);
    }

    private static List<ParamInfo> sgdParams(int epochs, double learningRate) {
        return List.of(intParam("epochs", epochs, 1, 100_000, "passes over the training rows"),
                doubleParam("learning_rate", learningRate, 1e-6, 100, "AdaGrad's initial learning rate"),
                intParam("minibatch_size", 1, 1, 1_000_000, "rows per gradient step"));
    }

    static Algorithm logisticRegression() {
        return of("logistic-regression", Set.of(Task.CLASSIFICATION), true,
                "multinomial logistic regression trained by SGD with AdaGrad", sgdParams(20, 1.0),
                (task, p, seed, n) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
                        new AdaGrad(p.getDouble("learning_rate"), 0.1), p.getInt("epochs"), LOG_INTERVAL,
                        p.getInt("minibatch_size"), seed));
    }

    static Algorithm linearSvm() {
        return of("linear-svm", Set.of(Task.CLASSIFICATION), true, "linear support vector machine (LibLinear)",
                List.of(doubleParam("cost", 1.0, 1e-6, 1e6, "inverse regularisation strength"),
                        intParam("max_iterations", 1000, 1, 1_000_000, "solver iterations"),
                        doubleParam("epsilon", 0.1, 1e-9, 10, "stopping tolerance")),
                (task, p, seed, n) -> new LibLinearClassificationTrainer(
                        new LinearClassificationType(LinearClassificationType.LinearType.L2R_L2LOSS_SVC),
                        p.getDouble("cost"), p.getInt("max_iterations"), p.getDouble("epsilon"), seed));
    }

    static Algorithm linearRegression() {
        List<ParamInfo> params = new java.util.ArrayList<>(sgdParams(50, 0.1));
        params.add(choiceParam("solver", "sgd", List.of("sgd", "liblinear"),
                "sgd: squared loss by SGD; liblinear: L2-regularised squared-hinge SVR"));
        params.add(doubleParam("cost", 1.0, 1e-6, 1e6, "liblinear's inverse regularisation strength"));
        return of("linear-regression", Set.of(Task.REGRESSION), true, "linear least-squares regression", params,
                (task, p, seed, n) -> p.getString("solver").equals("liblinear")
                        ? new LibLinearRegressionTrainer(new LinearRegressionType(
                                LinearRegressionType.LinearType.L2R_L2LOSS_SVR), p.getDouble("cost"), 1000, 0.001,
                                0.1, seed)
                        : new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                                new AdaGrad(p.getDouble("learning_rate"), 0.1), p.getInt("epochs"), LOG_INTERVAL,
                                p.getInt("minibatch_size"), seed));
    }

    private static List<ParamInfo> treeParams(int maxDepth) {
        return List.of(intParam("max_depth", maxDepth, 1, 1000, "deepest split"),
                doubleParam("min_child_weight", 5, 0, 1e6, "least weight (rows) in a leaf"));
    }

    static Algorithm cart() {
        return of("cart", SUPERVISED, false, "a single CART decision tree", treeParams(12),
                (task, p, seed, n) -> singleTree(task, p, 1.0f, false, seed));
    }

    private static org.tribuo.common.tree.DecisionTreeTrainer<?> singleTree(Task task, Params p, float featureFraction,
                                                                           boolean randomSplits, long seed) {
        int depth = p.getInt("max_depth");
        float weight = (float) p.getDouble("min_child_weight");
        return task == Task.CLASSIFICATION
                ? new CARTClassificationTrainer(depth, weight, 0.0f, featureFraction, randomSplits, new GiniIndex(),
                        seed)
                : new CARTRegressionTrainer(depth, weight, 0.0f, featureFraction, randomSplits,
                        new MeanSquaredError(), seed);
    }

    private static List<ParamInfo> forestParams() {
        return List.of(intParam("num_trees", 50, 1, 10_000, "trees in the ensemble"),
                intParam("max_depth", 16, 1, 1000, "deepest split"),
                doubleParam("min_child_weight", 2, 0, 1e6, "least weight (rows) in a leaf"),
                doubleParam("feature_fraction", 0.5, 0.01, 0.99, "share of features tried at each split"));
    }

    static Algorithm randomForest() {
        return of("random-forest", SUPERVISED, false, "random forest of CART trees (bagging + feature sampling)",
                forestParams(), (task, p, seed, n) -> ensemble(task, p, seed, false));
    }

    static Algorithm extraTrees() {
        return of("extra-trees", SUPERVISED, false, "extremely randomised trees (random split points)",
                forestParams(), (task, p, seed, n) -> ensemble(task, p, seed, true));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Trainer<?> ensemble(Task task, Params p, long seed, boolean extra) {
        var tree = singleTree(task, p, (float) p.getDouble("feature_fraction"), extra, seed);
        var combiner = task == Task.CLASSIFICATION ? new VotingCombiner() : new AveragingCombiner();
        int trees = p.getInt("num_trees");
        return extra ? new ExtraTreesTrainer(tree, combiner, trees, seed)
                : new RandomForestTrainer(tree, combiner, trees, seed);
    }

    static Algorithm xgboost() {
        return of("xgboost", SUPERVISED, false, "gradient boosted trees (XGBoost)",
                List.of(intParam("num_trees", 50, 1, 10_000, "boosting rounds"),
                        doubleParam("eta", 0.3, 1e-4, 1, "learning rate"),
                        intParam("max_depth", 6, 1, 64, "deepest split"),
                        doubleParam("min_child_weight", 1, 0, 1e6, "least hessian weight in a leaf"),
                        doubleParam("subsample", 1, 0.01, 1, "share of rows per tree"),
                        doubleParam("colsample", 1, 0.01, 1, "share of features per tree"),
                        doubleParam("lambda", 1, 0, 1e6, "L2 regularisation"),
                        doubleParam("gamma", 0, 0, 1e6, "least loss reduction to split"),
                        intParam("threads", 1, 1, 256, "XGBoost threads")),
                (task, p, seed, n) -> task == Task.CLASSIFICATION
                        ? new XGBoostClassificationTrainer(p.getInt("num_trees"), p.getDouble("eta"),
                                p.getDouble("gamma"), p.getInt("max_depth"), p.getDouble("min_child_weight"),
                                p.getDouble("subsample"), p.getDouble("colsample"), p.getDouble("lambda"), 0.0,
                                p.getInt("threads"), true, seed)
                        : new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR,
                                p.getInt("num_trees"), p.getDouble("eta"), p.getDouble("gamma"), p.getInt("max_depth"),
                                p.getDouble("min_child_weight"), p.getDouble("subsample"), p.getDouble("colsample"),
                                p.getDouble("lambda"), 0.0, p.getInt("threads"), true, seed));
    }

    static Algorithm kmeans() {
        return of("kmeans", Set.of(Task.CLUSTERING), false, "k-means with k-means++ initialisation",
                List.of(intParam("k", 3, 1, 10_000, "number of clusters"),
                        intParam("iterations", 100, 1, 100_000, "most Lloyd iterations")),
                (task, p, seed, n) -> new KMeansTrainer(p.getInt("k"), p.getInt("iterations"),
                        KMeansTrainer.Distance.EUCLIDEAN, KMeansTrainer.Initialisation.PLUSPLUS, 1, seed));
    }

    static Algorithm oneClassSvm() {
        return of("one-class-svm", Set.of(Task.ANOMALY_DETECTION), true, "one-class SVM with an RBF kernel (LibSVM)",
                List.of(doubleParam("nu", 0.1, 1e-4, 1, "upper bound on the share of training rows called anomalous"),
                        optionalDouble("gamma", 1e-9, 1e6, "RBF kernel width; default 1 / number of features")),
                (task, p, seed, n) -> {
                    SVMParameters<org.tribuo.anomaly.Event> svm = new SVMParameters<>(
                            new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
                    svm.setNu(p.getDouble("nu"));
                    svm.setGamma(p.has("gamma") ? p.getDouble("gamma") : 1.0 / Math.max(1, n));
                    return new LibSVMAnomalyTrainer(svm, seed);
                });
    }
}
