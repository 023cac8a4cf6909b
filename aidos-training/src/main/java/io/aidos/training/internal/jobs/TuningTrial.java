package io.aidos.training.internal.jobs;

import io.aidos.training.internal.tuning.Observation;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One trial of a tuning job as its coordinator tracks it: the train job it was submitted as, its run once known,
 * its intermediate curve and, once ended, its objective value ({@code NaN} if it failed or has none).
 */
final class TuningTrial {
    final int number;
    final Map<String, Object> params;
    final String jobId;
    String runId;
    boolean ended;
    /** Ended with a final metric and a model: may be the best trial. */
    boolean succeeded;
    boolean stoppedEarly;
    double value = Double.NaN;
    NavigableMap<Long, Double> curve = new TreeMap<>();

    TuningTrial(int number, Map<String, Object> params, String jobId) {
        this.number = number;
        this.params = params;
        this.jobId = jobId;
    }

    Observation observation() {
        return new Observation(number, params, ended ? value : Double.NaN);
    }
}
