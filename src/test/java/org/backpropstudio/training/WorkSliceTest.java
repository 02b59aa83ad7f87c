package org.backpropstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkSliceTest {

    /** Units of the given cost (ns) on a clock that moves only by them. */
    private static final class Work {
        long now;
        long unitNs;
        int looks;
        final WorkSlice slice = new WorkSlice(() -> {
            looks++;
            return now;
        });

        /** Units done until the slice is over. */
        int slice(long sliceNs) {
            slice.begin(now);
            int units = 0;
            do {
                now += unitNs;
                units++;
            } while (!slice.overAfterUnit(sliceNs));
            return units;
        }
    }

    @Test
    void quickUnitsAreTimedAFewAtATimeAndTheSliceEndsNearItsTime() {
        Work w = new Work();
        w.unitNs = 1_000;
        int first = w.slice(10_000_000);
        assertThat(w.slice.unitsPerLook()).isEqualTo(WorkSlice.MOST_UNITS);
        w.looks = 0;
        int second = w.slice(10_000_000);
        assertThat(second).as("10 ms of 1 µs units, overrun by at most one gap").isBetween(10_000, 10_000 + 64);
        assertThat(w.looks).isEqualTo((second + WorkSlice.MOST_UNITS - 1) / WorkSlice.MOST_UNITS);
        assertThat(first).isBetween(10_000, 10_000 + 64);
    }

    @Test
    void slowUnitsAreTimedOneByOne() {
        Work w = new Work();
        w.unitNs = 1_000_000;
        assertThat(w.slice(10_000_000)).isEqualTo(10);
        assertThat(w.slice.unitsPerLook()).isEqualTo(1);
    }

    @Test
    void unitsThatGrowSlowerAreLookedAtMoreOftenAgain() {
        Work w = new Work();
        w.unitNs = 1_000;
        w.slice(10_000_000);
        w.unitNs = 100_000; // a resized layer, with no command to say so
        int units = w.slice(10_000_000);
        assertThat(units).as("overran by at most the 64 units of the first gap").isLessThanOrEqualTo(100 + 64);
        assertThat(w.slice.unitsPerLook()).isEqualTo(1);
    }

    @Test
    void aCommandStartsTheLearningAgain() {
        Work w = new Work();
        w.unitNs = 1_000;
        w.slice(10_000_000);
        w.slice.relearn();
        w.unitNs = 2_000_000;
        assertThat(w.slice(10_000_000)).as("a look after every slow unit").isEqualTo(5);
    }
}
