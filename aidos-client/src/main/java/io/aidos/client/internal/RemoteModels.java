package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.ModelNotFoundException;
import io.aidos.api.ModelVersion;
import io.aidos.api.Models;
import io.aidos.api.Predictor;
import io.aidos.api.RegisteredModel;
import io.aidos.spi.Arguments;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry over HTTP; {@link #load} downloads the model's files and predicts in this process. */
final class RemoteModels implements Models {
    private final Rest rest;
    private final ModelCache cache;

    RemoteModels(Rest rest, Path cacheRoot) {
        this.rest = rest;
        this.cache = new ModelCache(rest, cacheRoot);
    }

    @Override
    public ModelVersion register(String name, String runId, String artifactPath) {
        Arguments.identifier("model name", name);
        Arguments.runId(runId);
        Arguments.artifactPath("artifact path", artifactPath);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", runId);
        body.put("artifact_path", artifactPath);
        return version(rest.post(rest.url("models", name, "versions"), body));
    }

    @Override
    public RegisteredModel get(String name) {
        Arguments.identifier("model name", name);
        return model(rest.get(rest.url("models", name)));
    }

    @Override
    public boolean exists(String name) {
        try {
            get(name);
            return true;
        } catch (ModelNotFoundException e) {
            return false;
        }
    }

    @Override
    public List<RegisteredModel> list() {
        List<RegisteredModel> out = new ArrayList<>();
        rest.get(rest.url("models")).forEach(n -> out.add(model(n)));
        return out;
    }

    @Override
    public Predictor load(String name, String aliasOrVersion) {
        Arguments.identifier("aliasOrVersion", aliasOrVersion);
        RegisteredModel model = get(name);
        ModelVersion version = aliasOrVersion.chars().allMatch(Character::isDigit) && aliasOrVersion.length() < 10
                ? model.version(Integer.parseInt(aliasOrVersion))
                : model.byAlias(aliasOrVersion);
        return load(version);
    }

    @Override
    public Predictor load(ModelVersion version) {
        return cache.load(Arguments.notNull("version", version));
    }

    private RegisteredModel model(JsonNode n) {
        return new RemoteRegisteredModel(rest, n.get("name").asText(), Json.instant(n.get("created_at")));
    }

    static ModelVersion version(JsonNode n) {
        return new ModelVersion(n.get("model_name").asText(), n.get("version").asInt(), n.get("run_id").asText(),
                n.get("artifact_path").asText(), Json.instant(n.get("created_at")));
    }

    /** A registered model on the server; every call reads it. */
    private static final class RemoteRegisteredModel implements RegisteredModel {
        private final Rest rest;
        private final String name;
        private final Instant createdAt;

        RemoteRegisteredModel(Rest rest, String name, Instant createdAt) {
            this.rest = rest;
            this.name = name;
            this.createdAt = createdAt;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Instant createdAt() {
            return createdAt;
        }

        @Override
        public List<ModelVersion> versions() {
            List<ModelVersion> out = new ArrayList<>();
            rest.get(rest.url("models", name, "versions")).forEach(n -> out.add(RemoteModels.version(n)));
            return out;
        }

        @Override
        public ModelVersion version(int number) {
            return RemoteModels.version(rest.get(rest.url("models", name, "versions", Integer.toString(number))));
        }

        @Override
        public ModelVersion latestVersion() {
            return RemoteModels.version(rest.get(rest.url("models", name, "versions", "latest")));
        }

        @Override
        public void setAlias(String alias, int version) {
            Arguments.identifier("alias", alias);
            rest.put(rest.url("models", name, "aliases", alias), Map.of("version", version));
        }

        @Override
        public void deleteAlias(String alias) {
            Arguments.identifier("alias", alias);
            rest.delete(rest.url("models", name, "aliases", alias));
        }

        @Override
        public ModelVersion byAlias(String alias) {
            Arguments.identifier("alias", alias);
            return RemoteModels.version(rest.get(rest.url("models", name, "aliases", alias)));
        }

        @Override
        public Map<String, Integer> aliases() {
            Map<String, Integer> out = new LinkedHashMap<>();
            rest.get(rest.url("models", name, "aliases")).fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
            return out;
        }

        @Override
        public String toString() {
            return "RegisteredModel{" + name + "}";
        }
    }
}
