"""AWS Batch job worker: CSV upload -> validated Parquet + JSON profile (see apps/batch/README.md).

Nothing else lives here on purpose: when tests/unit is on sys.path (pytest's default import mode),
``import batch_worker`` can resolve to the tests/unit/batch_worker folder as a namespace package, and
only the submodules are then found.
"""
