package io.aidos.api;

import io.aidos.spi.Arguments;

import java.time.Duration;

/**
 * How a deployment scales, on Knative's concurrency model: the wanted replica count is the average number of
 * in-flight requests over {@code stableWindow} divided by {@code targetConcurrency}. When the average over the
 * shorter {@code panicWindow} asks for twice the current replicas, it scales up on that at once and does not scale
 * down until the panic is over. A scale-down happens only once no higher count was wanted for {@code scaleDownDelay}
 * (cooldown; Knative's scale-down delay), and drains the replicas it removes.
 */
public record Autoscaling(int min, int max, int targetConcurrency, Duration stableWindow, Duration panicWindow,
                          Duration scaleDownDelay) {
    public static final int DEFAULT_TARGET_CONCURRENCY = 3;
    public static final Duration DEFAULT_STABLE_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PANIC_WINDOW = Duration.ofSeconds(6);
    public static final Duration DEFAULT_SCALE_DOWN_DELAY = Duration.ofSeconds(30);

    public Autoscaling {
        DeploymentSpec.checkReplicas("autoscale min", min);
        DeploymentSpec.checkReplicas("autoscale max", max);
        if (max < min) {
            throw new InvalidInputException("autoscale max", max, "must be >= min " + min);
        }
        DeploymentSpec.checkRange("targetConcurrency", targetConcurrency, 1, 10_000);
        positive("stableWindow", stableWindow);
        positive("panicWindow", panicWindow);
        Arguments.notNull("scaleDownDelay", scaleDownDelay);
        if (scaleDownDelay.isNegative()) {
            throw new InvalidInputException("scaleDownDelay", scaleDownDelay, "must not be negative");
        }
        if (panicWindow.compareTo(stableWindow) > 0) {
            throw new InvalidInputException("panicWindow", panicWindow, "must not be longer than stableWindow "
                    + stableWindow);
        }
    }

    /** Between {@code min} and {@code max} replicas with the default target and windows. */
    public static Autoscaling between(int min, int max) {
        return new Autoscaling(min, max, DEFAULT_TARGET_CONCURRENCY, DEFAULT_STABLE_WINDOW, DEFAULT_PANIC_WINDOW,
                DEFAULT_SCALE_DOWN_DELAY);
    }

    /** Exactly {@code replicas}, never scaled. */
    public static Autoscaling fixed(int replicas) {
        return between(replicas, replicas);
    }

    public boolean enabled() {
        return max > min;
    }

    public Autoscaling withTargetConcurrency(int target) {
        return new Autoscaling(min, max, target, stableWindow, panicWindow, scaleDownDelay);
    }

    public Autoscaling withWindows(Duration stable, Duration panic) {
        return new Autoscaling(min, max, targetConcurrency, stable, panic, scaleDownDelay);
    }

    public Autoscaling withScaleDownDelay(Duration delay) {
        return new Autoscaling(min, max, targetConcurrency, stableWindow, panicWindow, delay);
    }

    private static void positive(String field, Duration d) {
        Arguments.notNull(field, d);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidInputException(field, d, "must be positive");
        }
    }
}
