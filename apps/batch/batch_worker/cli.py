"""``python -m batch_worker``: the Batch job entry point (and ``--local`` for a run without AWS)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from batch_worker.errors import EXIT_OK, EXIT_TRANSIENT, EXIT_UNEXPECTED, WorkerError
from batch_worker.local import convert_local
from batch_worker.logs import log_event
from batch_worker.runtime import configure_arrow
from batch_worker.settings import Limits, Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m batch_worker",
        description="Convert s3://$INPUT_BUCKET/$INPUT_KEY to Parquet + a JSON profile under $RESULTS_BUCKET.",
    )
    parser.add_argument(
        "--local",
        nargs=2,
        metavar=("CSV", "OUTPUT_DIR"),
        help="convert a local file into OUTPUT_DIR/data.parquet and profile.json (no AWS)",
    )
    args = parser.parse_args(argv)
    configure_arrow()
    try:
        if args.local:
            convert_local(Path(args.local[0]), Path(args.local[1]), Limits.from_env(os.environ))
        else:
            # boto3 is imported only here: a local conversion does not pay its time and memory
            from batch_worker.storage import make_s3_client
            from batch_worker.worker import run

            run(Settings.from_env(os.environ), make_s3_client())
    except Exception as exc:  # every failure ends as one exit code and one stderr line
        return report_failure(exc)
    return EXIT_OK


def report_failure(error: Exception) -> int:
    from batch_worker.storage import is_transient  # see main(): boto3 only when needed

    if isinstance(error, WorkerError):
        code, label = error.exit_code, error.label
    elif is_transient(error):
        code, label = EXIT_TRANSIENT, "transient failure"
    else:
        code, label = EXIT_UNEXPECTED, "unexpected error"
    summary = " ".join(str(error).split()) or type(error).__name__
    log_event(
        "job failed",
        level=logging.ERROR,
        exit_code=code,
        error_type=type(error).__name__,
        error=summary,
        exc_info=code == EXIT_UNEXPECTED,
    )
    print(f"batch_worker: {label}: {summary}", file=sys.stderr)
    return code
