/*
 * The most GFLOP/s one core gives with the Vector API's widest doubles: a multiply then an add
 * (two roundings, what every product of the engine does to keep its bits) against a fused
 * multiply-add (one rounding, what OpenBLAS does). Twelve independent chains, so neither the
 * latency nor the registers limit it; a multiply-add counts as 2 floating-point operations, as
 * GFLOP/s of a product are counted. Not the engine: it says how high W3 could go on this core.
 * Eight rounds of 0.1-0.5 s, the first while the JIT compiles; prints the median of the last five:
 * `lanes=… mul_add_gflops=… fma_gflops=…`.
 *
 *     java --add-modules jdk.incubator.vector bench/Peak.java
 */
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

public class Peak {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int STEPS = 20_000_000;
    /** a·0.999999 + 0.001 stays near 1 000: no overflow, no subnormal numbers. */
    static final double X = 0.999999, Y = 1e-3;

    /** a ← a·x + y in each of 12 chains, multiply then add. */
    static double mulThenAdd() {
        DoubleVector x = DoubleVector.broadcast(S, X), y = DoubleVector.broadcast(S, Y);
        DoubleVector a0 = y, a1 = y, a2 = y, a3 = y, a4 = y, a5 = y, a6 = y, a7 = y, a8 = y, a9 = y, a10 = y, a11 = y;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.mul(x).add(y); a1 = a1.mul(x).add(y); a2 = a2.mul(x).add(y); a3 = a3.mul(x).add(y);
            a4 = a4.mul(x).add(y); a5 = a5.mul(x).add(y); a6 = a6.mul(x).add(y); a7 = a7.mul(x).add(y);
            a8 = a8.mul(x).add(y); a9 = a9.mul(x).add(y); a10 = a10.mul(x).add(y); a11 = a11.mul(x).add(y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    /** a ← fma(a, x, y) in each of 12 chains. */
    static double fused() {
        DoubleVector x = DoubleVector.broadcast(S, X), y = DoubleVector.broadcast(S, Y);
        DoubleVector a0 = y, a1 = y, a2 = y, a3 = y, a4 = y, a5 = y, a6 = y, a7 = y, a8 = y, a9 = y, a10 = y, a11 = y;
        for (int i = 0; i < STEPS; i++) {
            a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
            a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
            a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    public static void main(String[] args) {
        double flops = 12.0 * S.length() * 2 * STEPS;
        double[] mulAdd = new double[8];
        double[] fma = new double[8];
        double check = 0;
        for (int r = 0; r < 8; r++) {
            long t = System.nanoTime();
            check += mulThenAdd();
            mulAdd[r] = flops / (System.nanoTime() - t);
            t = System.nanoTime();
            check += fused();
            fma[r] = flops / (System.nanoTime() - t);
        }
        System.out.printf("lanes=%d mul_add_gflops=%.1f fma_gflops=%.1f (check %.0f)%n", S.length(),
                median(Arrays.copyOfRange(mulAdd, 3, 8)), median(Arrays.copyOfRange(fma, 3, 8)), check);
    }

    static double median(double[] v) {
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
