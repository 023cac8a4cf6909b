package io.aidos.benchmarks;

import java.util.concurrent.locks.LockSupport;

/** Two threads waking each other in turn with {@link LockSupport}: the round trip is two hand-offs between threads. */
final class PingPong {
    private volatile boolean otherTurn;

    private PingPong() {
    }

    /** Microseconds per round trip over {@code rounds} round trips. */
    static double roundTripMicros(int rounds) throws InterruptedException {
        PingPong game = new PingPong();
        Thread caller = Thread.currentThread();
        Thread other = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                while (!game.otherTurn) {
                    LockSupport.park();
                }
                game.otherTurn = false;
                LockSupport.unpark(caller);
            }
        }, "ping-pong");
        other.setDaemon(true);
        other.start();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            game.otherTurn = true;
            LockSupport.unpark(other);
            while (game.otherTurn) {
                LockSupport.park();
            }
        }
        long took = System.nanoTime() - start;
        other.join();
        return took / 1000.0 / rounds;
    }
}
