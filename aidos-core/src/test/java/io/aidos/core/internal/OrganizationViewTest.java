package io.aidos.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Dataset;
import io.aidos.api.Experiment;
import io.aidos.api.NotFoundException;
import io.aidos.api.RegisteredModel;
import io.aidos.api.Run;
import io.aidos.api.RunNotFoundException;
import io.aidos.api.RunQuery;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.tracking.ExperimentCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organization views of one store ({@link LocalAiDos#forOrganization}): each sees and creates only its own
 * datasets, experiments, runs, models and jobs, names are per organization, and a child addressed by id (a run, a
 * job) is not found from another organization. Run on H2 and PostgreSQL.
 */
abstract class OrganizationViewTest {
    @TempDir
    Path temp;
    private AiDosConfig config;
    private LocalAiDos store;
    private LocalAiDos a;
    private LocalAiDos b;

    protected abstract AiDosConfig freshStore(Path tempDir);

    protected void dropStore(AiDosConfig config) {
    }

    @BeforeEach
    void twoOrganizations() {
        config = freshStore(temp).toBuilder().trainingWorkers(0).build();
        store = (LocalAiDos) AiDos.open(config);
        for (String org : List.of("org-a", "org-b")) {
            store.database().update("create organization", "INSERT INTO organizations (id, name, created_at)"
                    + " VALUES (?, ?, 0)", org, org);
        }
        a = store.forOrganization("org-a");
        b = store.forOrganization("org-b");
    }

    @AfterEach
    void close() {
        store.close();
        dropStore(config);
    }

    @Test
    void namesArePerOrganizationAndListsShowOnlyYourOwn() {
        for (LocalAiDos org : List.of(a, b, store)) {
            org.datasets().create("same").fromRows(List.of(Map.of("org", org.organization()))).commit("mine");
            Run run = org.experiments().getOrCreate("same").startRun();
            run.logArtifact("model/file", org.organization().getBytes(StandardCharsets.UTF_8));
            org.models().register("same", run.id(), "model");
        }
        for (LocalAiDos org : List.of(a, b, store)) {
            assertThat(org.datasets().list()).extracting(Dataset::name).containsExactly("same");
            assertThat(org.datasets().get("same").latest().rows().toList().get(0).get("org"))
                    .isEqualTo(org.organization());
            assertThat(org.experiments().list()).hasSize(1);
            Experiment e = org.experiments().get("same");
            assertThat(org.models().list()).extracting(RegisteredModel::name).containsExactly("same");
            assertThat(org.models().get("same").latestVersion().runId()).isEqualTo(e.runs().get(0).id());
            assertThat(org.catalogs().experiments().search(null, null, List.of("active"), 100, 0)).hasSize(1);
            assertThat(org.catalogs().models().search(null, null, 100, 0)).hasSize(1);
            assertThat(org.catalogs().versions().search(null, null, 100, 0)).hasSize(1);
        }
        assertThat(store.forOrganization("local")).isSameAs(store);
        assertThat(store.forOrganization("org-a")).isSameAs(a);
        assertThatThrownBy(() -> store.forOrganization("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void childrenAddressedByIdAreNotFoundFromAnotherOrganization() {
        a.datasets().create("data").fromRows(List.of(Map.of("x", 1L))).commit("a");
        Experiment experiment = a.experiments().getOrCreate("exp");
        Run run = experiment.startRun();
        run.logParam("p", "1").logMetric("loss", 0.5, 1);
        run.logArtifact("model/file", new byte[] {1, 2, 3});
        run.flush();
        a.models().register("model", run.id(), "model");
        long experimentId = Long.parseLong(experiment.id());

        assertThatThrownBy(() -> b.experiments().getRun(run.id())).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> b.datasets().get("data")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.models().get("model")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.models().register("model", run.id(), "model"))
                .isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> b.experiments().searchRuns(RunQuery.in("exp"))).isInstanceOf(NotFoundException.class);
        b.experiments().getOrCreate("exp").startRun();
        assertThat(b.experiments().searchRuns(RunQuery.in("exp"))).extracting(Run::id).doesNotContain(run.id());
        assertThat(b.catalogs().experiments().byId(experimentId)).isEmpty();
        assertThat(b.catalogs().runs().find(run.id())).isEmpty();
        assertThat(b.catalogs().runs().search(List.of(experimentId), "", List.of(), List.of("active"), 100, 0)).isEmpty();
        assertThatThrownBy(() -> b.catalogs().values().params(run.id())).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> b.catalogs().values().history(run.id(), "loss"))
                .isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> b.catalogs().values().setTags(run.id(), Map.of("k", "v")))
                .isInstanceOf(RunNotFoundException.class);
        b.catalogs().models().create("model", null);
        assertThatThrownBy(() -> b.catalogs().versions().create("model", "runs:/" + run.id() + "/model", run.id(),
                null)).isInstanceOf(RunNotFoundException.class);
        assertThatThrownBy(() -> b.models().load(a.models().get("model").version(1)))
                .isInstanceOf(NotFoundException.class);
        // ... while A still reaches all of it
        assertThat(a.experiments().getRun(run.id()).params()).containsEntry("p", "1");
        assertThat(a.catalogs().runs().search(List.of(experimentId), "", List.of(), List.of("active"), 100, 0))
                .hasSize(1);
    }

    @Test
    void mlflowsDefaultExperimentIsPerOrganization() {
        long local = store.catalogs().experiments().defaultId();
        long inB = b.catalogs().experiments().defaultId();
        assertThat(local).isEqualTo(ExperimentCatalog.DEFAULT_ID);
        assertThat(inB).isNotEqualTo(local);
        assertThat(b.catalogs().experiments().defaultId()).isEqualTo(inB);
        assertThat(a.catalogs().experiments().byId(ExperimentCatalog.DEFAULT_ID)).isEmpty();
    }

    @Test
    void jobsAreFoundListedAndCancelledOnlyInTheirOrganization() {
        JobQueue all = new JobQueue(store.database());
        String job = all.forOrganization("org-a").submit("train", "{}", 1);
        assertThat(all.find(job).orElseThrow().orgId()).isEqualTo("org-a");
        assertThat(all.forOrganization("org-a").list(10)).hasSize(1);
        JobQueue inB = all.forOrganization("org-b");
        assertThat(inB.find(job)).isEmpty();
        assertThat(inB.list(10)).isEmpty();
        assertThatThrownBy(() -> inB.cancel(job)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inB.logs(job, 0)).isInstanceOf(NotFoundException.class);
        assertThat(all.find(job).orElseThrow().status().name()).isEqualTo("QUEUED");
    }
}
