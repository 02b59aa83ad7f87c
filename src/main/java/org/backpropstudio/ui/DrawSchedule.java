package org.backpropstudio.ui;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.backpropstudio.training.Snapshot;

/**
 * Which canvas draws in which frame: at most one per frame, of those with a snapshot still to
 * draw (the fast one every frame, the loss charts at most 20 times a second, the slow ones, the
 * diagram and its kin, 10), the one drawn longest ago. The software renderer then never has all
 * of them to rasterize in one frame, which kept the UI thread waiting for it over 100 ms under
 * bursts of edits; the fit (or the plane) still follows training at 20 frames a second or more.
 */
final class DrawSchedule {

    /** The loss charts and the slow views change little between frames: redrawn at most this often. */
    static final long LOSS_INTERVAL_NS = 50_000_000L;
    static final long SLOW_INTERVAL_NS = 100_000_000L;

    private final Consumer<Snapshot> fast;
    private final Consumer<Snapshot> loss;
    private final Consumer<Snapshot> slow;
    private final LongSupplier slowInterval;
    private final LongConsumer idle;
    private long fastDrawn;
    private long lossDrawn;
    private long slowDrawn;
    /** The newest snapshot each has not drawn yet (null: none). */
    private Snapshot fastDue;
    private Snapshot lossDue;
    private Snapshot slowDue;

    /**
     * @param slowInterval the slow views' interval now (the diagram's grows with its connections)
     * @param idle         a frame with nothing due (the fit's slow-motion glide), given the time
     */
    DrawSchedule(Consumer<Snapshot> fast, Consumer<Snapshot> loss, Consumer<Snapshot> slow, LongSupplier slowInterval,
                 LongConsumer idle) {
        this.fast = fast;
        this.loss = loss;
        this.slow = slow;
        this.slowInterval = slowInterval;
        this.idle = idle;
    }

    /** A new snapshot for all of them to draw. */
    void offer(Snapshot s) {
        fastDue = s;
        lossDue = s;
        slowDue = s;
    }

    /** Draws at most one of them (see the class). Called every frame. */
    void drawDue(long now) {
        boolean fit = fastDue != null;
        boolean losses = lossDue != null && now - lossDrawn >= LOSS_INTERVAL_NS;
        boolean net = slowDue != null && now - slowDrawn >= slowInterval.getAsLong();
        if (net && (!fit || slowDrawn <= fastDrawn) && (!losses || slowDrawn <= lossDrawn)) {
            slow.accept(slowDue);
            slowDue = null;
            slowDrawn = now;
        } else if (losses && (!fit || lossDrawn <= fastDrawn)) {
            loss.accept(lossDue);
            lossDue = null;
            lossDrawn = now;
        } else if (fit) {
            fast.accept(fastDue);
            fastDue = null;
            fastDrawn = now;
        } else {
            idle.accept(now);
        }
    }
}
