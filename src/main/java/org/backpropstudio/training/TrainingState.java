package org.backpropstudio.training;

/** What the training service is doing. */
public enum TrainingState {
    PAUSED("Paused"),
    TRAINING("Training"),
    FINISHED("Finished"),
    DIVERGED("Diverged");

    private final String label;

    TrainingState(String label) {
        this.label = label;
    }

    /** How the status bar says it. */
    public String label() {
        return label;
    }
}
