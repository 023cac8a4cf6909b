package io.aidos.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real {@link TrainingWorker} process on the test's class path; its output is kept for messages. */
final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    WorkerProcess(io.aidos.api.AiDosConfig store, long leaseMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Daidos.training.leaseMillis=" + leaseMillis, "-cp",
                System.getProperty("java.class.path"), TrainingWorker.class.getName(), "--store", store.uri()));
        store.artifactRoot().ifPresent(root -> command.addAll(List.of("--artifacts", root.toString())));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "worker-output");
        reader.setDaemon(true);
        reader.start();
    }

    String output() {
        return output.toString();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, the worker's lease simply runs out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the worker stops claiming and shuts down
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
