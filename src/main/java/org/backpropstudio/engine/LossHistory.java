package org.backpropstudio.engine;

import java.util.Arrays;

/** Per-epoch train and test losses in growable primitive arrays; epoch e is at index e − 1. */
public final class LossHistory {

    private double[] train = new double[64];
    private double[] test = new double[64];
    private int size;

    public void add(EpochResult r) {
        if (size == train.length) {
            train = Arrays.copyOf(train, size * 2);
            test = Arrays.copyOf(test, size * 2);
        }
        train[size] = r.trainLoss();
        test[size] = r.testLoss();
        size++;
    }

    public int size() {
        return size;
    }

    public double trainLoss(int index) {
        return train[java.util.Objects.checkIndex(index, size)];
    }

    public double testLoss(int index) {
        return test[java.util.Objects.checkIndex(index, size)];
    }
}
