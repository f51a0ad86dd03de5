#!/usr/bin/python3
"""PyTorch reference and machine peak for scripts/bench-vs-pytorch.sh.

The 'classic' part is a copy of the project's shared reference script pytorch_classic.py (written for issue 16
by an earlier session; copied here so the repository needs nothing outside itself), with the latency loop
matching the engine's bench (600 single images after 100 warm-up).

    bench_reference.py classic [ITERS] [BATCH]   PyTorch: training img/s (Adam, batch 64), batch-1000 img/s,
                                                 single-image latency median/p99 (ms); one JSON line.
                                                 Run it with OPENBLAS_NUM_THREADS=1 (its best set-up on 2 cores).
    bench_reference.py strong [ITERS] [BATCH]    the same for the project's 'strong' network, written for issue 16:
                                                 the same layers, printed with both parameter counts (DL4J counts
                                                 batch norm's running mean and variance as parameters, PyTorch as
                                                 buffers).
    bench_reference.py peak                      numpy float32 matrix-multiply peak in GFLOP/s; one JSON line.
                                                 Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset.
    bench_reference.py summary ENGINE.jsonl TORCH.jsonl PEAK.json   the comparison table.
"""
import json
import statistics
import sys
import time

# Cost model per image, forward MFLOP (2 per multiply-add; training counts 3 forward passes' worth):
# classic 2.79 M multiply-adds; strong 11.8 M (its 32->32 convolution on 26x26 outputs alone 6.2 M).
FORWARD_MFLOP = {"classic": 5.6, "strong": 23.6}


def network(arch):
    import torch.nn as nn
    if arch == "classic":
        return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                             nn.MaxPool2d(2), nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(), nn.Linear(576, 64),
                             nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 10)), 1e-3

    def conv(c_in, c_out, padding):
        return [nn.Conv2d(c_in, c_out, 3, padding=padding, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()]
    # Designs.strong(): convolutions without bias, each followed by batch norm and ReLU; dense 128 the same way
    return nn.Sequential(*conv(1, 32, 1), *conv(32, 32, 0), nn.MaxPool2d(2), *conv(32, 64, 0), *conv(64, 64, 0),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1024, 128, bias=False), nn.BatchNorm1d(128),
                         nn.ReLU(), nn.Dropout(0.4), nn.Linear(128, 10)), 2e-3


def reference(arch, iters, batch):
    import torch, torch.nn.functional as F
    torch.set_num_threads(2)
    torch.manual_seed(0)
    net, lr = network(arch)
    opt = torch.optim.Adam(net.parameters(), lr)
    x = torch.rand(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    for _ in range(30):
        opt.zero_grad(); F.cross_entropy(net(x), y).backward(); opt.step()
    t = time.perf_counter()
    for _ in range(iters):
        opt.zero_grad(); F.cross_entropy(net(x), y).backward(); opt.step()
    train = iters * batch / (time.perf_counter() - t)
    net.eval()
    with torch.no_grad():
        big = torch.rand(1000, 1, 28, 28)
        for _ in range(3):
            net(big)
        t = time.perf_counter(); n = 10
        for _ in range(n):
            net(big)
        batch_ips = n * 1000 / (time.perf_counter() - t)
        one = torch.rand(1, 1, 28, 28)
        lat = []
        for i in range(700):
            t = time.perf_counter(); torch.softmax(net(one), 1); dt = (time.perf_counter() - t) * 1000
            if i >= 100:
                lat.append(dt)
    print(json.dumps({"trainImagesPerSecond": round(train, 1), "batchImagesPerSecond": round(batch_ips, 1),
                      "latencyMedianMs": round(statistics.median(lat), 4), "latencyP99Ms": round(p99(lat), 4),
                      "architecture": arch, "trainableParameters": sum(p.numel() for p in net.parameters()),
                      # counted as DL4J counts them: batch norm's running statistics included
                      "parameters": sum(p.numel() for p in net.parameters())
                      + sum(b.numel() for n, b in net.named_buffers() if n.endswith(("running_mean", "running_var")))}))


def p99(values):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, -(-99 * len(s) // 100) - 1))]


def peak():
    import numpy as np
    n = 2048
    a = np.random.rand(n, n).astype(np.float32)
    b = np.random.rand(n, n).astype(np.float32)
    a @ b
    best = 0.0
    for _ in range(8):
        t = time.perf_counter(); a @ b; dt = time.perf_counter() - t
        best = max(best, 2.0 * n ** 3 / dt / 1e9)
    print(json.dumps({"peakGflops": round(best, 1), "size": n, "numpy": np.__version__}))


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def summary(engine_file, torch_file, peak_file):
    engine = read_lines(engine_file)
    torch_rows = read_lines(torch_file)
    peak_rows = read_lines(peak_file)
    # the best of the measurements (start and end of the run): a busy moment only ever lowers it
    peak_gflops = max(r.get("peakGflops", 0) for r in peak_rows) if peak_rows else None
    keys = [("trainImagesPerSecond", "training img/s (batch 64, Adam)", True),
            ("batchImagesPerSecond", "batch-1000 inference img/s", True),
            ("latencyMedianMs", "single image, median ms", False),
            ("latencyP99Ms", "single image, p99 ms", False)]
    print("Rounds (engine | PyTorch):")
    for i, e in enumerate(engine):
        t = torch_rows[i] if i < len(torch_rows) else None
        print("  round %d: engine %s | pytorch %s" % (i + 1, fmt_row(e), fmt_row(t) if t else "skipped"))
    print()
    print("%-34s %12s %12s %12s %12s %10s" % ("", "engine med", "engine best", "torch med", "torch best",
                                            "eng/torch"))
    for key, label, higher_better in keys:
        ev = [r[key] for r in engine]
        tv = [r[key] for r in torch_rows]
        pick = max if higher_better else min
        em, eb = statistics.median(ev), pick(ev)
        if tv:
            tm, tb = statistics.median(tv), pick(tv)
            # ratio > 1 means the engine is better: faster throughput, or lower latency
            ratio = em / tm if higher_better else tm / em
            print("%-34s %12.4g %12.4g %12.4g %12.4g %9.2fx" % (label, em, eb, tm, tb, ratio))
        else:
            print("%-34s %12.4g %12.4g %12s %12s %10s" % (label, em, eb, "-", "-", "-"))
    print("(eng/torch: the engine's median advantage; above 1 the engine is better, for latency too)")
    if peak_gflops:
        print()
        print("Machine float32 matmul peak (numpy, all cores): %.1f GFLOP/s" % peak_gflops)
        for who, rows in (("engine", engine), ("pytorch", torch_rows)):
            if not rows:
                continue
            forward = FORWARD_MFLOP[rows[0].get("architecture", "classic")]
            tr = [r["trainImagesPerSecond"] * 3 * forward / 1000 / peak_gflops * 100 for r in rows]
            inf = [r["batchImagesPerSecond"] * forward / 1000 / peak_gflops * 100 for r in rows]
            print("  %-8s training %.1f%% of peak (best %.1f%%), batch inference %.1f%% (best %.1f%%)"
                  % (who, statistics.median(tr), max(tr), statistics.median(inf), max(inf)))
    else:
        print("Machine peak: not measured (numpy missing)")


def fmt_row(r):
    return "train %.0f, batch %.0f img/s, p50 %.3f ms, p99 %.3f ms" % (
        r["trainImagesPerSecond"], r["batchImagesPerSecond"], r["latencyMedianMs"], r["latencyP99Ms"])


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "classic"
    if mode in FORWARD_MFLOP:
        reference(mode, int(sys.argv[2]) if len(sys.argv) > 2 else 300, int(sys.argv[3]) if len(sys.argv) > 3 else 64)
    elif mode == "peak":
        peak()
    elif mode == "summary":
        summary(*sys.argv[2:5])
    else:
        sys.exit("unknown mode " + mode)
