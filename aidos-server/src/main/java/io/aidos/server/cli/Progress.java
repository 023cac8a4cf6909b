package io.aidos.server.cli;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-line progress display on the error stream (so stdout stays clean for pipes and JSON): a bar from
 * {@code epoch k/N} log lines, else the elapsed time. Off for JSON output.
 */
final class Progress {
    private static final Pattern EPOCH = Pattern.compile("^epoch (\\d+)/(\\d+)\\b.*");
    private static final int BAR = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private boolean drawn;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Updates the bar from a job log line; returns true if the line was an epoch line. */
    boolean fromLogLine(String line) {
        Matcher m = EPOCH.matcher(line);
        if (!m.matches()) {
            return false;
        }
        show(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), "epochs");
        return true;
    }

    void show(long done, long total, String unit) {
        if (!enabled || total <= 0) {
            return;
        }
        int filled = (int) Math.min(BAR, BAR * done / total);
        err.printf("\r[%s%s] %d/%d %s, %.1f s", "#".repeat(filled), ".".repeat(BAR - filled), done, total, unit,
                (System.nanoTime() - started) / 1e9);
        err.flush();
        drawn = true;
    }

    void showElapsed(String what) {
        if (!enabled) {
            return;
        }
        err.printf("\r%s... %.1f s", what, (System.nanoTime() - started) / 1e9);
        err.flush();
        drawn = true;
    }

    /** Ends the progress line so normal output starts on a fresh line. */
    void done() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
