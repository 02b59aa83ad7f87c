#!/usr/bin/env python3
"""The engine against its peers, on this machine, in one run: prints one table of times and ratios.

    ./mvnw -q package -DskipTests && python3 bench/speed.py [--runs N]

W4 is the digit tutorial exactly (`digits-softmax`: 5 000 steps of 200 digits with its accuracy
passes), run by our CLI (`bench --workload W4 --full`), by the tutorial's own numpy loop
(bench/digits_numpy.py) under every Python here that has numpy, and by PyTorch (bench/digits_torch.py)
where it is installed: float64 on one and on two threads, and float32. Each figure is the median of
N fresh processes (default 3); each process times its training only, after reading the data, so a
JVM's start and its JIT warming up count against us, as they do for a student.

W3 (1-256-256-256-1 ReLU, batch 256) compares GFLOP/s with numpy's (bench/w3_numpy.py) on one and two
threads, and prints one core's ceiling with and without a fused multiply-add (bench/Peak.java); W1
(`classic-sigmoid`, one sample at a time) compares sample-steps per second with a plain C loop of the
same maths (bench/w1_loop.c, gcc -O3 -march=native) and shows the spread over 12 JVMs.

Machines differ (AVX-512 or only AVX2, and they are shared): compare ratios from one run, never
figures from two. Nothing here is a dependency of the studio.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JAR = os.path.join(ROOT, "target", "backprop-studio.jar")
JAVA = ["java", "--add-modules", "jdk.incubator.vector"]

# which BLAS a Python process has loaded, from its memory map
BLAS_PROBE = ("import sys, numpy; numpy.ones((64, 64)) @ numpy.ones((64, 64)); "
              "libs = sorted({l.split('/')[-1].strip() for l in open('/proc/self/maps') if 'blas' in l.lower()}); "
              "print(sys.executable, numpy.__version__, ','.join(libs) or '?')")


def run(cmd, env=None):
    """A command's standard output; its standard error as well when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return done.stdout


def figure(text, pattern):
    m = re.search(pattern, text)
    if not m:
        raise RuntimeError(f"no {pattern!r} in: {text.strip()[-300:]}")
    return float(m.group(1).replace(",", ""))


def median_of(runs, cmd, pattern, env=None):
    return statistics.median(figure(run(cmd, env), pattern) for _ in range(runs))


def pythons():
    """Each distinct Python here with numpy: (executable, numpy version, BLAS library)."""
    seen, found = set(), []
    for candidate in [sys.executable, shutil.which("python3"), "/usr/bin/python3"]:
        if not candidate or not os.path.exists(candidate):
            continue
        try:
            exe, version, blas = run([candidate, "-c", BLAS_PROBE]).split()
        except (RuntimeError, ValueError):
            continue
        if exe not in seen:
            seen.add(exe)
            found.append((exe, version, blas))
    return found


def torch_python(candidates):
    for exe, _, _ in candidates:
        try:
            version = run([exe, "-c", "import torch; print(torch.__version__)"]).strip()
            return exe, version
        except RuntimeError:
            continue
    return None, None


def cpu():
    flags, model = "", "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("flags") and not flags:
                flags = line
            if line.startswith("model name") and model == "?":
                model = line.split(":", 1)[1].strip()
    width = ("AVX-512, 8 doubles per vector" if " avx512f" in flags
             else "AVX2, 4 doubles per vector" if " avx2" in flags else "no AVX2")
    return f"{model}, {os.cpu_count()} cores, {width}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure (default 3)")
    parser.add_argument("--only", choices=("W1", "W3", "W4"), help="one workload's table alone")
    args = parser.parse_args()
    wanted = lambda w: args.only in (None, w)
    if not os.path.exists(JAR):
        sys.exit(f"{JAR} is missing: build it first with ./mvnw -q package -DskipTests")
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"machine: {cpu()}; {java_version}; each figure the median of {args.runs} fresh processes\n")
    found = pythons()
    torch_exe, torch_version = torch_python(found)

    if wanted("W4"):
        w4(args, found, torch_exe, torch_version)
    if wanted("W3"):
        w3(args, found)
    if wanted("W1"):
        w1(args)


def w4(args, found, torch_exe, torch_version):
    """W4: the digit tutorial, whole, against seed 003's numpy loop and PyTorch."""
    seconds = r"in\s+([\d.]+) s"
    ours = median_of(args.runs, JAVA + ["-jar", JAR, "bench", "--workload", "W4", "--full", "--runs", "1",
                                        "--warmup", "0", "--warmup-seconds", "0"], seconds)
    rows = [("ours (Java, Vector API, both cores)", ours)]
    for exe, version, blas in found:
        rows.append((f"seed 003's numpy loop: numpy {version}, {blas} ({exe})",
                     median_of(args.runs, [exe, os.path.join(HERE, "digits_numpy.py")], r"seconds=([\d.]+)")))
    if torch_exe:
        for dtype, threads in (("float64", 1), ("float64", 2), ("float32", 1)):
            rows.append((f"PyTorch {torch_version} {dtype}, {threads} thread{'s' if threads > 1 else ''}",
                         median_of(args.runs, [torch_exe, os.path.join(HERE, "digits_torch.py"), dtype,
                                               str(threads)], r"seconds=([\d.]+)")))
    else:
        rows.append(("PyTorch: not installed (apt-get install python3-torch)", float("nan")))
    print("W4 = digits-softmax: 5 000 steps of batch 200 through 784-64-32-10, with its accuracy passes\n")
    print("| run | seconds | ours ÷ it |")
    print("| --- | ---: | ---: |")
    for name, s in rows:
        print(f"| {name} | {s:.2f} | {ours / s:.2f} |")



def w3(args, found):
    """W3: wide dense layers, GFLOP/s on the same number of threads."""
    print("\nW3 = 1-256-256-256-1 ReLU, batch 256 (GFLOP/s of the three products per layer)\n")
    print("| threads | ours | " + " | ".join(f"numpy {v}, {b}" for _, v, b in found) + " | ours ÷ best numpy |")
    print("| ---: | ---: | " + " | ".join("---:" for _ in found) + " | ---: |")
    for threads in (1, 2):
        mine = median_of(args.runs, JAVA + [f"-XX:ActiveProcessorCount={threads}", "-jar", JAR, "bench",
                                            "--workload", "W3", "--runs", "5"], r"([\d.]+) GFLOP/s")
        theirs = [median_of(args.runs, [exe, os.path.join(HERE, "w3_numpy.py"), "4"], r"gflops=([\d.]+)",
                            env={"OPENBLAS_NUM_THREADS": str(threads), "OMP_NUM_THREADS": str(threads)})
                  for exe, _, _ in found]
        print(f"| {threads} | {mine:.1f} | " + " | ".join(f"{t:.1f}" for t in theirs)
              + f" | {mine / max(theirs):.2f} |")
    # one core's ceiling: our products multiply, then add (two roundings, to keep their bits);
    # OpenBLAS fuses the two into one instruction
    peaks = [run(JAVA + [os.path.join(HERE, "Peak.java")]) for _ in range(args.runs)]
    mul_add = statistics.median(figure(p, r"mul_add_gflops=([\d.]+)") for p in peaks)
    fused = statistics.median(figure(p, r"fma_gflops=([\d.]+)") for p in peaks)
    print(f"\none core's ceiling (bench/Peak.java, median of {args.runs} processes): multiply then add "
          f"{mul_add:.1f} GFLOP/s, fused multiply-add {fused:.1f} GFLOP/s")



def w1(args):
    """W1: one sample at a time, against a plain C loop; and the spread over JVMs."""
    print("\nW1 = classic-sigmoid, 1-10-10-1, one sample per step (M sample-steps/s)\n")
    jvms = [figure(run(JAVA + ["-jar", JAR, "bench", "--workload", "W1", "--runs", "5"]),
                   r"([\d.]+) M sample-steps/s") for _ in range(12)]
    line = "| C loop (gcc -O3 -march=native) | "
    if shutil.which("gcc"):
        with tempfile.TemporaryDirectory() as tmp:
            exe = os.path.join(tmp, "w1_loop")
            run(["gcc", "-O3", "-march=native", "-o", exe, os.path.join(HERE, "w1_loop.c"), "-lm"])
            c_rate = median_of(args.runs, [exe], r"steps_per_second=([\d.]+)") / 1e6
        line += f"{c_rate:.2f} | 1 |"
    else:
        c_rate = float("nan")
        line += "gcc not installed | |"
    print("| run | M sample-steps/s | ÷ C loop |")
    print("| --- | ---: | ---: |")
    print(line)
    print(f"| ours, 12 JVMs: median | {statistics.median(jvms):.2f} | {statistics.median(jvms) / c_rate:.2f} |")
    print(f"| ours, 12 JVMs: slowest … fastest | {min(jvms):.2f} … {max(jvms):.2f} | "
          f"{min(jvms) / c_rate:.2f} … {max(jvms) / c_rate:.2f} |")


if __name__ == "__main__":
    main()
