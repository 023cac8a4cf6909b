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
import io.aidos.core.internal.OrganizationTrainers;
import io.aidos.core.internal.jobs.JobQueue;
import io.aidos.core.internal.jobs.JobRecord;
import io.aidos.core.internal.jobs.JobWorker;
import io.aidos.spi.Arguments;
import io.aidos.training.internal.algorithm.Algorithm;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import io.aidos.training.internal.algorithm.Params;
import io.aidos.training.internal.data.DataLoader;
import io.aidos.training.internal.tuning.TrialParams;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trainer of the embedded backends: validates and stores jobs on the store's queue, and runs this process's
 * workers (none when {@code AiDosConfig.trainingWorkers()} is 0): one for {@code train} jobs,
 * {@code trainingWorkers()} at a time, and one for {@code tune} jobs, {@value #TUNING_COORDINATORS} at a time. A
 * tuning coordinator waits on its trials for as long as the search lasts, so it must never hold a training slot.
 * Closing it stops the workers; jobs they were running are picked up again by any worker once their lease runs out.
 *
 * <p>The workers run jobs of every organization, each in its organization's view of the store; the trainer of an
 * organization view ({@link #forOrganization}) shares them and submits, finds and lists only its own jobs.
 */
public final class LocalTrainer implements Trainer, OrganizationTrainers, AutoCloseable {
    /** A worker that stops heartbeating loses its job after this long. */
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofMillis(200);
    static final int MAX_ATTEMPTS = 3;
    /** How many tuning jobs one process coordinates at once (they mostly wait). */
    static final int TUNING_COORDINATORS = 2;

    private final LocalAiDos aidos;
    private final AlgorithmCatalog catalog;
    private final JobQueue queue;
    private final JobWorker worker;
    private final JobWorker tuningWorker;

    private final boolean ownsWorkers;

    public LocalTrainer(LocalAiDos aidos, AlgorithmCatalog catalog, Duration lease) {
        this.aidos = aidos;
        this.catalog = catalog;
        JobQueue all = new JobQueue(aidos.database());
        this.queue = all.forOrganization(aidos.organization());
        int parallelism = aidos.config().trainingWorkers();
        String workerId = workerId();
        this.worker = parallelism == 0 ? null : new JobWorker(all, workerId,
                Map.of(TrainingHandler.KIND, new TrainingHandler(aidos, catalog)), parallelism, lease, POLL);
        this.tuningWorker = parallelism == 0 ? null : new JobWorker(all, workerId + "-tune",
                Map.of(TuningHandler.KIND, new TuningHandler(aidos, all, catalog, POLL, this::wakeTrainer)),
                TUNING_COORDINATORS,
                lease, POLL);
        this.ownsWorkers = true;
    }

    private LocalTrainer(LocalTrainer shared, LocalAiDos view) {
        this.aidos = view;
        this.catalog = shared.catalog;
        this.queue = shared.queue.forOrganization(view.organization());
        this.worker = shared.worker;
        this.tuningWorker = shared.tuningWorker;
        this.ownsWorkers = false;
    }

    @Override
    public Trainer forOrganization(LocalAiDos view) {
        return new LocalTrainer(this, view);
    }

    private static String workerId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public TrainingJob submit(TrainingSpec spec) {
        TrainingSpec pinned = validate(spec);
        String id = queue.submit(TrainingHandler.KIND, SpecJson.write(pinned), MAX_ATTEMPTS);
        wakeTrainer();
        return new LocalTrainingJob(aidos, queue, id);
    }

    private void wakeTrainer() {
        if (worker != null) {
            worker.wake();
        }
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

    /**
     * Checks the base spec as {@link #submit(TrainingSpec)} does, and that every searched parameter is one of the
     * algorithm's with its whole range (or every choice) allowed; nothing is stored on error.
     */
    @Override
    public TuningJob submit(TuningSpec spec) {
        Arguments.notNull("spec", spec);
        TrainingSpec base = validate(spec.base());
        TrialParams.check(base.algorithm(), catalog.get(base.algorithm(), base.task()).info().params(), spec.space());
        TuningSpec pinned = new TuningSpec(base, spec.space(), spec.objective(), spec.goal(), spec.maxTrials(),
                spec.parallelism(), spec.strategy(), spec.earlyStopping());
        String id = queue.submit(TuningHandler.KIND, SpecJson.writeTuning(pinned), MAX_ATTEMPTS);
        if (tuningWorker != null) {
            tuningWorker.wake();
        }
        return new LocalTuningJob(aidos, queue, id);
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
        JobRecord r = find(id);
        if (!r.kind().equals(TuningHandler.KIND)) {
            throw new InvalidInputException("job", id, "is a " + r.kind() + " job, not a tuning job");
        }
        return new LocalTuningJob(aidos, queue, id);
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
            } else if (r.kind().equals(TuningHandler.KIND)) {
                out.add(new LocalTuningJob(aidos, queue, r.id()));
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
        if (!ownsWorkers) {
            return;
        }
        if (tuningWorker != null) {
            tuningWorker.close();
        }
        if (worker != null) {
            worker.close();
        }
    }
}
