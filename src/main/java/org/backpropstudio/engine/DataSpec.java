package org.backpropstudio.engine;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/** Where the training and test samples come from, and so what task they pose. */
public sealed interface DataSpec {

    /** What is learned from this data and how it is judged. */
    Task task();

    /** Training samples per epoch (0 in streaming mode, where every step draws its own). */
    int trainCount();

    /** Test samples. */
    int testCount();

    /**
     * The training and test sets, drawn from {@code random} (the seed's data stream) where they
     * are generated; abandoned as soon as {@code abandon} says so.
     *
     * @throws java.util.concurrent.CancellationException when abandoned
     */
    Samples make(RandomGenerator random, BooleanSupplier abandon);

    /** A training and a test set. */
    record Samples(Dataset train, Dataset test) {
    }

    /**
     * How x values are placed in the range: uniformly at random, evenly spaced, or (training set
     * only) n samples drawn with replacement from a pool of 2n random samples, as seed 002 draws
     * its 100 points from 200 with {@code np.random.choice} (a drawn sample can appear twice,
     * with the same noise).
     */
    enum Sampling { RANDOM, EVEN, RESAMPLED }

    /**
     * Samples of a target function: {@code y = f(x) + σ·N(0, 1)}, x uniformly random or evenly
     * spaced in [xMin, xMax]. Train samples are drawn first, then test samples, from the data
     * stream of the seed. In streaming mode no fixed training set exists: every step draws a
     * fresh batch (and one step is one epoch); {@code trainCount} is then 0.
     *
     * <p>Extrapolation split: the test samples may come from their own range [testXMin, testXMax]
     * (train on [−π, π], test on [π, 2π]); both NaN means the training range.
     */
    record FunctionData(Target target, double xMin, double xMax, int trainCount, int testCount,
                        double noise, Sampling sampling, boolean streaming,
                        double testXMin, double testXMax) implements DataSpec {

        /** Test samples from the training range. */
        public FunctionData(Target target, double xMin, double xMax, int trainCount, int testCount,
                            double noise, Sampling sampling, boolean streaming) {
            this(target, xMin, xMax, trainCount, testCount, noise, sampling, streaming, Double.NaN, Double.NaN);
        }

        public FunctionData {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(sampling, "sampling");
            if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !(xMin < xMax)) {
                throw new IllegalArgumentException("the x-range must be finite with min < max, got ["
                        + xMin + ", " + xMax + "]");
            }
            if (Double.isNaN(testXMin) != Double.isNaN(testXMax)) {
                throw new IllegalArgumentException("the test x-range needs both ends or neither, got ["
                        + testXMin + ", " + testXMax + "]");
            }
            if (!Double.isNaN(testXMin)
                    && (Double.isInfinite(testXMin) || Double.isInfinite(testXMax) || !(testXMin < testXMax))) {
                throw new IllegalArgumentException("the test x-range must be finite with min < max, got ["
                        + testXMin + ", " + testXMax + "]");
            }
            if (streaming ? trainCount != 0 : trainCount < 1) {
                throw new IllegalArgumentException(streaming
                        ? "streaming data has no fixed training set (train count must be 0)"
                        : "at least 1 training sample is needed, got " + trainCount);
            }
            if (sampling == Sampling.RESAMPLED && trainCount > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("a resampled training set draws from twice its size: at most "
                        + Integer.MAX_VALUE / 2 + " samples, got " + trainCount);
            }
            if (testCount < 1) {
                throw new IllegalArgumentException("at least 1 test sample is needed, got " + testCount);
            }
            if (!(noise >= 0) || Double.isInfinite(noise)) {
                throw new IllegalArgumentException("noise σ must be a finite number ≥ 0, got " + noise);
            }
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public Samples make(RandomGenerator random, BooleanSupplier abandon) {
            Dataset train = generateTrain(random, abandon);
            return new Samples(train, generateTest(random, abandon));
        }

        /** Whether the test samples come from a range of their own. */
        public boolean separateTestRange() {
            return !Double.isNaN(testXMin);
        }

        /** The lower end of the range the test samples come from. */
        public double testMin() {
            return separateTestRange() ? testXMin : xMin;
        }

        /** The upper end of the range the test samples come from. */
        public double testMax() {
            return separateTestRange() ? testXMax : xMax;
        }

        /** The smallest range holding both the training and the test range. */
        public double[] span() {
            return new double[] {Math.min(xMin, testMin()), Math.max(xMax, testMax())};
        }

        /** This data with its test samples from [lo, hi]; NaN for both: from the training range. */
        public FunctionData withTestRange(double lo, double hi) {
            return new FunctionData(target, xMin, xMax, trainCount, testCount, noise, sampling, streaming, lo, hi);
        }

        /** The fixed training set (empty in streaming mode); draws from {@code random}. */
        public Dataset generateTrain(RandomGenerator random) {
            return generateTrain(random, () -> false);
        }

        /**
         * The fixed training set, abandoned as soon as {@code abandon} says so.
         *
         * @throws java.util.concurrent.CancellationException when abandoned
         */
        public Dataset generateTrain(RandomGenerator random, BooleanSupplier abandon) {
            if (sampling != Sampling.RESAMPLED || trainCount == 0) {
                return generate(trainCount, xMin, xMax, random, abandon);
            }
            // a pool of 2n samples, then n indices drawn with replacement
            Dataset pool = generate(2 * trainCount, xMin, xMax, random, abandon);
            double[] poolX = pool.xColumn();
            double[] poolY = pool.yColumn();
            double[] xs = new double[trainCount];
            double[] ys = new double[trainCount];
            for (int i = 0; i < trainCount; i++) {
                int k = random.nextInt(2 * trainCount);
                xs[i] = poolX[k];
                ys[i] = poolY[k];
            }
            return Dataset.of(xs, ys);
        }

        /** The test set; draws from {@code random} after the training set. */
        public Dataset generateTest(RandomGenerator random) {
            return generateTest(random, () -> false);
        }

        /** The test set, abandoned as soon as {@code abandon} says so. */
        public Dataset generateTest(RandomGenerator random, BooleanSupplier abandon) {
            return generate(testCount, testMin(), testMax(), random, abandon);
        }

        /** What making the fixed training and test sets costs, in {@link Target#evaluationCost()} units. */
        public double generationCost() {
            double train = sampling == Sampling.RESAMPLED ? 2.0 * trainCount : trainCount;
            return (train + testCount) * target.evaluationCost();
        }

        private Dataset generate(int n, double lo, double hi, RandomGenerator random, BooleanSupplier abandon) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = sampling == Sampling.EVEN
                        ? (n == 1 ? (lo + hi) / 2 : lo + (hi - lo) * i / (n - 1))
                        : uniform(lo, hi, random);
            }
            for (int i = 0; i < n; i++) {
                if (abandon.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("the data was not finished: a newer setup came");
                }
                ys[i] = label(xs[i], random);
            }
            return Dataset.of(xs, ys);
        }

        /** One x from U(xMin, xMax). */
        public double drawX(RandomGenerator random) {
            return uniform(xMin, xMax, random);
        }

        private static double uniform(double lo, double hi, RandomGenerator random) {
            return lo + (hi - lo) * random.nextDouble();
        }

        /** {@code f(x)} plus noise (drawing from {@code random} only when σ > 0). */
        public double label(double x, RandomGenerator random) {
            double y = target.value(x);
            return noise > 0 ? y + noise * random.nextGaussian() : y;
        }
    }

    /** Samples given as tables, kept as they are: trained on as given, nothing drawn from the seed. */
    sealed interface Tables extends DataSpec permits GivenData, LabelledData {
        Dataset train();

        Dataset test();

        @Override
        default int trainCount() {
            return train().size();
        }

        @Override
        default int testCount() {
            return test().size();
        }

        @Override
        default Samples make(RandomGenerator random, BooleanSupplier abandon) {
            return new Samples(train(), test());
        }
    }

    /**
     * Samples given as they are (a CSV file, a preset's table, points clicked in). The training set
     * may be empty only while points are being clicked in: {@link Trainer#runEpoch} refuses it.
     */
    record GivenData(Dataset train, Dataset test) implements Tables {
        public GivenData {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }

        @Override
        public Task task() {
            return Task.REGRESSION;
        }
    }

    /**
     * Samples with a class each, given as they are (a CSV file with a label column, the digits):
     * one-hot targets with {@code classes} columns.
     *
     * @param source where the samples can be had again without storing them (the bundled digits'
     *               name), or "" when only the samples themselves say what they are
     */
    record LabelledData(Dataset train, Dataset test, int classes, String source) implements Tables {

        /** Samples that only say what they are themselves. */
        public LabelledData(Dataset train, Dataset test, int classes) {
            this(train, test, classes, "");
        }

        /** The same samples, known to come from {@code source}. */
        public LabelledData from(String where) {
            return new LabelledData(train, test, classes, where);
        }

        public LabelledData {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
            new Task.Classification(classes); // checks the count
            for (Dataset d : new Dataset[] {train, test}) {
                if (d.y().numCols != classes || d.size() > 0 && d.x().numCols != train.x().numCols) {
                    throw new IllegalArgumentException("labelled data needs " + classes + " one-hot target columns and "
                            + "the same inputs in both sets, got " + d.y().numCols + " and " + d.x().numCols);
                }
            }
        }

        @Override
        public Task task() {
            return new Task.Classification(classes);
        }
    }

    /**
     * Points of the plane (x₁, x₂) with a class each, seen by the network through features: made
     * by a generator ({@link PlaneData}) or given point by point ({@link PlanePoints}, clicked in).
     */
    sealed interface Plane extends DataSpec permits PlaneData, PlanePoints {
        /** Where the plane's data lies: every shape spans about [−6, 6]² (the studio's view of it). */
        double EXTENT = 6;

        int classes();

        /** The features switched on, in input order. */
        java.util.List<Feature> inputs();

        /**
         * The training and test points, as {@link #make} draws them from {@code random} (the
         * seed's data stream): what the studio draws in the plane.
         */
        PointSets pointSets(RandomGenerator random);

        /** The same points, seen through other features (the network's input count follows). */
        Plane withFeatures(java.util.Set<Feature> features);

        @Override
        default Task task() {
            return new Task.Classification(classes());
        }

        @Override
        default Samples make(RandomGenerator random, BooleanSupplier abandon) {
            PointSets sets = pointSets(random);
            java.util.List<Feature> on = inputs();
            return new Samples(sets.train().seenThrough(on, classes()), sets.test().seenThrough(on, classes()));
        }
    }

    /** Points of the plane (n × 2) with a class each. */
    record Points(double[][] xy, int[] labels) {
        public Points {
            if (xy.length != labels.length) {
                throw new IllegalArgumentException(xy.length + " points but " + labels.length + " classes");
            }
        }

        /** The samples a network sees: each point's features, its class one-hot. */
        public Dataset seenThrough(java.util.List<Feature> features, int classes) {
            return Dataset.labelled(Feature.inputs(features, xy), labels, classes);
        }

        public int size() {
            return labels.length;
        }

        /** These points and one more. */
        public Points plus(double x1, double x2, int label) {
            double[][] more = java.util.Arrays.copyOf(xy, xy.length + 1);
            more[xy.length] = new double[] {x1, x2};
            int[] labelled = java.util.Arrays.copyOf(labels, labels.length + 1);
            labelled[labels.length] = label;
            return new Points(more, labelled);
        }

        /** These points without the i-th. */
        public Points without(int i) {
            double[][] fewer = new double[xy.length - 1][];
            int[] labelled = new int[labels.length - 1];
            for (int j = 0, k = 0; j < xy.length; j++) {
                if (j != i) {
                    fewer[k] = xy[j];
                    labelled[k++] = labels[j];
                }
            }
            return new Points(fewer, labelled);
        }
    }

    /** A training and a test set of points of the plane. */
    record PointSets(Points train, Points test) {
    }

    /**
     * Points of the plane given as they are (clicked in, or a generated set edited by clicks),
     * each with a class from 0 to {@code classes} − 1. The training set may be empty while points
     * are being clicked in.
     */
    record PlanePoints(Points train, Points test, int classes, java.util.Set<Feature> features) implements Plane {
        public PlanePoints {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
            new Task.Classification(classes); // checks the count
            for (Points p : new Points[] {train, test}) {
                for (int i = 0; i < p.size(); i++) {
                    if (p.labels()[i] < 0 || p.labels()[i] >= classes) {
                        throw new IllegalArgumentException("point " + (i + 1) + " has class " + p.labels()[i]
                                + ", not one of 0 to " + (classes - 1));
                    }
                    if (p.xy()[i].length != 2 || !Double.isFinite(p.xy()[i][0]) || !Double.isFinite(p.xy()[i][1])) {
                        throw new IllegalArgumentException("point " + (i + 1) + " is not a finite (x₁, x₂)");
                    }
                }
            }
            features = java.util.Set.copyOf(Feature.inOrder(features));
        }

        @Override
        public java.util.List<Feature> inputs() {
            return Feature.inOrder(features);
        }

        @Override
        public int trainCount() {
            return train.size();
        }

        @Override
        public int testCount() {
            return test.size();
        }

        @Override
        public PointSets pointSets(RandomGenerator random) {
            return new PointSets(train, test);
        }

        @Override
        public Plane withFeatures(java.util.Set<Feature> on) {
            return new PlanePoints(train, test, classes, on);
        }

        /**
         * Equal when the points, classes and features are: records compare arrays by identity,
         * which would make every copy of a saved set "changed".
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof PlanePoints p && classes == p.classes && features.equals(p.features)
                    && same(train, p.train) && same(test, p.test);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classes, features, train.size(), test.size());
        }

        private static boolean same(Points a, Points b) {
            return java.util.Arrays.deepEquals(a.xy(), b.xy()) && java.util.Arrays.equals(a.labels(), b.labels());
        }
    }

    /**
     * Points of the plane in {@code classes} classes laid out as {@code shape} says, with noise σ:
     * {@code count} points, the classes taking turns (so they are as equal as can be), shuffled
     * and split, the first {@code round(count · trainShare)} for training. The network sees the
     * {@code features} of each point (x₁, x₂, x₁², …), in {@link Feature}'s order.
     */
    record PlaneData(PlaneShape shape, int classes, int count, double noise, double trainShare,
                     java.util.Set<Feature> features) implements Plane {
        /** The most points a plane's data may have. */
        public static final int MAX_POINTS = 100_000;

        public PlaneData {
            Objects.requireNonNull(shape, "shape");
            if (classes < shape.minClasses() || classes > shape.maxClasses()) {
                throw new IllegalArgumentException(shape.wireName() + " data has " + (shape.minClasses() == shape.maxClasses()
                        ? shape.minClasses() + " classes" : shape.minClasses() + " to " + shape.maxClasses() + " classes")
                        + ", not " + classes);
            }
            if (count < 2 || count > MAX_POINTS) {
                throw new IllegalArgumentException("the plane's data needs 2 to " + MAX_POINTS + " points, got " + count);
            }
            if (!(noise >= 0) || noise > 10) {
                throw new IllegalArgumentException("noise σ must be from 0 to 10, got " + noise);
            }
            if (!(trainShare > 0 && trainShare < 1)) {
                throw new IllegalArgumentException("the training share must be between 0 and 1, got " + trainShare);
            }
            features = java.util.Set.copyOf(Feature.inOrder(features));
        }

        @Override
        public java.util.List<Feature> inputs() {
            return Feature.inOrder(features);
        }

        @Override
        public Plane withFeatures(java.util.Set<Feature> on) {
            return new PlaneData(shape, classes, count, noise, trainShare, on);
        }

        @Override
        public int trainCount() {
            return (int) Math.round(count * trainShare);
        }

        @Override
        public int testCount() {
            return count - trainCount();
        }

        /**
         * The points (count × 2) and their classes, shuffled, the training ones first: what
         * {@link #make} turns into inputs.
         */
        public Points points(RandomGenerator random) {
            int[] perClass = new int[classes];
            for (int i = 0; i < count; i++) {
                perClass[i % classes]++;
            }
            double[][] xy = new double[count][];
            int[] labels = new int[count];
            int[] seen = new int[classes];
            for (int i = 0; i < count; i++) {
                int c = i % classes;
                double[] p = shape.point(c, classes, seen[c]++, perClass[c], random);
                if (noise > 0) {
                    p[0] += noise * random.nextGaussian();
                    p[1] += noise * random.nextGaussian();
                }
                xy[i] = p;
                labels[i] = c;
            }
            // Fisher–Yates, so the split is not by class
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double[] p = xy[i];
                xy[i] = xy[j];
                xy[j] = p;
                int l = labels[i];
                labels[i] = labels[j];
                labels[j] = l;
            }
            return new Points(xy, labels);
        }

        @Override
        public PointSets pointSets(RandomGenerator random) {
            Points all = points(random);
            int n = trainCount();
            return new PointSets(
                    new Points(java.util.Arrays.copyOfRange(all.xy(), 0, n), java.util.Arrays.copyOfRange(all.labels(), 0, n)),
                    new Points(java.util.Arrays.copyOfRange(all.xy(), n, count),
                            java.util.Arrays.copyOfRange(all.labels(), n, count)));
        }
    }
}
