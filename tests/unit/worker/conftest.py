# Fixtures live in batch_worker_fixtures.py; this file only exposes them to the tests here.
from batch_worker_fixtures import aws_s3, csv_file, mocked_s3, run_job  # noqa: F401
