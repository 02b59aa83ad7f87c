package org.backpropstudio.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NumPy {@code .npy} array of float64 in format version 1.0: the magic {@code \x93NUMPY},
 * version 1.0, a little-endian header length, a header dict
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (in, out), }} padded with spaces to
 * a multiple of 64 bytes and ended by a newline, then the values in C (row-major) order.
 *
 * @param shape the array's shape, e.g. {@code {1, 10}} or {@code {10}}
 * @param data  the values, row-major
 */
public record Npy(int[] shape, double[] data) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '<f8', 'fortran_order': False, 'shape': \\(([0-9, ]*)\\), \\} *\\n");

    public Npy {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got "
                    + data.length);
        }
    }

    /** The header dict as NumPy writes it: {@code (3,)} for one dimension, {@code (3, 4)} for two. */
    static String headerDict(int[] shape) {
        StringBuilder s = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        if (shape.length == 1) {
            s.append(',');
        }
        return s.append("), }").toString();
    }

    /** The file's bytes. */
    public byte[] toBytes() {
        String dict = headerDict(shape);
        // magic (6) + version (2) + length (2) + dict + padding + '\n' is a multiple of 64
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : data) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    /**
     * Reads a float64, C-order, version 1.0 array (what {@link #toBytes()} writes).
     *
     * @throws ImportException naming what is not as expected
     */
    public static Npy fromBytes(byte[] bytes, String name) throws ImportException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new ImportException(name + ": not a .npy array (no \\x93NUMPY magic)");
        }
        if (bytes[6] != 1 || bytes[7] != 0) {
            throw new ImportException(name + ": .npy version " + bytes[6] + "." + bytes[7] + " is not supported (1.0 is)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Short.toUnsignedInt(buf.getShort(8));
        if (10 + headerLength > bytes.length) {
            throw new ImportException(name + ": the header is cut off");
        }
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new ImportException(name + ": expected a little-endian float64 array in C order, header is "
                    + header.trim());
        }
        String dims = m.group(1).trim();
        int[] shape = dims.isEmpty() ? new int[0]
                : Arrays.stream(dims.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                        .mapToInt(Integer::parseInt).toArray();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (10 + headerLength + 8 * n != bytes.length) {
            throw new ImportException(name + ": shape " + Arrays.toString(shape) + " needs " + 8 * n
                    + " bytes of data, the file has " + (bytes.length - 10 - headerLength));
        }
        double[] data = new double[(int) n];
        buf.position(10 + headerLength);
        for (int i = 0; i < n; i++) {
            data[i] = buf.getDouble();
        }
        return new Npy(shape, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Npy other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Npy" + Arrays.toString(shape);
    }
}
