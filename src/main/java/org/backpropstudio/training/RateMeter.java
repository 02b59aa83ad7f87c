package org.backpropstudio.training;

/** Epochs per second over about the last second. */
final class RateMeter {
    private long windowStart;
    private int inWindow;
    private double lastRate;

    void count(long now) {
        if (inWindow == 0) {
            windowStart = now;
        }
        inWindow++;
        long span = now - windowStart;
        if (span >= 500_000_000L) {
            lastRate = (inWindow - 1) * 1e9 / span;
            windowStart = now;
            inWindow = 1;
        }
    }

    double perSecond(long now) {
        if (inWindow > 1 && lastRate == 0) {
            long span = now - windowStart;
            return span > 0 ? (inWindow - 1) * 1e9 / span : 0;
        }
        return lastRate;
    }
}
