package io.aidos.server.internal.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDosConfig;
import io.aidos.api.Experiment;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.api.RunNotFoundException;
import io.aidos.api.RunQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mlflow.api.proto.Service;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.RunsPage;

/**
 * The official MLflow Java client against the MLflow routes, and data crossing between MLflow and the AI-DOS API
 * both ways. Subclasses pick the store (H2, PostgreSQL); one server per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MlflowClientContract {
    MlflowTestServer server;
    MlflowClient client;
    private Path tempDir;

    /** A fresh, empty store whose files go below {@code tempDir}. */
    protected abstract AiDosConfig freshStore(Path tempDir);

    protected void dropStore(AiDosConfig config) {
    }

    private AiDosConfig config;

    @BeforeAll
    void start() throws Exception {
        tempDir = Files.createTempDirectory("aidos-mlflow-test");
        config = freshStore(tempDir);
        server = new MlflowTestServer(config);
        client = new MlflowClient(server.url);
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
            dropStore(config);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void experimentsCreateFindTagRenameDeleteRestore() {
        String name = unique("exp");
        String id = client.createExperiment(name);
        assertThat(client.getExperimentByName(name)).get().extracting(Service.Experiment::getExperimentId)
                .isEqualTo(id);
        assertThat(client.getExperimentByName(unique("missing"))).isEmpty();

        client.setExperimentTag(id, "team", "vision");
        Service.Experiment experiment = client.getExperiment(id);
        assertThat(experiment.getTagsList()).extracting(Service.ExperimentTag::getKey, Service.ExperimentTag::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "vision"));
        assertThat(experiment.getLifecycleStage()).isEqualTo("active");

        String renamed = unique("renamed");
        client.renameExperiment(id, renamed);
        assertThat(client.getExperiment(id).getName()).isEqualTo(renamed);

        client.deleteExperiment(id);
        assertThat(client.getExperiment(id).getLifecycleStage()).isEqualTo("deleted");
        assertThat(names(client.searchExperiments("name = '" + renamed + "'").getItems())).isEmpty();
        assertThat(names(client.searchExperiments("name = '" + renamed + "'", ViewType.DELETED_ONLY, 10, List.of())
                .getItems())).containsExactly(renamed);
        assertThatThrownBy(() -> server.aidos.experiments().get(renamed)).hasMessageContaining("not found");

        client.restoreExperiment(id);
        assertThat(client.getExperiment(id).getLifecycleStage()).isEqualTo("active");
        assertThat(server.aidos.experiments().get(renamed).id()).isEqualTo(id);
    }

    @Test
    void searchExperimentsFiltersOrdersAndPages() {
        String prefix = unique("page");
        for (int i = 0; i < 5; i++) {
            client.createExperiment(prefix + "-" + i);
        }
        var first = client.searchExperiments("name LIKE '" + prefix + "%'", ViewType.ACTIVE_ONLY, 2,
                List.of("name DESC"));
        assertThat(names(first.getItems())).containsExactly(prefix + "-4", prefix + "-3");
        assertThat(first.hasNextPage()).isTrue();
        var second = first.getNextPage();
        var third = second.getNextPage();
        assertThat(names(second.getItems())).containsExactly(prefix + "-2", prefix + "-1");
        assertThat(names(third.getItems())).containsExactly(prefix + "-0");
        assertThat(third.hasNextPage()).isFalse();
    }

    @Test
    void logsParamsMetricsTagsAndBatchesAndEndsRuns() {
        String experimentId = client.createExperiment(unique("log"));
        Service.RunInfo info = client.createRun(experimentId);
        String runId = info.getRunId();
        assertThat(info.getStatus()).isEqualTo(Service.RunStatus.RUNNING);

        client.logParam(runId, "lr", "0.01");
        client.logMetric(runId, "loss", 0.9, 1_000L, 0);
        client.logMetric(runId, "loss", 0.5, 2_000L, 1);
        client.setTag(runId, "team", "nlp");
        client.setTag(runId, "temporary", "x");
        client.deleteTag(runId, "temporary");
        client.logBatch(runId,
                List.of(metric("acc", 0.7, 1), metric("acc", 0.8, 2)),
                List.of(Service.Param.newBuilder().setKey("depth").setValue("6").build()),
                List.of(Service.RunTag.newBuilder().setKey("stage").setValue("dev").build()));
        client.setTerminated(runId, Service.RunStatus.FINISHED, 5_000L);

        Service.Run run = client.getRun(runId);
        assertThat(run.getInfo().getStatus()).isEqualTo(Service.RunStatus.FINISHED);
        assertThat(run.getInfo().getEndTime()).isEqualTo(5_000L);
        Map<String, String> params = run.getData().getParamsList().stream()
                .collect(Collectors.toMap(Service.Param::getKey, Service.Param::getValue));
        assertThat(params).containsEntry("lr", "0.01").containsEntry("depth", "6");
        Map<String, String> tags = run.getData().getTagsList().stream()
                .collect(Collectors.toMap(Service.RunTag::getKey, Service.RunTag::getValue));
        assertThat(tags).containsEntry("team", "nlp").containsEntry("stage", "dev").doesNotContainKey("temporary");
        assertThat(run.getData().getMetricsList()).extracting(Service.Metric::getKey, Service.Metric::getValue,
                Service.Metric::getStep).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("acc", 0.8, 2L),
                org.assertj.core.groups.Tuple.tuple("loss", 0.5, 1L));
        assertThat(client.getMetricHistory(runId, "loss")).extracting(Service.Metric::getValue,
                Service.Metric::getTimestamp).containsExactly(org.assertj.core.groups.Tuple.tuple(0.9, 1_000L),
                org.assertj.core.groups.Tuple.tuple(0.5, 2_000L));
    }

    /**
     * Batches of 1000 points, read back in one page. (Past 25,000 points MLflow answers in pages; the 2.17.2 Java
     * client's getMetricHistory then fails in its own code, appending to an unmodifiable list, against any server.
     * {@link MlflowHttpTest} pages with raw requests.)
     */
    @Test
    void metricHistoryOfBatchedPoints() {
        String runId = client.createRun(client.createExperiment(unique("history"))).getRunId();
        int total = 5_000;
        for (int from = 0; from < total; from += 1000) {
            List<Service.Metric> batch = new ArrayList<>();
            for (int step = from; step < from + 1000; step++) {
                batch.add(metric("loss", 1.0 / (step + 1), step));
            }
            client.logBatch(runId, batch, List.of(), List.of());
        }
        List<Service.Metric> history = client.getMetricHistory(runId, "loss");
        assertThat(history).hasSize(total);
        assertThat(history.get(total - 1).getStep()).isEqualTo(total - 1);
        assertThat(server.aidos.experiments().getRun(runId).metricHistory("loss")).hasSize(total);
    }

    @Test
    void searchRunsWithFilterOrderByAndPaging() {
        String experimentId = client.createExperiment(unique("search"));
        for (int i = 0; i < 5; i++) {
            String runId = client.createRun(experimentId).getRunId();
            client.logMetric(runId, "acc", i / 10.0);
            client.logParam(runId, "model", i % 2 == 0 ? "xgb" : "mlp");
        }
        RunsPage first = client.searchRuns(List.of(experimentId), "metrics.acc >= 0.1 and params.model = 'xgb'",
                ViewType.ACTIVE_ONLY, 1, List.of("metrics.acc DESC"));
        assertThat(accOf(first.getItems())).containsExactly(0.4);
        assertThat(first.hasNextPage()).isTrue();
        var second = first.getNextPage();
        assertThat(accOf(second.getItems())).containsExactly(0.2);
        assertThat(second.hasNextPage()).isFalse();
        assertThat(client.searchRuns(List.of(experimentId), "", ViewType.ACTIVE_ONLY, 10, List.of("metrics.acc ASC"))
                .getItems()).hasSize(5);
    }

    @Test
    void deletedRunsLeaveSearchesAndTheAidosApiUntilRestored() {
        String experimentId = client.createExperiment(unique("delete-run"));
        String runId = client.createRun(experimentId).getRunId();
        client.deleteRun(runId);
        assertThat(client.getRun(runId).getInfo().getLifecycleStage()).isEqualTo("deleted");
        assertThat(client.searchRuns(List.of(experimentId), "")).isEmpty();
        assertThat(client.searchRuns(List.of(experimentId), "", ViewType.DELETED_ONLY)).hasSize(1);
        assertThatThrownBy(() -> server.aidos.experiments().getRun(runId)).isInstanceOf(RunNotFoundException.class);
        client.restoreRun(runId);
        assertThat(client.searchRuns(List.of(experimentId), "")).extracting(Service.RunInfo::getRunId)
                .containsExactly(runId);
        assertThat(server.aidos.experiments().getRun(runId).id()).isEqualTo(runId);
    }

    @Test
    void aidosRunsAreVisibleThroughMlflow() {
        String name = unique("from-aidos");
        Experiment experiment = server.aidos.experiments().create(name);
        String runId;
        try (Run run = experiment.startRun("aidos-run")) {
            runId = run.id();
            run.logParam("algorithm", "xgboost").setTag("owner", "ana");
            run.logMetric("rmse", 3.0, 0).logMetric("rmse", 2.0, 1);
        }
        Service.Experiment seen = client.getExperimentByName(name).orElseThrow();
        assertThat(seen.getExperimentId()).isEqualTo(experiment.id());
        List<Service.RunInfo> runs = client.searchRuns(List.of(experiment.id()), "params.algorithm = 'xgboost'");
        assertThat(runs).extracting(Service.RunInfo::getRunId).containsExactly(runId);
        assertThat(runs.get(0).getRunName()).isEqualTo("aidos-run");
        assertThat(runs.get(0).getStatus()).isEqualTo(Service.RunStatus.FINISHED);
        Service.Run run = client.getRun(runId);
        assertThat(run.getData().getTagsList()).extracting(Service.RunTag::getKey).contains("owner");
        assertThat(client.getMetricHistory(runId, "rmse")).extracting(Service.Metric::getValue).containsExactly(3.0, 2.0);
    }

    @Test
    void mlflowRunsAreVisibleThroughAidos() {
        String name = unique("from-mlflow");
        String experimentId = client.createExperiment(name);
        Service.RunInfo info = client.createRun(Service.CreateRun.newBuilder().setExperimentId(experimentId)
                .setRunName("mlflow-run").setStartTime(1_000L).build());
        client.logParam(info.getRunId(), "optimizer", "adam");
        client.logMetric(info.getRunId(), "acc", 0.5, 1_000L, 0);
        client.logMetric(info.getRunId(), "acc", 0.75, 2_000L, 1);
        client.setTag(info.getRunId(), "team", "ops");
        client.setTerminated(info.getRunId(), Service.RunStatus.FAILED, 3_000L);

        Run run = server.aidos.experiments().getRun(info.getRunId());
        assertThat(run.name()).isEqualTo("mlflow-run");
        assertThat(run.experimentId()).isEqualTo(experimentId);
        assertThat(run.status()).isEqualTo(io.aidos.api.RunStatus.FAILED);
        assertThat(run.endTime().toEpochMilli()).isEqualTo(3_000L);
        assertThat(run.params()).containsEntry("optimizer", "adam");
        assertThat(run.tags()).containsEntry("team", "ops").containsEntry("mlflow.runName", "mlflow-run");
        assertThat(run.metrics()).containsEntry("acc", 0.75);
        assertThat(run.metricHistory("acc")).extracting(MetricPoint::step).containsExactly(0L, 1L);
        assertThat(server.aidos.experiments().searchRuns(RunQuery.in(name).where("metrics.acc > 0.7")))
                .extracting(Run::id).containsExactly(info.getRunId());
    }

    @Test
    void registryThroughTheClientAndBothWays() throws Exception {
        String model = unique("model");
        String runId = client.createRun(client.createExperiment(unique("registry"))).getRunId();
        client.sendPost("registered-models/create", "{\"name\": \"" + model + "\", \"description\": \"first\"}");
        client.sendPost("model-versions/create", "{\"name\": \"" + model + "\", \"source\": \"runs:/" + runId
                + "/model\", \"run_id\": \"" + runId + "\"}");
        client.sendPost("registered-models/alias", "{\"name\": \"" + model + "\", \"alias\": \"prod\", \"version\":"
                + " \"1\"}");

        var registered = client.getRegisteredModel(model);
        assertThat(registered.getDescription()).isEqualTo("first");
        assertThat(registered.getLatestVersionsList()).extracting(v -> v.getVersion()).containsExactly("1");
        var version = client.getModelVersion(model, "1");
        assertThat(version.getRunId()).isEqualTo(runId);
        assertThat(version.getSource()).isEqualTo("runs:/" + runId + "/model");
        assertThat(version.getAliasesList()).containsExactly("prod");
        assertThat(client.getLatestVersions(model)).extracting(v -> v.getVersion()).containsExactly("1");
        assertThat(client.searchModelVersions("name = '" + model + "'").getItems()).hasSize(1);
        assertThat(client.getModelVersionDownloadUri(model, "1")).isEqualTo("runs:/" + runId + "/model");
        assertThat(client.sendGet("registered-models/alias?name=" + model + "&alias=prod")).contains("\"run_id\":\""
                + runId + "\"");

        // MLflow → AI-DOS
        assertThat(server.aidos.models().get(model).byAlias("prod").runId()).isEqualTo(runId);
        assertThat(server.aidos.models().get(model).byAlias("prod").artifactPath()).isEqualTo("model");

        // AI-DOS → MLflow: a registered artifact becomes version 2
        try (Run run = server.aidos.experiments().getRun(runId)) {
            run.logArtifact("model2/weights.bin", new byte[] {1, 2, 3});
        }
        server.aidos.models().register(model, runId, "model2");
        assertThat(client.getLatestVersions(model)).extracting(v -> v.getVersion(), v -> v.getSource())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", "runs:/" + runId + "/model2"));

        client.sendPatch("registered-models/update", "{\"name\": \"" + model + "\", \"description\": \"second\"}");
        assertThat(client.getRegisteredModel(model).getDescription()).isEqualTo("second");
    }

    private static Service.Metric metric(String key, double value, long step) {
        return Service.Metric.newBuilder().setKey(key).setValue(value).setStep(step).setTimestamp(1_000L + step)
                .build();
    }

    private static List<String> names(Iterable<Service.Experiment> experiments) {
        List<String> out = new ArrayList<>();
        experiments.forEach(e -> out.add(e.getName()));
        return out;
    }

    private static List<Double> accOf(Iterable<Service.Run> page) {
        List<Service.Run> runs = new ArrayList<>();
        page.forEach(runs::add);
        return runs.stream().map(r -> r.getData().getMetricsList().stream().filter(m -> m.getKey().equals("acc"))
                .findFirst().orElseThrow().getValue()).toList();
    }
}
