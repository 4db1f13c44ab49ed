"""AWS Batch job worker: CSV upload -> validated Parquet + JSON profile (see apps/batch/README.md)."""
