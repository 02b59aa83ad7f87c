package org.backpropstudio.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * One trainable tensor and its gradient, named as in the exports: {@code W1, b1, W2, ...}.
 *
 * @param name     e.g. {@code W1}
 * @param value    the live parameter matrix
 * @param gradient ∂L/∂value from the last backward pass, same shape
 */
public record Parameter(String name, DMatrixRMaj value, DMatrixRMaj gradient) {
}
