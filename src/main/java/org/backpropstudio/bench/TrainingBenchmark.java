package org.backpropstudio.bench;

import java.util.concurrent.TimeUnit;
import org.backpropstudio.engine.EpochResult;
import org.backpropstudio.engine.Trainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of one training epoch per workload; the score is sample-steps per second.
 * Run with {@code java -cp target/backprop-studio.jar org.openjdk.jmh.Main TrainingBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingBenchmark {

    @State(Scope.Thread)
    public static class W1State {
        Trainer trainer;

        @Setup
        public void setUp() {
            trainer = new Trainer(Workload.W1.config());
        }
    }

    @State(Scope.Thread)
    public static class W2State {
        Trainer trainer;

        @Setup
        public void setUp() {
            trainer = new Trainer(Workload.W2.config());
        }
    }

    @State(Scope.Thread)
    public static class W3State {
        Trainer trainer;

        @Setup
        public void setUp() {
            trainer = new Trainer(Workload.W3.config());
        }
    }

    @State(Scope.Thread)
    public static class W4State {
        Trainer trainer;

        /** A fresh run for every measurement: the whole workload is timed, from its first step. */
        @Setup(org.openjdk.jmh.annotations.Level.Invocation)
        public void setUp() {
            trainer = new Trainer(Workload.W4.config());
        }
    }

    /** W1: 50 sample-steps per epoch. */
    @Benchmark
    @OperationsPerInvocation(50)
    public EpochResult w1ClassicSigmoid(W1State s) {
        return s.trainer.runEpoch();
    }

    /** W2: 1024 sample-steps per epoch. */
    @Benchmark
    @OperationsPerInvocation(1024)
    public EpochResult w2Tanh64(W2State s) {
        return s.trainer.runEpoch();
    }

    /** W3: 8192 sample-steps per epoch. */
    @Benchmark
    @OperationsPerInvocation(8192)
    public EpochResult w3Relu256(W3State s) {
        return s.trainer.runEpoch();
    }

    /**
     * W4: {@code digits-softmax} exactly, its 5 000 steps and every accuracy pass: one run per
     * invocation, timed as a whole (seconds per run).
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public EpochResult w4DigitsSoftmax(W4State s) {
        EpochResult last = null;
        while (!s.trainer.stepLimitReached()) {
            last = s.trainer.runEpoch();
        }
        return last;
    }
}
