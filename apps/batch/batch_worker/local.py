"""The conversion on local files, without AWS: ``python -m batch_worker --local`` and the benchmark."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from batch_worker.convert import convert_csv
from batch_worker.document import PARQUET_NAME, PROFILE_NAME, conversion_options, profile_document
from batch_worker.errors import BadInputError
from batch_worker.settings import Limits


def convert_local(csv_path: Path, output_dir: Path, limits: Limits | None = None) -> dict[str, Any]:
    """The same conversion on local files (no AWS): ``output_dir``/data.parquet and profile.json."""
    limits = limits or Limits()
    size = csv_path.stat().st_size
    if size > limits.max_input_bytes:
        raise BadInputError(f"the file is {size} bytes; the limit is {limits.max_input_bytes} bytes (MAX_INPUT_BYTES)")
    output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="batch-worker-", dir=output_dir) as scratch:
        staged_parquet = Path(scratch, PARQUET_NAME)
        result = convert_csv(csv_path, staged_parquet, conversion_options(limits))
        profile = profile_document(
            result,
            source={"path": str(csv_path), "size_bytes": size},
            output={
                "parquet_path": str(output_dir / PARQUET_NAME),
                "profile_path": str(output_dir / PROFILE_NAME),
                "parquet_size_bytes": staged_parquet.stat().st_size,
            },
        )
        staged_profile = Path(scratch, PROFILE_NAME)
        staged_profile.write_text(json.dumps(profile, indent=2))
        os.replace(staged_parquet, output_dir / PARQUET_NAME)
        os.replace(staged_profile, output_dir / PROFILE_NAME)
    return profile
