"""The data pipeline from the outside: upload a CSV, start the state machine, wait, read what it wrote.

Used by the main job (``run_demo_pipeline``) and the end-to-end tests. Only the public contract is
assumed (docs/CONVENTIONS.md, Batch worker contract): the state machine takes ``{"bucket", "key"}``, and
the worker writes ``<RESULTS_PREFIX><upload key without extension>/data.parquet`` and ``profile.json``
to the results bucket.
"""

from __future__ import annotations

import io
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

# modules/batch_sfn's results_prefix, which every environment keeps.
RESULTS_PREFIX = "results/"
EXECUTION_TIMEOUT_SECONDS = 180
POLL_SECONDS = 0.5


class PipelineError(RuntimeError):
    pass


@dataclass(frozen=True)
class Execution:
    name: str
    arn: str
    status: str
    seconds: float
    error: str | None = None
    cause: str | None = None

    def failed_job(self) -> dict[str, Any]:
        """The Batch job description a failed execution carries as its cause."""
        try:
            return json.loads(self.cause or "")
        except json.JSONDecodeError as error:
            raise PipelineError(
                f"execution {self.name} ({self.error}) has no job in its cause: {self.cause!r}"
            ) from error


def result_keys(upload_key: str, results_prefix: str = RESULTS_PREFIX) -> tuple[str, str]:
    """(parquet key, profile key) of an upload, per the worker contract: the last extension is dropped."""
    folder, slash, name = upload_key.rpartition("/")
    stem, dot, _ = name.rpartition(".")
    base = results_prefix + folder + slash + (stem if dot and stem else name)
    return f"{base}/data.parquet", f"{base}/profile.json"


def start(sfn: Any, state_machine_arn: str, bucket: str, key: str) -> tuple[str, str]:
    """Start one execution for s3://bucket/key; returns (execution name, ARN). Names are unique per call."""
    name = f"run-{uuid.uuid4().hex[:16]}"
    arn = sfn.start_execution(
        stateMachineArn=state_machine_arn, name=name, input=json.dumps({"bucket": bucket, "key": key})
    )["executionArn"]
    return name, arn


def wait(sfn: Any, name: str, arn: str, timeout: float = EXECUTION_TIMEOUT_SECONDS) -> Execution:
    begin = time.monotonic()
    while time.monotonic() - begin < timeout:
        described = sfn.describe_execution(executionArn=arn)
        if described["status"] != "RUNNING":
            return Execution(
                name=name,
                arn=arn,
                status=described["status"],
                seconds=time.monotonic() - begin,
                error=described.get("error"),
                cause=described.get("cause"),
            )
        time.sleep(POLL_SECONDS)
    raise PipelineError(f"execution {name} still RUNNING after {timeout:.0f}s")


def run(s3: Any, sfn: Any, outputs: dict[str, Any], key: str, body: bytes) -> Execution:
    """Upload ``body`` to the uploads bucket under ``key`` and run the state machine on it."""
    s3.put_object(Bucket=outputs["uploads_bucket_name"], Key=key, Body=body, ContentType="text/csv")
    name, arn = start(sfn, outputs["state_machine_arn"], outputs["uploads_bucket_name"], key)
    return wait(sfn, name, arn)


def read_results(s3: Any, bucket: str, upload_key: str) -> tuple[Any, dict[str, Any]]:
    """The Parquet table (pyarrow) and the profile the worker wrote for an upload."""
    import pyarrow.parquet as pq

    parquet_key, profile_key = result_keys(upload_key)
    table = pq.read_table(io.BytesIO(s3.get_object(Bucket=bucket, Key=parquet_key)["Body"].read()))
    profile = json.loads(s3.get_object(Bucket=bucket, Key=profile_key)["Body"].read())
    return table, profile


@dataclass(frozen=True)
class SampleOrders:
    """A generated orders CSV and what its Parquet and profile must hold."""

    ids: list[int]
    cities: list[str]
    amounts: list[float | None]

    @classmethod
    def generate(cls, rows: int = 50) -> SampleOrders:
        cities = ["Lisbon", "Porto", "Braga", "Faro"]
        return cls(
            ids=list(range(1, rows + 1)),
            cities=[cities[row % len(cities)] for row in range(rows)],
            # Every seventh amount is missing: the profile must count those nulls.
            amounts=[None if row % 7 == 3 else round(10 + row * 1.25, 2) for row in range(rows)],
        )

    @property
    def csv(self) -> bytes:
        lines = ["order_id,city,amount"]
        lines += [
            f"{order_id},{city},{'' if amount is None else amount}"
            for order_id, city, amount in zip(self.ids, self.cities, self.amounts, strict=True)
        ]
        return ("\n".join(lines) + "\n").encode()

    def differences(self, table: Any, profile: dict[str, Any]) -> list[str]:
        """What the results get wrong about this sample; empty when they are right."""
        problems = []
        expected_columns = {"order_id": self.ids, "city": self.cities, "amount": self.amounts}
        if table.column_names != list(expected_columns):
            problems.append(f"parquet columns {table.column_names}, expected {list(expected_columns)}")
        else:
            for column, values in expected_columns.items():
                if table.column(column).to_pylist() != values:
                    problems.append(f"parquet column {column} does not hold the uploaded values")
        if profile.get("row_count") != len(self.ids):
            problems.append(f"profile row_count {profile.get('row_count')}, expected {len(self.ids)}")
        amount = profile.get("columns", {}).get("amount", {})
        present = [value for value in self.amounts if value is not None]
        expected_amount = {
            "inferred_type": "float",
            "null_count": len(self.amounts) - len(present),
            "min": min(present),
            "max": max(present),
        }
        actual_amount = {name: amount.get(name) for name in expected_amount}
        if actual_amount != expected_amount:
            problems.append(f"profile of amount {actual_amount}, expected {expected_amount}")
        return problems


def run_demo_pipeline(emulator: Any, outputs: dict[str, Any], say: Any) -> str:
    """One run of the pipeline on the applied envs/local: where the result landed, or an exception."""
    s3, sfn = emulator.client("s3"), emulator.client("stepfunctions")
    sample = SampleOrders.generate()
    key = f"uploads/demo-{uuid.uuid4().hex[:8]}.csv"
    say(f"  uploaded s3://{outputs['uploads_bucket_name']}/{key} ({len(sample.ids)} rows)")
    execution = run(s3, sfn, outputs, key, sample.csv)
    say(f"  execution {execution.name}: {execution.status} in {execution.seconds:.1f}s")
    if execution.status != "SUCCEEDED":
        raise PipelineError(
            f"execution {execution.name} ended {execution.status}: {execution.error}: {execution.cause}"
        )
    table, profile = read_results(s3, outputs["results_bucket_name"], key)
    problems = sample.differences(table, profile)
    if problems:
        raise PipelineError("the pipeline result is wrong: " + "; ".join(problems))
    parquet_key, _ = result_keys(key)
    return (
        f"s3://{outputs['results_bucket_name']}/{parquet_key} (+ profile.json): "
        f"{table.num_rows} rows x {table.num_columns} columns, matching the upload"
    )
