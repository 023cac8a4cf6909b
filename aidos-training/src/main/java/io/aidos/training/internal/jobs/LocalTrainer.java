package io.aidos.training.internal.jobs;

import io.aidos.api.AlgorithmInfo;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Job;
import io.aidos.api.NotFoundException;
import io.aidos.api.Trainer;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingSpec;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningSpec;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.core.internal.jobs.JobHandler;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobRecord;
import io.aidos.core.internal.jobs.JobWorker;
import io.aidos.spi.Arguments;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.data.DataLoader;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trainer of the embedded backends: validates and stores jobs on the store's queue, and runs this process's
 * worker ({@code AiDosConfig.trainingWorkers()} jobs at a time; none when 0). Closing it stops the worker; jobs it
 * was running are picked up again by any worker once their lease runs out.
 */
public final class LocalTrainer implements Trainer, AutoCloseable {
    /** A worker that stops heartbeating loses its job after this long. */
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofMillis(200);
    static final int MAX_ATTEMPTS = 3;

    private final LocalAiDos aidos;
    private final AlgorithmCatalog catalog;
    private final JobQueue queue;
    private final JobWorker worker;

    public LocalTrainer(LocalAiDos aidos, AlgorithmCatalog catalog, Duration lease) {
        this.aidos = aidos;
        this.catalog = catalog;
        this.queue = new JobQueue(aidos.database());
        int parallelism = aidos.config().trainingWorkers();
        this.worker = parallelism == 0 ? null : new JobWorker(queue, workerId(), handlers(), parallelism, lease, POLL);
    }

    private Map<String, JobHandler> handlers() {
        TrainingHandler training = new TrainingHandler(aidos, catalog);
        return Map.of(TrainingHandler.KIND, training);
    }

    private static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public TrainingJob submit(TrainingSpec spec) {
        TrainingSpec pinned = validate(spec);
        String id = queue.submit(TrainingHandler.KIND, SpecJson.write(pinned), MAX_ATTEMPTS);
        return new LocalTrainingJob(aidos, queue, id);
    }

    /** Checks algorithm, task, params and columns, and pins the dataset version; nothing is stored on error. */
    TrainingSpec validate(TrainingSpec spec) {
        Arguments.notNull("spec", spec);
        var dataset = aidos.datasets().get(spec.dataset());
        DatasetVersion version = spec.datasetVersion() == 0 ? dataset.latest() : dataset.version(spec.datasetVersion());
        TrainingSpec decided = spec.task() != null ? spec : spec.withTask(DataLoader.inferTask(version,
                spec.target()));
        Algorithm algorithm = catalog.get(decided.algorithm(), decided.task());
        Params.validate(decided.algorithm(), algorithm.info().params(), decided.params());
        DataLoader.checkTarget(version, decided);
        return decided.withDatasetVersion(version.version());
    }

    @Override
    public TuningJob submit(TuningSpec spec) {
        throw new io.aidos.api.BackendUnavailableException("hyperparameter tuning is not built yet");
    }

    @Override
    public TrainingJob job(String id) {
        JobRecord r = find(id);
        if (!r.kind().equals(TrainingHandler.KIND)) {
            throw new InvalidInputException("job", id, "is a " + r.kind() + " job, not a training job");
        }
        return new LocalTrainingJob(aidos, queue, id);
    }

    @Override
    public TuningJob tuningJob(String id) {
        find(id);
        throw new InvalidInputException("job", id, "is not a tuning job");
    }

    private JobRecord find(String id) {
        Arguments.identifier("job id", id);
        return queue.find(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    @Override
    public List<Job> jobs(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("limit", limit, "must be between 1 and 10000");
        }
        List<Job> out = new ArrayList<>();
        for (JobRecord r : queue.list(limit)) {
            if (r.kind().equals(TrainingHandler.KIND)) {
                out.add(new LocalTrainingJob(aidos, queue, r.id()));
            }
        }
        return out;
    }

    @Override
    public List<AlgorithmInfo> algorithms() {
        return catalog.infos();
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
