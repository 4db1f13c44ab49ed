"""The README table generator copies types and defaults verbatim and detects stale READMEs."""

import pytest

from harness import tfdocs

pytestmark = pytest.mark.unit

MODULE = """
variable "name_prefix" {
  description = "Prefix of every name."
  type        = string
}

variable "sizes" {
  description = "Sizes | with a pipe."
  type = object({
    min = optional(number, 1)
    max = optional(number, 3)
  })
  default = {}
}

output "arn" {
  description = "The ARN."
  value       = "x"
}
"""


def test_table_lists_required_first_with_verbatim_types(tmp_path):
    (tmp_path / "main.tf").write_text(MODULE)
    table = tfdocs.render(tmp_path)
    lines = table.splitlines()
    inputs = [line for line in lines if line.startswith('| <a name="input_')]
    assert "[name_prefix]" in inputs[0] and inputs[0].endswith("| `string` | n/a | yes |")
    assert "`object({min = optional(number, 1), max = optional(number, 3)})`" in inputs[1]
    assert "Sizes \\| with a pipe." in inputs[1]
    assert "| `{}` | no |" in inputs[1]
    assert any("[arn](#output_arn) | The ARN. |" in line for line in lines)


def test_check_mode_fails_on_stale_readme_and_write_mode_fixes_it(tmp_path, capsys):
    (tmp_path / "main.tf").write_text(MODULE)
    (tmp_path / "README.md").write_text("# m\n\nProse kept.\n\n<!-- BEGIN_TF_DOCS -->\nold\n<!-- END_TF_DOCS -->\n")
    assert tfdocs.main(["--check", str(tmp_path)]) == 1
    assert "is stale" in capsys.readouterr().err
    assert tfdocs.main([str(tmp_path)]) == 0
    assert tfdocs.main(["--check", str(tmp_path)]) == 0
    assert (tmp_path / "README.md").read_text().startswith("# m\n\nProse kept.\n")
