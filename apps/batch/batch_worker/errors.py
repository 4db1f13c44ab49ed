"""Failure kinds and the exit codes the Batch job definition acts on (sysexits.h values)."""

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_BAD_INPUT = 65  # EX_DATAERR: the job definition maps it to EXIT, never retried
EXIT_TRANSIENT = 75  # EX_TEMPFAIL: retried by Batch
EXIT_CONFIG = 78  # EX_CONFIG: the job definition or the environment is wrong


class WorkerError(Exception):
    """An anticipated failure; ``exit_code`` is what the process returns."""

    exit_code = EXIT_UNEXPECTED
    label = "error"


class BadInputError(WorkerError):
    """The uploaded object can never be converted: retrying cannot help."""

    exit_code = EXIT_BAD_INPUT
    label = "bad input"


class TransientError(WorkerError):
    """A failure that a later attempt may not meet (throttling, 5xx, network)."""

    exit_code = EXIT_TRANSIENT
    label = "transient failure"


class ConfigError(WorkerError):
    """A missing or malformed environment variable."""

    exit_code = EXIT_CONFIG
    label = "configuration error"
