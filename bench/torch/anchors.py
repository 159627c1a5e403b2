#!/usr/bin/env python3
"""PyTorch's figures for the anchors of `./vecgrad bench`, measured on this machine.

shared/bench/baselines.md records PyTorch 1.13 on another machine (a Zen 3). Debian's
python3-torch is the same 1.13, so the anchors can be measured here too, on the machine and
in the hour of our own run: `./vecgrad bench --torch` runs this script first and compares
against what it prints. Each anchor is the same computation as the Java benchmark next to it:

  train step   MLP 784-256-256-10, ReLU, softmax cross-entropy, plain SGD (lr 1e-3), one fixed
               batch of 128 or 32, F32 and F64: samples/s
  scalar chain mul(y, 0.999), add(y, x), tanh, scale(0.5) on 0-d tensors, 10^4 ops recorded and
               differentiated (autograd.grad): ns per op
  elementwise  relu/sigmoid/tanh/exp of 2^20 F32 values, a new result each call: ns per element
  matmul       torch.mm of two n×n matrices (OpenBLAS underneath), F64 and F32, n = 1024 and
               2048 (512 with --quick): GFLOP/s
  curvature    MLP 784-256-256-10 (tanh, softmax cross-entropy, batch 128, F64): the Gauss-Newton
               product (one forward pass with dual numbers for J v, the loss's Hessian, one
               reverse sweep through that pass) and the exact Hessian-vector product (double
               backward), each divided by one gradient (forward and backward)

Times are medians of timed rounds after warm-up, with torch's default thread count unless
--threads is given. With --serve the script measures one round at a time on request, so that
`./vecgrad bench --torch` can time PyTorch's rounds between its own (paired rounds: both sides
of a ratio see the same minutes of a shared host): it reads one key per line on standard input
(`train.F32.128`, `scalar.F64`, `elementwise.exp.F32`, `matmul.F64.1024`, ...), sets that anchor
up and warms it up the first time, runs one round and prints `key figure`; an empty line or
the end of the input ends it. --threads also sets OPENBLAS_NUM_THREADS (and OMP_/MKL_NUM_THREADS) before
torch is imported: torch.set_num_threads does not reach the pthread OpenBLAS that Debian ships,
whose torch.mm otherwise ran on both cores of this machine (user time 1.7x the wall time, and
F32 2048^3 at 227 GFLOP/s against 107 on one thread). Output: one `key value` line per figure (the keys BenchSuite reads), then
`threads N` and `torch VERSION`.

Run: python3 bench/torch/anchors.py [--quick] [--threads N] [--only train,scalar,...] [--serve]
Debian: apt-get install python3-torch libopenblas0-pthread (without OpenBLAS, torch's matrix
products fall back to the reference BLAS and the train step runs ~30x slower).
"""

import argparse
import os
import statistics
import sys
import time


SECTIONS = ("matmul", "train", "scalar", "elementwise", "curvature")


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short rounds (a smoke run)")
    parser.add_argument(
        "--threads", type=int, default=0, help="torch and OpenBLAS threads (0: their default)"
    )
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections")
    parser.add_argument(
        "--serve", action="store_true", help="one round per key read from standard input"
    )
    return parser


# The arguments are read before torch is imported: OpenBLAS takes its thread count from the
# environment once, when torch loads it.
ARGS = build_parser().parse_args() if __name__ == "__main__" else None
if ARGS is not None and ARGS.threads > 0:
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(ARGS.threads)

import torch  # noqa: E402 (after the thread variables, on purpose)
import torch.autograd.forward_ad as fwAD
import torch.nn.functional as F

SIZES = (784, 256, 256, 10)


def calibrate(fn, min_round_s, warmup_s):
    """Warms fn up for warmup_s (at least 3 calls) and returns the calls that make a round last
    at least min_round_s."""
    end = time.perf_counter() + warmup_s
    calls = 0
    t0 = time.perf_counter()
    while time.perf_counter() < end or calls < 3:
        fn()
        calls += 1
    per_call = (time.perf_counter() - t0) / calls
    return max(1, int(min_round_s / per_call))


def round_seconds(fn, calls):
    """Seconds per call of fn over one round of `calls` calls."""
    t = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - t) / calls


def median_seconds(fn, rounds, min_round_s, warmup_s):
    """Median seconds per call of fn: warm up for warmup_s, then `rounds` rounds of at least
    min_round_s each (the calls per round fixed after a first estimate)."""
    calls = calibrate(fn, min_round_s, warmup_s)
    return statistics.median(round_seconds(fn, calls) for _ in range(rounds))


def mlp_params(dtype, activation_gain, seed):
    g = torch.Generator().manual_seed(seed)
    params = []
    for fan_in, fan_out in zip(SIZES, SIZES[1:]):
        w = torch.randn(fan_out, fan_in, generator=g, dtype=dtype) * (activation_gain / fan_in) ** 0.5
        b = torch.zeros(fan_out, dtype=dtype)
        params += [w.requires_grad_(), b.requires_grad_()]
    return params


def mlp(params, x, act):
    h = x
    layers = len(params) // 2
    for l in range(layers):
        h = F.linear(h, params[2 * l], params[2 * l + 1])
        if l + 1 < layers:
            h = act(h)
    return h


def train_step(dtype, batch):
    g = torch.Generator().manual_seed(2)
    x = torch.randn(batch, SIZES[0], generator=g, dtype=dtype)
    t = torch.randint(0, SIZES[-1], (batch,), generator=g)
    params = mlp_params(dtype, 2.0, 1)
    opt = torch.optim.SGD(params, lr=1e-3)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(mlp(params, x, torch.relu), t)
        loss.backward()
        opt.step()

    return step, lambda seconds: batch / seconds  # samples/s


def scalar_chain(dtype, ops=10_000):
    def chain():
        x = torch.tensor(0.3, dtype=dtype, requires_grad=True)
        c = torch.tensor(0.999, dtype=dtype)
        y = x
        for _ in range(ops // 4):
            y = y * c
            y = y + x
            y = torch.tanh(y)
            y = y * 0.5
        (gx,) = torch.autograd.grad(y, x)
        return gx

    return chain, lambda seconds: 1e9 * seconds / ops  # ns per op


ELEMENTWISE = {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh, "exp": torch.exp}


def elementwise(name, n=1 << 20):
    x = torch.rand(n, generator=torch.Generator().manual_seed(42)) * 20 - 10
    f = ELEMENTWISE[name]
    return (lambda: f(x)), lambda seconds: 1e9 * seconds / n  # ns per element


def matmul(dtype, n):
    g = torch.Generator().manual_seed(42)
    a = torch.rand(n, n, generator=g, dtype=dtype) - 0.5
    b = torch.rand(n, n, generator=g, dtype=dtype) - 0.5
    return (lambda: torch.mm(a, b)), lambda seconds: 2.0 * n * n * n / seconds / 1e9  # GFLOP/s


DTYPES = {"F32": torch.float32, "F64": torch.float64}


def anchor(key):
    """The computation of a key (train.F32.128, scalar.F64, elementwise.exp.F32, matmul.F64.1024)
    and the function that turns its seconds per call into the key's figure."""
    parts = key.split(".")
    kind, rest = parts[0], parts[1:]
    if kind == "train" and len(rest) == 2 and rest[0] in DTYPES and rest[1].isdigit():
        return train_step(DTYPES[rest[0]], int(rest[1]))
    if kind == "scalar" and len(rest) == 1 and rest[0] in DTYPES:
        return scalar_chain(DTYPES[rest[0]])
    if kind == "elementwise" and len(rest) == 2 and rest[0] in ELEMENTWISE and rest[1] == "F32":
        return elementwise(rest[0])
    if kind == "matmul" and len(rest) == 2 and rest[0] in DTYPES and rest[1].isdigit():
        return matmul(DTYPES[rest[0]], int(rest[1]))
    raise ValueError(f"unknown anchor key {key!r}")


def figure(key, budget):
    """The key's figure from the median seconds per call over the budget's rounds."""
    fn, of_seconds = anchor(key)
    rounds, min_round_s, warmup_s = budget
    if key.startswith("scalar."):
        rounds = max(3, rounds // 2)  # a chain of 10^4 ops through autograd takes ~0.2 s
    return of_seconds(median_seconds(fn, rounds, min_round_s, warmup_s))


def serve(budget):
    """One round per key read from standard input (see the module's text); prints `ready` after
    the header lines, then `key figure` per request."""
    _, min_round_s, warmup_s = budget
    prepared = {}
    print("ready", flush=True)
    for line in sys.stdin:
        key = line.strip()
        if not key:
            break
        if key not in prepared:
            fn, of_seconds = anchor(key)
            prepared[key] = (fn, of_seconds, calibrate(fn, min_round_s, warmup_s))
        fn, of_seconds, calls = prepared[key]
        print(f"{key} {of_seconds(round_seconds(fn, calls)):.6g}", flush=True)


def curvature_ratios(budget, batch=128):
    dtype = torch.float64
    g = torch.Generator().manual_seed(7)
    x = torch.randn(batch, SIZES[0], generator=g, dtype=dtype)
    t = torch.randint(0, SIZES[-1], (batch,), generator=g)
    params = mlp_params(dtype, 1.0, 3)
    v = [torch.randn(p.shape, generator=g, dtype=dtype) for p in params]

    def loss_of(ps):
        return F.cross_entropy(mlp(ps, x, torch.tanh), t)

    def gradient():
        return torch.autograd.grad(loss_of(params), params)

    def gauss_newton():
        # one forward pass with dual numbers gives the logits (recorded for the reverse sweep)
        # and J v; then the loss's Hessian at the logits in closed form (softmax cross-entropy,
        # mean over the batch) and Jᵀ(·) by one reverse sweep through that same forward pass
        with fwAD.dual_level():
            duals = [fwAD.make_dual(p, vi) for p, vi in zip(params, v)]
            logits, jv = fwAD.unpack_dual(mlp(duals, x, torch.tanh))
        p = torch.softmax(logits.detach(), dim=1)
        hjv = (p * jv - p * (p * jv).sum(dim=1, keepdim=True)) / batch
        return torch.autograd.grad(logits, params, hjv)

    def hessian_vector():
        grads = torch.autograd.grad(loss_of(params), params, create_graph=True)
        dot = sum((gr * vi).sum() for gr, vi in zip(grads, v))
        return torch.autograd.grad(dot, params)

    t_grad = median_seconds(gradient, *budget)
    t_gn = median_seconds(gauss_newton, *budget)
    t_hvp = median_seconds(hessian_vector, *budget)
    return t_gn / t_grad, t_hvp / t_grad


def main():
    args = ARGS
    only = [s for s in args.only.split(",") if s]
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        build_parser().error(f"unknown section {unknown[0]!r} (known: {', '.join(SECTIONS)})")
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    # (rounds, seconds per round at least, warm-up seconds)
    budget = (5, 0.05, 0.3) if args.quick else (11, 0.2, 1.5)
    if args.serve:
        print_header()
        serve(budget)
        return
    keys = []
    if "matmul" in only:
        for n in (512,) if args.quick else (1024, 2048):
            keys += [f"matmul.F64.{n}", f"matmul.F32.{n}"]
    if "train" in only:
        keys += [f"train.{name}.{batch}" for name in ("F32", "F64") for batch in (128, 32)]
    if "scalar" in only:
        keys.append("scalar.F64")
    if "elementwise" in only:
        keys += [f"elementwise.{name}.F32" for name in ELEMENTWISE]
    for key in keys:
        print(f"{key} {figure(key, budget):.6g}", flush=True)
    if "curvature" in only:
        gn, hvp = curvature_ratios(budget)
        print(f"curvature.gn {gn:.3f}", flush=True)
        print(f"curvature.hvp {hvp:.3f}", flush=True)
    print_header()


def print_header():
    print(f"threads {torch.get_num_threads()}")
    print(f"blas_threads {os.environ.get('OPENBLAS_NUM_THREADS', 'default')}")
    print(f"torch {torch.__version__}", flush=True)


if __name__ == "__main__":
    main()
