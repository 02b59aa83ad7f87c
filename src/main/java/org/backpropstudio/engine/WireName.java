package org.backpropstudio.engine;

import java.util.Arrays;

/**
 * A constant with the name files and the command line use for it ({@code half_mse},
 * {@code leaky_relu}, {@code sum}). The one place that reads such a name back.
 */
public interface WireName {

    /** The name in files. */
    String wireName();

    /**
     * The constant of {@code type} whose wire name is {@code name}.
     *
     * @param what what the constants are, for the message ("loss", "activation")
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String name, String what) {
        E[] values = type.getEnumConstants();
        for (E e : values) {
            if (e.wireName().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "' (known: "
                + String.join(", ", Arrays.stream(values).map(WireName::wireName).toList()) + ")");
    }
}
