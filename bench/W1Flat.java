/*
 * W1's maths as a plain Java loop on fixed arrays of constant size: 1 -> 10 sigmoid -> 10 sigmoid
 * -> 1, half squared error, SGD lr 0.1 one sample at a time over 50 samples, the 10 test samples'
 * loss after every epoch, 2 000 epochs (bench/w1_loop.c in Java). Not the engine: it says how
 * close the JVM itself comes to gcc on such short loops. Eight rounds in one JVM, each printing
 * `seconds=… steps_per_second=…`; the first ones run while the JIT compiles.
 *
 *     java bench/W1Flat.java
 */
import java.util.Random;
public class W1Flat {
    static final int H = 10, TRAIN = 50, TEST = 10, EPOCHS = 2000;
    static double sigmoid(double z) { if (z >= 0) return 1.0 / (1.0 + Math.exp(-z)); double e = Math.exp(z); return e / (1.0 + e); }
    static double[] w1 = new double[H], b1 = new double[H], w2 = new double[H * H], b2 = new double[H], w3 = new double[H];
    static double b3;
    static double forward(double x, double[] a1, double[] a2) {
        for (int j = 0; j < H; j++) a1[j] = sigmoid(b1[j] + x * w1[j]);
        for (int j = 0; j < H; j++) { double z = b2[j]; for (int i = 0; i < H; i++) z += a1[i] * w2[i * H + j]; a2[j] = sigmoid(z); }
        double p = b3; for (int i = 0; i < H; i++) p += a2[i] * w3[i]; return p;
    }
    public static void main(String[] args) {
        Random r = new Random(1);
        double[] xs = new double[TRAIN], ys = new double[TRAIN], tx = new double[TEST], ty = new double[TEST];
        for (int i = 0; i < TRAIN; i++) { xs[i] = -2 * Math.PI + 4 * Math.PI * r.nextDouble(); ys[i] = Math.sin(xs[i]); }
        for (int i = 0; i < TEST; i++) { tx[i] = -2 * Math.PI + 4 * Math.PI * r.nextDouble(); ty[i] = Math.sin(tx[i]); }
        for (int rep = 0; rep < 8; rep++) {
        for (int j = 0; j < H; j++) { w1[j] = r.nextGaussian(); w3[j] = r.nextGaussian(); b1[j]=0; b2[j]=0; for (int i = 0; i < H; i++) w2[i * H + j] = r.nextGaussian(); }
        b3 = 0;
        double lr = 0.1; double[] a1 = new double[H], a2 = new double[H], dz2 = new double[H], dz1 = new double[H];
        double trainLoss = 0, testLoss = 0;
        long t0 = System.nanoTime();
        for (int e = 0; e < EPOCHS; e++) {
            trainLoss = 0;
            for (int s = 0; s < TRAIN; s++) {
                double p = forward(xs[s], a1, a2), d = p - ys[s];
                trainLoss += 0.5 * d * d;
                for (int i = 0; i < H; i++) dz2[i] = (w3[i] * d) * (a2[i] * (1.0 - a2[i]));
                for (int i = 0; i < H; i++) { double da = 0; for (int j = 0; j < H; j++) da += dz2[j] * w2[i * H + j]; dz1[i] = da * (a1[i] * (1.0 - a1[i])); }
                for (int i = 0; i < H; i++) w3[i] -= lr * (a2[i] * d);
                b3 -= lr * d;
                for (int i = 0; i < H; i++) for (int j = 0; j < H; j++) w2[i * H + j] -= lr * (a1[i] * dz2[j]);
                for (int j = 0; j < H; j++) b2[j] -= lr * dz2[j];
                for (int j = 0; j < H; j++) { w1[j] -= lr * (xs[s] * dz1[j]); b1[j] -= lr * dz1[j]; }
            }
            testLoss = 0;
            for (int s = 0; s < TEST; s++) { double d = forward(tx[s], a1, a2) - ty[s]; testLoss += 0.5 * d * d; }
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("seconds=%.4f steps_per_second=%.0f train_loss=%.5f%n", sec, EPOCHS * TRAIN / sec, trainLoss / TRAIN);
        }
    }
}
