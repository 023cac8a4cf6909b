package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.Deployment;
import io.aidos.core.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rollout step, and a stop, under concurrent HTTP load: no request is dropped or fails. */
class RolloutUnderLoadTest {
    private static final String BODY = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\","
            + "\"Petal.Length\",\"Petal.Width\"],\"data\":[[5.1,3.5,1.4,0.2],[6.7,3.0,5.2,2.3]]}}";

    @TempDir
    Path temp;

    @Test
    void rolloutsAndStopDropNothing() throws Exception {
        ServingFixture.trainIris(temp.resolve("store"));
        try (AiDos aidos = ServingFixture.open(temp.resolve("store"))) {
            Deployment d = aidos.deployer().deploy("busy").model("iris", "1").replicas(2).start();
            URI invocations = d.endpoint().resolve("invocations");
            HttpClient http = HttpClient.newHttpClient();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong ok = new AtomicLong();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int c = 0; c < 6; c++) {
                clients.execute(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(invocations)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
            }
            List<Consumer<Deployment>> steps = List.of(
                    x -> x.canary("iris", "2", 30), Deployment::promote,
                    x -> x.canary("iris", "1", 50), Deployment::rollback,
                    x -> x.split(Map.of("1", 50, "2", 50)), x -> x.split(Map.of("1", 100)),
                    x -> x.shadow("iris", "2", 50), x -> x.shadow("iris", "2", 0));
            for (Consumer<Deployment> step : steps) {
                long before = ok.get();
                Await.until("traffic before the next step", Duration.ofSeconds(20), () -> ok.get() > before + 200);
                step.accept(d);
            }
            long before = ok.get();
            Await.until("traffic after the last step", Duration.ofSeconds(20), () -> ok.get() > before + 200);
            assertThat(failures).isEmpty();

            // Stop under load: whatever entered the deployment is answered; later requests get a clean 404.
            d.stop();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).allMatch(f -> f.startsWith("404 ") || f.startsWith("409 "), "clean refusals only");
            assertThat(d.stats().requests()).isEqualTo(ok.get());
            assertThat(d.stats().errors()).isZero();
        }
    }
}
