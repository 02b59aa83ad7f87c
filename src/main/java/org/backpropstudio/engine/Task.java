package org.backpropstudio.engine;

/**
 * What is learned and how it is judged. Each {@link DataSpec} says which task it poses; the
 * compiler finds every place that must handle a new one (sealed).
 */
public sealed interface Task {

    /** Real targets (one per output), judged by the loss alone: a curve over x. */
    record Regression() implements Task {
    }

    /**
     * One of k classes per sample, held as one-hot targets (k outputs): judged by the loss
     * (softmax cross-entropy) and by accuracy, the share of samples whose largest output is at
     * their class. The output layer stays identity; softmax belongs to the loss and the display.
     */
    record Classification(int classes) implements Task {
        /** The fewest and the most classes a classifier may have. */
        public static final int MIN_CLASSES = 2;
        public static final int MAX_CLASSES = 10;

        public Classification {
            if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
                throw new IllegalArgumentException("a classifier needs " + MIN_CLASSES + " to " + MAX_CLASSES
                        + " classes, got " + classes);
            }
        }
    }

    /** The regression task (one value, as it has no parameters). */
    Task REGRESSION = new Regression();
}
