package org.backpropstudio.training;


import org.backpropstudio.i18n.Messages;

/**
 * What just happened in the training service, as a typed value in each {@link Snapshot}: the
 * view model acts on its kind (a refused change puts the editor back to what runs; edited samples
 * reach the editor's data), never on the words, and the status bar shows {@link #text()}, worded
 * when asked, in the language of that moment. A new occurrence is a new object, so "the same
 * event as in the last snapshot" is identity.
 */
public sealed interface ServiceEvent {

    /** The words for the status bar, in the current language ("" for {@link Quiet}). */
    String text();

    /** Nothing to say: training started, or no event yet. */
    record Quiet() implements ServiceEvent {
        @Override
        public String text() {
            return "";
        }
    }

    /** A command was refused: nothing changed. */
    record Refused(String reason) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.notApplied", reason);
        }
    }

    /** A network was loaded from a file (its architecture may differ from the editor's). */
    record Loaded(String source, String network) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.loaded", source + ": " + network + ".");
        }
    }

    /** Points were clicked in or removed on the fit chart. */
    record SamplesEdited(String what, int train, int test) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text(train == 0 ? "service.pointsNone" : "service.pointsEdited", what, train, test);
        }
    }

    /** A saved run was reopened where it was saved. */
    record Restored(int epoch) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.restored", Messages.integer(epoch));
        }
    }

    /** The weights started again from the seed, for the reason given (worded by the service). */
    record Restarted(String why) implements ServiceEvent {
        @Override
        public String text() {
            return why;
        }
    }

    /** A live change was applied and marked on the loss chart with this label. */
    record Marked(String label) implements ServiceEvent {
        @Override
        public String text() {
            return label;
        }
    }

    /** The run reached its epoch limit. */
    record Finished(int epochs) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.finished", Messages.integer(epochs));
        }
    }

    /** Play was pressed at the epoch limit. */
    record LimitReached(int epochs) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.limitReached", Messages.integer(epochs));
        }
    }

    /** Play or Step was pressed after a run of a given number of steps took them all. */
    record StepLimitReached(long steps) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.stepLimitReached", Messages.integer(steps));
        }
    }

    /**
     * The loss diverged: no longer a number (worst NaN), or exploded from {@code start} to
     * {@code worst}.
     */
    record Diverged(double worst, double start) implements ServiceEvent {
        @Override
        public String text() {
            return Double.isNaN(worst) ? Messages.text("service.lossNaN")
                    : Messages.text("service.lossExploded", org.backpropstudio.i18n.NumberText.plain(worst), org.backpropstudio.i18n.NumberText.plain(start));
        }
    }

    /** Play or Step was pressed after a divergence. */
    record StillDiverged() implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.divergedHint");
        }
    }

    /** Play was pressed with no training points. */
    record NoTrainingPoints() implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.noTrainingPoints");
        }
    }

    /** A gradient check was asked for with no samples. */
    record NoSamplesToCheck() implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.noSamplesToCheck");
        }
    }

    /** A gradient check ran (its report is in the snapshot). */
    record GradientsChecked(boolean passed) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text(passed ? "service.gradcheckPassed" : "service.gradcheckFailed");
        }
    }

    /** A point was to be removed, but there are none. */
    record NoPointsToRemove() implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.noPointsToRemove");
        }
    }

    /** The training thread met a defect of ours and paused. */
    record InternalError(String what) implements ServiceEvent {
        @Override
        public String text() {
            return Messages.text("service.internalError", what);
        }
    }

    /** No event: the first snapshot's. */
    ServiceEvent QUIET = new Quiet();
}
