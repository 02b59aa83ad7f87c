package org.backpropstudio.training;

import java.util.function.LongSupplier;

/**
 * Says when a slice of the training thread's work has used its time, looking at the clock only
 * every so many units of work. A per-sample step takes about a microsecond and a look at the clock
 * some tens of nanoseconds on these machines (a twentieth of the training thread's time when it was
 * read after every step). So while the units between two looks are quick the looks grow sparser,
 * twice as far apart each time, and when they are slow (a large batch, an evaluation chunk, a cold
 * JIT) there is a look after every unit again. A slice overruns its time by one gap between looks: about
 * {@link #DENSER_NS}, or at most {@link #MOST_UNITS} units when the units suddenly grew slower.
 * What changes the units' cost (a command applied: a resized layer, another setup) starts the
 * learning again from one unit per look.
 */
final class WorkSlice {

    /** Looks closer together than this (ns) are twice as far apart from then on. */
    static final long SPARSER_NS = 50_000L;
    /** Looks further apart than this (ns) come after every unit from then on. */
    static final long DENSER_NS = 200_000L;
    /**
     * The most units between two looks: a microsecond's step then costs a look per 64 µs, a
     * thousandth of it, and an evaluation chunk among quick steps is no more than 64 times slower.
     */
    static final int MOST_UNITS = 64;

    private final LongSupplier clock;
    /** Units between two looks: learnt from one slice to the next. */
    private int unitsPerLook = 1;
    private int unitsSinceLook;
    private long start;
    private long lastLook;

    WorkSlice(LongSupplier clock) {
        this.clock = clock;
    }

    /** Begins a slice at the given time (as the clock reads). */
    void begin(long now) {
        start = now;
        lastLook = now;
        unitsSinceLook = 0;
    }

    /**
     * Counts one unit of work done; true when the slice's time is over, as far as the clock was
     * looked at.
     */
    boolean overAfterUnit(long sliceNs) {
        if (++unitsSinceLook < unitsPerLook) {
            return false;
        }
        unitsSinceLook = 0;
        long now = clock.getAsLong();
        long gap = now - lastLook;
        lastLook = now;
        if (gap < SPARSER_NS && unitsPerLook < MOST_UNITS) {
            unitsPerLook *= 2;
        } else if (gap > DENSER_NS) {
            unitsPerLook = 1;
        }
        return now - start >= sliceNs;
    }

    /** The units may cost something else from now on: one look per unit again, then learnt anew. */
    void relearn() {
        unitsPerLook = 1;
    }

    /** Units of work between two looks at the clock, as learnt so far. */
    int unitsPerLook() {
        return unitsPerLook;
    }
}
