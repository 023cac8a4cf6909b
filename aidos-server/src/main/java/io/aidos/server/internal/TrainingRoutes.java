package io.aidos.server.internal;

import static io.aidos.server.internal.ApiRoute.get;
import static io.aidos.server.internal.ApiRoute.post;

import io.aidos.api.Job;
import io.aidos.api.NotFoundException;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningResult;
import io.aidos.api.InvalidInputException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training and tuning jobs: submit, list, get, cancel, results (long-polled), logs as JSON and as SSE. */
final class TrainingRoutes {
    private static final String TAG = "training";
    private static final String JOB = "/api/v1/training/jobs/{job_id}";
    private static final String TUNE = "/api/v1/training/tuning-jobs/{job_id}";
    /** Longest a result request waits for a job before answering 408 JOB_TIMEOUT. */
    static final long MAX_WAIT_MS = 30_000;
    private final ServerContext server;

    TrainingRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                get("/api/v1/training/algorithms", TAG, "Algorithms with their tasks and parameters", ctx -> Json.ok(
                        ctx, server.aidos(ctx).trainer().algorithms())),
                get("/api/v1/training/jobs", TAG, "Recent jobs of both kinds, newest first (?limit=, default 100)",
                        ctx -> Json.ok(ctx, server.aidos(ctx).trainer().jobs(Params.intValue("limit",
                                ctx.queryParam("limit"), 100)).stream().map(Views::job).toList())),
                post("/api/v1/training/jobs", TAG, "Submit a training job (a TrainingSpec)", ctx -> Json.respond(ctx,
                        201, Views.job(server.aidos(ctx).trainer().submit(SpecJson.trainingSpec(
                                Json.body(ctx, server.jsonLimit())))))),
                get(JOB, TAG, "Get a job of either kind", ctx -> Json.ok(ctx, Views.job(anyJob(ctx)))),
                post(JOB + "/cancel", TAG, "Cancel a job; answers the status after the request", ctx -> Json.ok(ctx,
                        Map.of("status", anyJob(ctx).cancel()))),
                get(JOB + "/result", TAG, "Wait up to ?wait_ms= (at most 30 s) for a training job's result",
                        this::trainingResult),
                get(JOB + "/logs", TAG, "Stored log lines after ?after= (a sequence number; 0 for all)", ctx ->
                        Json.ok(ctx, anyJob(ctx).logLines(Params.longValue("after", ctx.queryParam("after") == null
                                ? "0" : ctx.queryParam("after"))))),
                new ApiRoute(HandlerType.GET, JOB + "/logs/stream", "Follow the log as Server-Sent Events until the"
                        + " job ends (event 'log' per line with id = seq, then 'end')", TAG, ApiRoute.Body.NONE,
                        ApiRoute.Produces.EVENT_STREAM, false, new JobLogStream(this::anyJob).handler()),
                post("/api/v1/training/tuning-jobs", TAG, "Submit a tuning job (a TuningSpec)", ctx -> Json.respond(
                        ctx, 201, Views.job(server.aidos(ctx).trainer().submit(SpecJson.tuningSpec(
                                Json.body(ctx, server.jsonLimit())))))),
                get(TUNE + "/result", TAG, "Wait up to ?wait_ms= (at most 30 s) for a tuning job's result",
                        this::tuningResult));
    }

    Job anyJob(Context ctx) {
        String id = ctx.pathParam("job_id");
        try {
            return server.aidos(ctx).trainer().job(id);
        } catch (InvalidInputException notTraining) {
            try {
                return server.aidos(ctx).trainer().tuningJob(id);
            } catch (InvalidInputException | NotFoundException e) {
                throw notTraining;
            }
        }
    }

    private static Duration wait(Context ctx) {
        long ms = Params.longValue("wait_ms", ctx.queryParam("wait_ms") == null ? "0" : ctx.queryParam("wait_ms"));
        return Duration.ofMillis(Math.max(1, Math.min(ms, MAX_WAIT_MS)));
    }

    private void trainingResult(Context ctx) {
        TrainingJob job = server.aidos(ctx).trainer().job(ctx.pathParam("job_id"));
        TrainingResult r = job.await(wait(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", r.jobId());
        m.put("metrics", r.metrics());
        m.put("run_id", r.run() == null ? null : r.run().id());
        m.put("model_version", r.modelVersion());
        Json.ok(ctx, m);
    }

    private void tuningResult(Context ctx) {
        TuningJob job = server.aidos(ctx).trainer().tuningJob(ctx.pathParam("job_id"));
        TuningResult r = job.await(wait(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", r.jobId());
        m.put("run_id", r.run() == null ? null : r.run().id());
        m.put("best_run_id", r.bestRun() == null ? null : r.bestRun().id());
        m.put("best_params", r.bestParams());
        m.put("best_value", r.bestValue());
        m.put("trials", r.trials());
        m.put("stopped_early", r.stoppedEarly());
        m.put("model_version", r.modelVersion());
        Json.ok(ctx, m);
    }
}
