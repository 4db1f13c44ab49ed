"""Benchmark: the worker's conversion core against ``pandas.read_csv(path).to_parquet(out)``.

    .venv/bin/python apps/batch/bench/bench_worker.py [--size-mb 200] [--repeat 3] [--dir DIR]
        [--keep-csv PATH | --csv PATH] [--json PATH]

Generates a mixed-type CSV (integers, timestamps, floats with nulls, booleans, low-, medium- and
high-cardinality strings) of at least ``--size-mb`` MB, then runs each contender ``--repeat`` times,
alternating, each run in a fresh subprocess so that its peak RSS and CPU time are its own. Reported:
conversion seconds and MB/s measured inside the child (imports excluded), CPU seconds (``wait4``
rusage) and peak RSS of the whole child, and the worker/pandas ratios against the goal (at least 2x
faster, at most 1/4 of the memory), then checks that the two Parquet files hold the same rows and
values (pandas' column cast to the worker's type: pandas keeps timestamps as text). The peak RSS is
the child's own ``VmHWM`` read at its end: ``ru_maxrss`` would also count the pages the child shared
with this process between fork and exec.

Dev tool: needs pandas and numpy from the repository venv; the worker itself needs neither.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MB = 1_000_000
ROWS_PER_CHUNK = 200_000


def generate_csv(path: Path | str, size_mb: int, seed: int = 42) -> int:
    """Write at least ``size_mb`` MB of CSV to ``path``; returns the byte count."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pcsv

    rng = np.random.default_rng(seed)
    words = np.array(
        [
            "alpha",
            "beta",
            "gamma",
            "delta",
            "epsilon",
            "zeta",
            "eta",
            "theta",
            "iota",
            "kappa",
            "lambda",
            "mu",
            "nu",
            "xi",
            "omicron",
        ]
    )
    colours = np.array(["red", "green", "blue", "cyan", "magenta", "yellow", "black", "white"])
    written, first_id = 0, 0
    with open(path, "wb") as out:
        while written < size_mb * MB:
            n = ROWS_PER_CHUNK
            amount = np.round(rng.normal(100, 30, n), 2)
            table = pa.table(
                {
                    "id": np.arange(first_id, first_id + n),
                    "created_at": pa.array((1_700_000_000 + rng.integers(0, 30_000_000, n)).astype("datetime64[s]")),
                    "amount": pa.array(amount, mask=rng.random(n) < 0.05),
                    "quantity": rng.integers(1, 50, n),
                    "paid": rng.random(n) < 0.5,
                    "colour": colours[rng.integers(0, len(colours), n)],
                    "customer": np.char.add("customer_", rng.integers(0, 100_000, n).astype(str)),
                    "note": np.char.add(
                        np.char.add(words[rng.integers(0, len(words), n)], " "),
                        rng.integers(0, 1_000_000, n).astype(str),
                    ),
                }
            )
            buffer = io.BytesIO()
            pcsv.write_csv(table, buffer, pcsv.WriteOptions(include_header=written == 0, quoting_style="needed"))
            out.write(buffer.getbuffer())
            written += buffer.tell()
            first_id += n
    return written


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: KiB on most systems


def child_worker(csv_path: str, output_dir: str) -> dict[str, float]:
    from batch_worker.local import convert_local
    from batch_worker.runtime import configure_arrow

    configure_arrow()
    started = time.perf_counter()
    profile = convert_local(Path(csv_path), Path(output_dir))
    return {"seconds": time.perf_counter() - started, "rows": profile["row_count"]}


def child_pandas(csv_path: str, output_dir: str) -> dict[str, float]:
    import pandas as pd

    started = time.perf_counter()
    frame = pd.read_csv(csv_path)
    frame.to_parquet(Path(output_dir) / "pandas.parquet")  # the baseline of the issue, defaults only
    return {"seconds": time.perf_counter() - started, "rows": len(frame)}


def child_verify(worker_parquet: str, pandas_parquet: str) -> dict[str, float]:
    """Both outputs hold the same rows and values, column by column.

    Types differ by design (the worker types timestamps, pandas keeps them as text), so the pandas
    column is cast to the worker's type before the comparison; nulls must sit on the same rows.
    """
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    ours, theirs = pq.ParquetFile(worker_parquet), pq.ParquetFile(pandas_parquet)
    rows = ours.metadata.num_rows
    if rows != theirs.metadata.num_rows:
        raise SystemExit(f"row counts differ: worker {rows}, pandas {theirs.metadata.num_rows}")
    names = ours.schema_arrow.names
    if names != [name for name in theirs.schema_arrow.names if name in names]:
        raise SystemExit(f"columns differ: worker {names}, pandas {theirs.schema_arrow.names}")
    for name in names:  # one column at a time: memory stays at two columns
        mine = ours.read(columns=[name]).column(0).combine_chunks()
        other = theirs.read(columns=[name]).column(0).combine_chunks()
        other = other.cast(mine.type) if other.type != mine.type else other
        if not mine.equals(other):
            both_null = pc.and_(pc.is_null(mine), pc.is_null(other))
            differ = pc.invert(pc.or_(pc.fill_null(pc.equal(mine, other), False), both_null))
            first = pc.index(differ, True).as_py()
            raise SystemExit(f"column {name!r} differs at row {first}: worker {mine[first]}, pandas {other[first]}")
    return {"rows": rows, "columns": len(names)}


CHILDREN = {"worker": child_worker, "pandas": child_pandas, "verify": child_verify}


@dataclass
class Run:
    seconds: float  # conversion only, measured in the child
    cpu_seconds: float  # whole child: user + system
    peak_rss_mb: float  # whole child
    process_seconds: float  # whole child, interpreter start and imports included


def run_child(kind: str, csv_path: Path, output_dir: Path) -> Run:
    result_path = output_dir / "result.json"
    started = time.perf_counter()
    with open(result_path, "w") as result_file:
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", kind, str(csv_path), str(output_dir)], stdout=result_file
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, unlike RUSAGE_CHILDREN
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{kind} run failed with exit code {child.returncode}")
    result = json.loads(result_path.read_text().strip().splitlines()[-1])
    return Run(
        seconds=result["seconds"],
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=result["peak_rss_mb"],
        process_seconds=elapsed,
    )


def summarise(kind: str, runs: list[Run], size_bytes: int) -> dict[str, float]:
    best = min(run.seconds for run in runs)
    median = statistics.median(run.seconds for run in runs)
    summary = {
        "best_seconds": best,
        "median_seconds": median,
        "best_mb_per_s": size_bytes / MB / best,
        "median_mb_per_s": size_bytes / MB / median,
        "median_cpu_seconds": statistics.median(run.cpu_seconds for run in runs),
        "peak_rss_mb": max(run.peak_rss_mb for run in runs),
        "median_process_seconds": statistics.median(run.process_seconds for run in runs),
    }
    print(
        f"{kind:6s}: best {best:5.2f} s = {summary['best_mb_per_s']:5.0f} MB/s | "
        f"median {median:5.2f} s = {summary['median_mb_per_s']:5.0f} MB/s | "
        f"{summary['median_cpu_seconds']:5.2f} CPU-s | peak RSS {summary['peak_rss_mb']:5.0f} MB | "
        f"runs {' '.join(f'{run.seconds:.2f}' for run in runs)} s"
    )
    return summary


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200, help="CSV size to generate, in MB (default 200)")
    parser.add_argument("--csv", type=Path, help="use this CSV (made by an earlier --keep-csv run) instead")
    parser.add_argument("--keep-csv", type=Path, help="also keep the generated CSV at this path")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (default 3)")
    parser.add_argument("--dir", type=Path, help="working directory (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "CSV", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", nargs=2, metavar=("CSV", "SIZE_MB"), type=str, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, csv_path, output_dir = args.child
        print(json.dumps(CHILDREN[kind](csv_path, output_dir) | {"peak_rss_mb": peak_rss_mb()}))
        return
    if args.generate:
        generate_csv(args.generate[0], int(args.generate[1]))
        return

    with tempfile.TemporaryDirectory(prefix="bench-worker-", dir=args.dir) as scratch:
        workdir = Path(scratch)
        csv_path = args.csv or workdir / "input.csv"
        started = time.perf_counter()
        if not args.csv:
            # in a child too: this process stays small (numpy, pyarrow never loaded here)
            subprocess.run([sys.executable, __file__, "--generate", str(csv_path), str(args.size_mb)], check=True)
            if args.keep_csv:
                shutil.copyfile(csv_path, args.keep_csv)
        size = csv_path.stat().st_size
        print(f"input: {size / MB:.1f} MB CSV ({time.perf_counter() - started:.1f} s); {os.cpu_count()} CPUs")
        print(f"load average before the runs: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
        runs: dict[str, list[Run]] = {"worker": [], "pandas": []}
        for _ in range(args.repeat):
            for kind in runs:  # alternate, so load changes on the machine hit both alike
                output_dir = workdir / kind
                output_dir.mkdir(exist_ok=True)
                runs[kind].append(run_child(kind, csv_path, output_dir))
        print(f"load average after the runs:  {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
        worker = summarise("worker", runs["worker"], size)
        pandas = summarise("pandas", runs["pandas"], size)
        checked = run_child_json("verify", workdir / "worker" / "data.parquet", workdir / "pandas" / "pandas.parquet")

    speed = pandas["best_seconds"] / worker["best_seconds"]
    median_speed = pandas["median_seconds"] / worker["median_seconds"]
    # each round runs both back to back: the ratio within a round is the least disturbed by load
    paired = statistics.median(p.seconds / w.seconds for w, p in zip(runs["worker"], runs["pandas"], strict=True))
    memory = worker["peak_rss_mb"] / pandas["peak_rss_mb"]
    print(
        f"speed  (pandas time / worker time): best {speed:.2f}x, median {median_speed:.2f}x, "
        f"median per round {paired:.2f}x  -> goal >= 2x {verdict(paired >= 2)}"
    )
    print(f"memory (worker peak RSS / pandas peak RSS): {memory:.2f}  -> goal <= 0.25 {verdict(memory <= 0.25)}")
    print(f"check: both Parquet files hold the same {checked['rows']} rows x {checked['columns']} columns and values")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "input_bytes": size,
                    "worker": worker,
                    "pandas": pandas,
                    "speedup": speed,
                    "speedup_per_round": paired,
                    "memory_ratio": memory,
                },
                indent=2,
            )
        )


def run_child_json(kind: str, *arguments: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, *map(str, arguments)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed: {done.stderr.strip() or done.stdout.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
