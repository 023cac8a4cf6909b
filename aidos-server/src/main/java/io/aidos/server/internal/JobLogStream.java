package io.aidos.server.internal;

import io.aidos.api.Job;
import io.aidos.api.LogLine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.function.Function;

/**
 * A job's log as Server-Sent Events: every stored line as event {@code log} (data = the line, id = its sequence
 * number, so {@code Last-Event-ID} resumes), new lines as they are written, then event {@code end} with the final
 * status. Polls the store every 50 to 250 ms while the job runs; stops when the client goes away.
 */
final class JobLogStream {
    private final Function<Context, Job> jobs;

    JobLogStream(Function<Context, Job> jobs) {
        this.jobs = jobs;
    }

    Handler handler() {
        // Resolve the job before switching to SSE, so an unknown job is a plain 404 JSON error.
        SseHandler sse = new SseHandler(this::follow);
        return ctx -> {
            ctx.attribute("aidos.job", jobs.apply(ctx));
            sse.handle(ctx);
        };
    }

    private void follow(SseClient client) {
        Job job = client.ctx().attribute("aidos.job");
        long seq = startSeq(client.ctx());
        long pause = 50;
        try {
            while (!client.terminated()) {
                boolean finalBefore = job.status().isFinal(); // read first: no line can be missed after it
                List<LogLine> lines = job.logLines(seq);
                for (LogLine line : lines) {
                    client.sendEvent("log", line.line(), Long.toString(line.seq()));
                    seq = line.seq();
                }
                if (lines.isEmpty()) {
                    if (finalBefore) {
                        client.sendEvent("end", job.status().name());
                        break;
                    }
                    Thread.sleep(pause);
                    pause = Math.min(250, pause * 2);
                } else {
                    pause = 50;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private static long startSeq(Context ctx) {
        String last = ctx.header("Last-Event-ID");
        String after = last != null ? last : ctx.queryParam("after");
        try {
            return after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
