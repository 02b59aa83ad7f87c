package org.backpropstudio.engine;

/** The function the network learns to fit, {@code y = f(x)}: a built-in one or a typed expression. */
public interface Target {

    double value(double x);

    /** How it reads in a caption, e.g. {@code sin x}. */
    String formula();

    /** Its name in files ({@code sin}; {@code expression} for a typed one). */
    String wireName();

    /**
     * What one value costs, in units of about 5 ns (one character of a typed expression, evaluated):
     * making the data is part of what a setup costs.
     */
    default double evaluationCost() {
        return 1;
    }
}
