"""Thin on purpose: the fixtures live in harness.testing (a pytest plugin)."""

pytest_plugins = ["harness.testing"]
