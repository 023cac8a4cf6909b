package io.aidos.server.cli;

import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.api.DeploymentDraft;
import io.aidos.api.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aidos deploy NAME --model M --version V [--replicas N | --autoscale MIN:MAX]}: starts a deployment and
 * prints it once every replica is ready. With {@code --server} it runs in the server; on a local store it is stored
 * as running and served by whichever process next holds the store (e.g. {@code aidos server}).
 */
@Command(name = "deploy", description = "Deploy a registered model behind an HTTP inference endpoint.")
final class DeployCommand implements Runnable {
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;
    @Parameters(description = "Deployment name.")
    String name;
    @Option(names = "--model", required = true, description = "Registered model name.")
    String model;
    @Option(names = "--version", required = true, description = "Version number or alias, e.g. 3 or production.")
    String version;
    @Option(names = "--replicas", description = "A fixed number of replicas (default 1).")
    Integer replicas;
    @Option(names = "--autoscale", description = "MIN:MAX replicas, scaled on in-flight requests.")
    String autoscale;
    @Option(names = "--max-concurrency", description = "Requests one replica works on at once (default 4).")
    Integer maxConcurrency;
    @Option(names = "--queue-capacity", description = "Requests that may wait per replica (default 256).")
    Integer queueCapacity;

    @Override
    public void run() {
        try (AiDos aidos = connection.open()) {
            DeploymentDraft draft = aidos.deployer().deploy(name).model(model, version);
            if (replicas != null) {
                draft.replicas(replicas);
            }
            if (autoscale != null) {
                int[] range = range(autoscale);
                draft.autoscale(range[0], range[1]);
            }
            if (maxConcurrency != null) {
                draft.maxConcurrency(maxConcurrency);
            }
            if (queueCapacity != null) {
                draft.queueCapacity(queueCapacity);
            }
            Deployment d = draft.start();
            DeploymentsCommand.print(spec, connection, d);
            if (connection.server == null) {
                spec.commandLine().getErr().println("note: this command's process serves " + name + " only until"
                        + " it exits; it is stored as running, and `aidos server --store " + aidos.uri()
                        + "` serves it from its start");
            }
        }
    }

    static int[] range(String minMax) {
        String[] parts = minMax.split(":", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new InvalidInputException("--autoscale", minMax, "must be MIN:MAX, e.g. 1:4");
    }
}
