package io.aidos.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.ModelVersion;
import io.aidos.api.RegisteredModel;
import io.aidos.api.Run;
import io.aidos.api.RunNotFoundException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model registry: versions, aliases, validation of the source artifact. */
public interface RegistryContract extends ContractFixture {

    private Run runWithModel() {
        Run run = aidos().experiments().getOrCreate("registry").startRun();
        run.logArtifact("model", "weights".getBytes());
        run.logArtifact("bundle/a.bin", "a".getBytes());
        run.logArtifact("bundle/b.bin", "b".getBytes());
        run.close();
        return run;
    }

    @Test
    default void registersVersionsAndMovesAliases() {
        Run run = runWithModel();
        ModelVersion v1 = aidos().models().register("iris", run.id(), "model");
        ModelVersion v2 = aidos().models().register("iris", run.id(), "bundle");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.runId()).isEqualTo(run.id());
        assertThat(v2.artifactPath()).isEqualTo("bundle");

        RegisteredModel m = aidos().models().get("iris");
        assertThat(m.versions()).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(m.version(1).artifactPath()).isEqualTo("model");
        assertThat(m.latestVersion().version()).isEqualTo(2);
        m.setAlias("production", v1.version());
        assertThat(m.byAlias("production").version()).isEqualTo(1);
        m.setAlias("production", 2);
        m.setAlias("staging", 1);
        assertThat(aidos().models().get("iris").byAlias("production").version()).isEqualTo(2);
        assertThat(m.aliases()).isEqualTo(Map.of("production", 2, "staging", 1));
        m.deleteAlias("staging");
        assertThatThrownBy(() -> m.byAlias("staging")).isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> m.setAlias("canary", 7)).isInstanceOf(ModelNotFoundException.class);
        assertThatThrownBy(() -> m.version(7)).isInstanceOf(ModelNotFoundException.class);
        assertThat(aidos().models().list()).extracting(RegisteredModel::name).containsExactly("iris");
        assertThat(aidos().models().exists("iris")).isTrue();
    }

    @Test
    default void registrationNeedsARealRunAndArtifact() {
        Run run = runWithModel();
        assertThatThrownBy(() -> aidos().models().register("iris", run.id(), "missing"))
                .isInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> aidos().models().register("iris", run.id(), "bund")) // a prefix, not a folder
                .isInstanceOf(ArtifactNotFoundException.class);
        assertThatThrownBy(() -> aidos().models().register("iris", "0123456789abcdef0123456789abcdef", "model"))
                .isInstanceOf(RunNotFoundException.class);
        assertThat(aidos().models().exists("iris")).isFalse();
        assertThatThrownBy(() -> aidos().models().get("iris")).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    default void registryAndAliasesSurviveReopen() {
        Run run = runWithModel();
        aidos().models().register("iris", run.id(), "model");
        aidos().models().get("iris").setAlias("production", 1);
        reopen();
        assertThat(aidos().models().get("iris").byAlias("production").runId()).isEqualTo(run.id());
    }
}
