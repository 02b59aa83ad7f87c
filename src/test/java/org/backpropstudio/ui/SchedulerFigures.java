package org.backpropstudio.ui;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * What Linux's scheduler says about the threads that decide how long the FX thread is blocked:
 * how long they ran, how long they were ready to run but waited for a CPU, and how much CPU time
 * the host (the machine under this virtual one) took from the whole system. A block of the FX
 * thread is then split into its own work, the renderer's, and waiting for a CPU while others used
 * it: the JIT's compilers, the training thread, or the host.
 *
 * <p>Read from {@code /proc/self/task/<tid>/schedstat} (ns on a CPU, ns waiting for one, both
 * brought up to date at each switch of the thread) and {@code /proc/stat}'s steal column
 * (hundredths of a second over all CPUs). The files stay open and are read without allocating, so
 * reading every 5 ms adds no garbage. Elsewhere than on Linux {@link #available()} is false and
 * every figure stays 0.
 */
final class SchedulerFigures {

    /** The thread groups a {@link Sample} has figures for. */
    static final int UI = 0;
    static final int RENDERER = 1;
    static final int COMPILERS = 2;
    private static final String[][] NAMES = {{"JavaFX Application Thread"}, {"QuantumRenderer"},
        {"C1 CompilerThread", "C2 CompilerThread"}};

    /** One reading of every figure. */
    static final class Sample {
        /** Per group, ns on a CPU so far. */
        final long[] onCpu = new long[NAMES.length];
        /** Per group, ns ready to run but waiting for a CPU so far. */
        final long[] waiting = new long[NAMES.length];
        /** CPU time the host took from this machine so far, summed over its CPUs, ns. */
        long stolen;
        /** All CPU time so far, summed over the CPUs, ns. */
        long total;
    }

    private final List<List<RandomAccessFile>> groups = new ArrayList<>();
    private final RandomAccessFile stat;
    private final byte[] line = new byte[512];
    /** Where {@link #number} reads next in {@link #line}. */
    private int pos;

    private SchedulerFigures(RandomAccessFile stat) {
        this.stat = stat;
    }

    /** The threads of this JVM now running under those names (the FX thread must have started). */
    static SchedulerFigures ofThisJvm() {
        RandomAccessFile stat;
        try {
            stat = new RandomAccessFile("/proc/stat", "r");
        } catch (IOException e) {
            stat = null;
        }
        SchedulerFigures f = new SchedulerFigures(stat);
        File[] tasks = new File("/proc/self/task").listFiles();
        for (String[] names : NAMES) {
            List<RandomAccessFile> files = new ArrayList<>();
            for (File task : stat == null || tasks == null ? new File[0] : tasks) {
                try {
                    // Linux keeps the first 15 characters of a thread's name
                    String comm = Files.readString(task.toPath().resolve("comm")).strip();
                    for (String name : names) {
                        if (!comm.isEmpty() && name.startsWith(comm)) {
                            files.add(new RandomAccessFile(task.toPath().resolve("schedstat").toFile(), "r"));
                        }
                    }
                } catch (IOException e) {
                    // the thread ended, or there is no such file here
                }
            }
            f.groups.add(files);
        }
        return f;
    }

    /** True when the FX thread's figures are read (Linux). */
    boolean available() {
        return !groups.isEmpty() && !groups.get(UI).isEmpty();
    }

    /** Reads every figure into {@code s}. */
    void read(Sample s) {
        for (int g = 0; g < groups.size(); g++) {
            s.onCpu[g] = 0;
            s.waiting[g] = 0;
            for (RandomAccessFile f : groups.get(g)) {
                // "<ns on a CPU> <ns waiting for one> <time slices>"
                int n = readLine(f);
                s.onCpu[g] += number(n);
                s.waiting[g] += number(n);
            }
        }
        if (stat != null) {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in 1/100 s
            int n = readLine(stat);
            long total = 0;
            for (int k = 0; k < 8; k++) {
                long v = number(n);
                total += v;
                if (k == 7) {
                    s.stolen = v * 10_000_000L;
                }
            }
            s.total = total * 10_000_000L;
        }
    }

    private int readLine(RandomAccessFile f) {
        pos = 0;
        try {
            f.seek(0);
            return Math.max(0, f.read(line));
        } catch (IOException e) {
            return 0; // the thread ended: its figures stop growing
        }
    }

    /** The next number in {@code line[pos .. n)}, skipping what comes before it; pos moves past it. */
    private long number(int n) {
        int i = pos;
        while (i < n && (line[i] < '0' || line[i] > '9')) {
            i++;
        }
        long v = 0;
        for (; i < n && line[i] >= '0' && line[i] <= '9'; i++) {
            v = v * 10 + line[i] - '0';
        }
        pos = i;
        return v;
    }
}
