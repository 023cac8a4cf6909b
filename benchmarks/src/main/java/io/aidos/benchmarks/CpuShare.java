package io.aidos.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cores other processes kept busy while a measurement ran: the machine's busy time (Linux
 * {@code /proc/stat}) less this JVM's CPU time, over the wall time. NaN where {@code /proc/stat} cannot be read.
 * On a shared 2-core machine this says how much a figure was squeezed by someone else's build.
 */
final class CpuShare {
    private static final Path STAT = Path.of("/proc/stat");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long wallStart;
    private final double busyStart;
    private final long processStart;

    private CpuShare(long wallStart, double busyStart, long processStart) {
        this.wallStart = wallStart;
        this.busyStart = busyStart;
        this.processStart = processStart;
    }

    static CpuShare start() {
        return new CpuShare(System.nanoTime(), machineBusySeconds(), processCpuNanos());
    }

    /** Cores this JVM kept busy since {@link #start()}, on average: on loopback, the server and its load together. */
    double ownCores() {
        return (processCpuNanos() - processStart) / 1e9 / ((System.nanoTime() - wallStart) / 1e9);
    }

    /** Cores busy outside this JVM since {@link #start()}, on average. */
    double otherCores() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double busy = machineBusySeconds() - busyStart;
        double own = (processCpuNanos() - processStart) / 1e9;
        return Math.max(0, (busy - own) / wall);
    }

    /** Seconds all CPUs were busy since boot (user + nice + system + irq + softirq + steal), or NaN. */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(STAT).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
