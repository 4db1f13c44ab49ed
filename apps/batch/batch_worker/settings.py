"""Job settings read from the environment (the Batch worker contract in docs/CONVENTIONS.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from batch_worker.errors import ConfigError

GIB = 1024**3
MIB = 1024**2

DEFAULT_MAX_INPUT_BYTES = 5 * GIB
DEFAULT_MAX_COLUMNS = 1000
DEFAULT_MAX_ROW_BYTES = 8 * MIB


@dataclass(frozen=True)
class Limits:
    """What an input may be; anything beyond is bad input (exit 65)."""

    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    max_columns: int = DEFAULT_MAX_COLUMNS
    max_row_bytes: int = DEFAULT_MAX_ROW_BYTES

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Limits:
        return cls(
            max_input_bytes=_positive_int(environ, "MAX_INPUT_BYTES", DEFAULT_MAX_INPUT_BYTES),
            max_columns=_positive_int(environ, "MAX_COLUMNS", DEFAULT_MAX_COLUMNS),
            max_row_bytes=_positive_int(environ, "MAX_ROW_BYTES", DEFAULT_MAX_ROW_BYTES),
        )


@dataclass(frozen=True)
class Settings:
    input_bucket: str
    input_key: str
    results_bucket: str
    results_prefix: str
    limits: Limits = Limits()

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        missing = [
            name for name in ("INPUT_BUCKET", "INPUT_KEY", "RESULTS_BUCKET") if not environ.get(name, "").strip()
        ]
        if missing:
            raise ConfigError(f"missing environment variable(s): {', '.join(missing)}")
        return cls(
            input_bucket=environ["INPUT_BUCKET"].strip(),
            input_key=environ["INPUT_KEY"],
            results_bucket=environ["RESULTS_BUCKET"].strip(),
            results_prefix=environ.get("RESULTS_PREFIX", ""),
            limits=Limits.from_env(environ),
        )

    @property
    def results_stem(self) -> str:
        """``$RESULTS_PREFIX`` + the upload key without its extension (the prefix is used verbatim)."""
        return self.results_prefix + strip_extension(self.input_key)

    @property
    def parquet_key(self) -> str:
        return f"{self.results_stem}/data.parquet"

    @property
    def profile_key(self) -> str:
        return f"{self.results_stem}/profile.json"


def strip_extension(key: str) -> str:
    """Drop the last extension of the last path segment: ``in/a.b.csv`` -> ``in/a.b``.

    A dot-file (``in/.csv``) or a dot in a folder name (``v1.2/data``) is left alone.
    """
    folder, slash, name = key.rpartition("/")
    stem, dot, _ = name.rpartition(".")
    return folder + slash + (stem if dot and stem else name)


def _positive_int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a positive integer (bytes or a count), got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be a positive integer (bytes or a count), got {raw!r}")
    return value
