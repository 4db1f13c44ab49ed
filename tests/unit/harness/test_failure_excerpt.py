"""A failed Terraform step names its error even when the diagnostic is longer than the excerpt's tail."""

import pytest

from harness.environments import failure_excerpt

pytestmark = pytest.mark.unit


def test_the_error_headline_comes_first_when_the_diagnostic_quotes_a_long_document():
    definition = "\n".join(f'    "line {n}": {n},' for n in range(200))
    output = (
        "module.batch_sfn.aws_sfn_state_machine.this: Creating...\n\n"
        "Error: creating Step Functions State Machine (it-hml-pipeline): operation error SFN: CreateStateMachine, "
        "api error : Error=ValueError Args=['Unsupported declaration'] in definition '{\n"
        f"{definition}\n}}'.\n\n"
        "  with module.batch_sfn.aws_sfn_state_machine.this,\n"
        '  on ../../modules/batch_sfn/sfn.tf line 9, in resource "aws_sfn_state_machine" "this":\n'
    )
    excerpt = failure_excerpt(output, tail_lines=5)
    first = excerpt.splitlines()[0]
    assert first.startswith("Error: creating Step Functions State Machine (it-hml-pipeline)")
    assert "Error=ValueError Args=['Unsupported declaration']" in first
    assert excerpt.endswith('in resource "aws_sfn_state_machine" "this":')
    assert '"line 150"' not in excerpt


def test_headlines_are_cut_and_boxed_diagnostics_are_read():
    output = "│ Error: " + "x" * 1000 + "\n│ \n│   with aws_s3_bucket.this,\n╵\n"
    excerpt = failure_excerpt(output, headline_chars=50)
    assert excerpt.splitlines()[0] == "Error: " + "x" * 43 + " [...]"
    assert excerpt.rstrip().endswith("╵")


def test_output_without_an_error_headline_is_its_tail():
    output = "\n".join(f"line {n}" for n in range(100))
    assert failure_excerpt(output, tail_lines=3) == "line 97\nline 98\nline 99"
