"""The emulator process: moto's server with the project's patches, on one loopback port.

Run by ``harness.emulator.Emulator`` as ``python -m harness.emulator.server --port N``; not meant to be
started by hand (``python -m harness emulator`` does that with the right settings).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)

    # moto reads these lazily; they must hold before the first request. The Step Functions engine and
    # the Batch runner call back into this server at MOTO_PORT, so it must be the real port.
    os.environ["MOTO_PORT"] = str(args.port)
    os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    os.environ.setdefault("MOTO_ACM_VALIDATION_WAIT", "2")

    from werkzeug.serving import make_server

    from harness.emulator import batch_runner, moto_patches
    from harness.emulator.retry_replay import SdkRetryReplay

    moto_patches.apply()

    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )

    server = make_server(
        args.host,
        args.port,
        SdkRetryReplay(DomainDispatcherApplication(create_backend_app)),
        threaded=True,
        request_handler=MotoRequestHandler,
    )

    def stop(signum: int, _frame: object) -> None:
        batch_runner.kill_all()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"emulator listening on http://{args.host}:{args.port}", flush=True)
    server.serve_forever()
    batch_runner.kill_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
