package org.backpropstudio.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a saved network was made: the provenance block of a weights file.
 *
 * @param epoch       epochs trained
 * @param trainLoss   the last epoch's train loss (NaN if unknown)
 * @param testLoss    the last epoch's test loss (NaN if unknown)
 * @param seed        the run's seed
 * @param optimizer   the optimizer's name and hyperparameters, e.g. {@code name=sgd, learningRate=0.1}
 * @param savedAt     ISO-8601 instant
 * @param appVersion  Backprop Studio's version
 * @param javaVersion the Java runtime's version
 */
public record TrainingInfo(long epoch, double trainLoss, double testLoss, long seed, Map<String, Object> optimizer,
                           String savedAt, String appVersion, String javaVersion) {

    public TrainingInfo {
        optimizer = Collections.unmodifiableMap(new LinkedHashMap<>(optimizer));
    }
}
