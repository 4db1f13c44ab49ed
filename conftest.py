"""Thin on purpose: the fixtures live in plugins (harness.testing: toolchain, emulator, plans;
harness.integration: targets and ephemeral environments)."""

pytest_plugins = ["harness.testing", "harness.integration"]
