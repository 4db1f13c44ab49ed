"""Step headers with elapsed time, and a closing summary a person can read at a glance."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class StepResult:
    name: str
    seconds: float
    ok: bool
    note: str = ""


@dataclass
class Steps:
    title: str
    results: list[StepResult] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    out: object = sys.stdout

    def say(self, message: str) -> None:
        print(message, file=self.out, flush=True)

    @contextmanager
    def step(self, name: str) -> Iterator[StepResult]:
        self.say(f"\n==> {name}")
        result = StepResult(name=name, seconds=0.0, ok=False)
        begin = time.monotonic()
        try:
            yield result
            result.ok = True
        finally:
            result.seconds = time.monotonic() - begin
            self.results.append(result)
            status = "done" if result.ok else "FAILED"
            note = f" - {result.note}" if result.note else ""
            self.say(f"    {status} in {result.seconds:.1f}s{note}")

    def summary(self, extra: list[str] | None = None) -> bool:
        ok = all(result.ok for result in self.results)
        width = max((len(result.name) for result in self.results), default=10)
        self.say(f"\n{'=' * 72}\n{self.title}: {'OK' if ok else 'FAILED'} in {time.monotonic() - self.started:.1f}s")
        for result in self.results:
            mark = "ok  " if result.ok else "FAIL"
            note = f"  {result.note}" if result.note else ""
            self.say(f"  [{mark}] {result.name:<{width}} {result.seconds:7.1f}s{note}")
        for line in extra or []:
            self.say(f"  {line}")
        self.say("=" * 72)
        return ok
