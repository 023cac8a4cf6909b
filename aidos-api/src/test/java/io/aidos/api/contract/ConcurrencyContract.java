package io.aidos.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.Experiment;
import io.aidos.api.ModelVersion;
import io.aidos.api.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many threads at once lose nothing and never see a half-done state. */
public interface ConcurrencyContract extends ContractFixture {

    private static <T> List<T> inParallel(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void manyThreadsLoggingToManyRunsLoseNothing() throws Exception {
        Experiment exp = aidos().experiments().getOrCreate("concurrent");
        List<Run> runs = List.of(exp.startRun("r0"), exp.startRun("r1"), exp.startRun("r2"), exp.startRun("r3"));
        int perThread = 5_000;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        inParallel(8, () -> {
            int t = next.getAndIncrement();
            for (int i = 0; i < perThread; i++) {
                runs.get((t + i) % runs.size()).logMetric("m" + t, i, i);
            }
            return null;
        });
        runs.forEach(Run::close);
        long total = 0;
        for (Run run : runs) {
            for (int t = 0; t < 8; t++) {
                total += aidos().experiments().getRun(run.id()).metricHistory("m" + t).size();
            }
        }
        assertThat(total).isEqualTo(8L * perThread);
        assertThat(aidos().experiments().getRun(runs.get(0).id()).metricHistory("m0")).hasSize(perThread / 4);
    }

    @Test
    default void racingGetOrCreateAndRegisterAgree() throws Exception {
        Set<String> ids = inParallel(8, () -> aidos().experiments().getOrCreate("race").id())
                .stream().collect(Collectors.toSet());
        assertThat(ids).hasSize(1);

        Run run = aidos().experiments().getOrCreate("race").startRun();
        run.logArtifact("model", "m".getBytes());
        List<Integer> versions = inParallel(6, () -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                mine.add(aidos().models().register("raced", run.id(), "model").version());
            }
            return mine;
        }).stream().flatMap(List::stream).sorted().toList();
        assertThat(versions).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(aidos().models().get("raced").versions()).extracting(ModelVersion::version).hasSize(30);
    }
}
