/* W1's peer: classic-sigmoid's per-sample maths as a plain C loop (what the engine's per-sample
 * path does, without a matrix library): 1 -> 10 sigmoid -> 10 sigmoid -> 1, W ~ N(0, 1), b = 0,
 * half squared error, SGD lr 0.1 one sample at a time, 50 training samples in order, and the
 * 10 test samples' loss after every epoch; 2 000 epochs. Built with gcc -O3 -march=native, no
 * -ffast-math. Prints `seconds=… steps_per_second=… train_loss=…`.
 *
 *     gcc -O3 -march=native -o w1_loop bench/w1_loop.c -lm && ./w1_loop
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define H 10
#define TRAIN 50
#define TEST 10
#define EPOCHS 2000

static double sigmoid(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

static double gauss(void) {
    double u = (rand() + 1.0) / (RAND_MAX + 2.0), v = (rand() + 1.0) / (RAND_MAX + 2.0);
    return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

static double w1[H], b1[H], w2[H][H], b2[H], w3[H], b3;

/* forward one sample; returns the prediction, keeps the activations */
static double forward(double x, double a1[H], double a2[H]) {
    for (int j = 0; j < H; j++) a1[j] = sigmoid(b1[j] + x * w1[j]);
    for (int j = 0; j < H; j++) {
        double z = b2[j];
        for (int i = 0; i < H; i++) z += a1[i] * w2[i][j];
        a2[j] = sigmoid(z);
    }
    double p = b3;
    for (int i = 0; i < H; i++) p += a2[i] * w3[i];
    return p;
}

int main(void) {
    srand(1);
    double xs[TRAIN], ys[TRAIN], tx[TEST], ty[TEST];
    for (int i = 0; i < TRAIN; i++) { xs[i] = -2 * M_PI + 4 * M_PI * rand() / (double) RAND_MAX; ys[i] = sin(xs[i]); }
    for (int i = 0; i < TEST; i++) { tx[i] = -2 * M_PI + 4 * M_PI * rand() / (double) RAND_MAX; ty[i] = sin(tx[i]); }
    for (int j = 0; j < H; j++) { w1[j] = gauss(); w3[j] = gauss(); for (int i = 0; i < H; i++) w2[i][j] = gauss(); }
    double lr = 0.1, a1[H], a2[H], train_loss = 0, test_loss = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int e = 0; e < EPOCHS; e++) {
        train_loss = 0;
        for (int s = 0; s < TRAIN; s++) {
            double p = forward(xs[s], a1, a2), d = p - ys[s];
            train_loss += 0.5 * d * d;
            /* backward: dZ3 = d; dW3 = a2 d; dA2 = w3 d; dZ2 = dA2 a2 (1 - a2); dW2 = a1ᵀ dZ2; dA1 = W2 dZ2 ... */
            double dz2[H], dz1[H];
            for (int i = 0; i < H; i++) dz2[i] = (w3[i] * d) * (a2[i] * (1.0 - a2[i]));
            for (int i = 0; i < H; i++) {
                double da = 0;
                for (int j = 0; j < H; j++) da += dz2[j] * w2[i][j];
                dz1[i] = da * (a1[i] * (1.0 - a1[i]));
            }
            for (int i = 0; i < H; i++) w3[i] -= lr * (a2[i] * d);
            b3 -= lr * d;
            for (int i = 0; i < H; i++) for (int j = 0; j < H; j++) w2[i][j] -= lr * (a1[i] * dz2[j]);
            for (int j = 0; j < H; j++) b2[j] -= lr * dz2[j];
            for (int j = 0; j < H; j++) { w1[j] -= lr * (xs[s] * dz1[j]); b1[j] -= lr * dz1[j]; }
        }
        test_loss = 0;
        for (int s = 0; s < TEST; s++) { double d = forward(tx[s], a1, a2) - ty[s]; test_loss += 0.5 * d * d; }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("seconds=%.4f steps_per_second=%.0f train_loss=%.5f test_loss=%.5f\n", seconds,
           (double) EPOCHS * TRAIN / seconds, train_loss / TRAIN, test_loss / TEST);
    return 0;
}
