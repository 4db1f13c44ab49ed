"""Generate the inputs/outputs tables of a module README (terraform-docs is not available offline).

    python -m harness.tfdocs modules/s3 [modules/kms ...]   # rewrite the tables in place
    python -m harness.tfdocs --check modules/*               # exit 1 and name stale READMEs

The table sits between ``<!-- BEGIN_TF_DOCS -->`` and ``<!-- END_TF_DOCS -->`` in ``README.md``; the text
outside the markers is the author's. Types and defaults are copied verbatim from the source (collapsed
onto one line), so what the README says is what the code says.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import hcl2

BEGIN = "<!-- BEGIN_TF_DOCS -->"
END = "<!-- END_TF_DOCS -->"


@dataclass
class Variable:
    name: str
    description: str
    type: str
    default: str | None


@dataclass
class Output:
    name: str
    description: str
    sensitive: bool


def _raw_attribute(lines: list[str], attribute: str) -> str | None:
    """The source text of a block's top-level attribute, brackets balanced, on one line."""
    pattern = re.compile(rf"^\s*{attribute}\s*=\s*(.*)$")
    depth = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if depth == 0 and (match := pattern.match(line)):
            text = match.group(1)
            collected = [text]
            balance = _balance(text)
            cursor = index
            while balance > 0 and cursor + 1 < len(lines):
                cursor += 1
                collected.append(lines[cursor].strip())
                balance += _balance(lines[cursor])
            return _collapse("\n".join(collected))
        if stripped.endswith("{") and not stripped.startswith("#"):
            depth += 1
        elif stripped == "}" or stripped.startswith("}"):
            depth = max(depth - 1, 0)
    return None


def _balance(text: str) -> int:
    without_strings = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    return sum(without_strings.count(c) for c in "([{") - sum(without_strings.count(c) for c in ")]}")


def _collapse(text: str) -> str:
    # Object type and map members sit one per line without commas; on one line they need them.
    text = re.sub(r"([\w\"')\]}])[ \t]*\n\s*(?=[^\s)\]}])", r"\1, ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"([(\[{]) ", r"\1", text)
    text = re.sub(r" ([)\]}])", r"\1", text)
    return re.sub(r",([)\]}])", r"\1", text)


def _blocks(path: Path, kind: str) -> list[tuple[str, dict, list[str]]]:
    if not path.exists():
        return []
    source = path.read_text()
    lines = source.splitlines()
    parsed = hcl2.loads(source)
    blocks = []
    for entry in parsed.get(kind, []):
        for name, body in entry.items():
            start, end = body.get("__start_line__"), body.get("__end_line__")
            block_lines = lines[start : end - 1] if start and end else []
            blocks.append((name, body, block_lines))
    return blocks


def _first(body: dict, key: str, default: object = "") -> object:
    value = body.get(key, default)
    return value[0] if isinstance(value, list) and value else value


def read_module(module: Path) -> tuple[list[Variable], list[Output]]:
    variables = []
    for tf in sorted(module.glob("*.tf")):
        for name, body, block_lines in _blocks(tf, "variable"):
            variables.append(
                Variable(
                    name=name,
                    description=str(_first(body, "description")),
                    type=_raw_attribute(block_lines, "type") or "any",
                    default=_raw_attribute(block_lines, "default") if "default" in body else None,
                )
            )
    outputs = []
    for tf in sorted(module.glob("*.tf")):
        for name, body, _ in _blocks(tf, "output"):
            outputs.append(
                Output(
                    name=name,
                    description=str(_first(body, "description")),
                    sensitive=bool(_first(body, "sensitive", False)),
                )
            )
    return sorted(variables, key=lambda v: (v.default is not None, v.name)), sorted(outputs, key=lambda o: o.name)


def _cell(text: str) -> str:
    return text.replace('\\"', '"').replace("|", "\\|").replace("\n", " ").strip()


def render(module: Path) -> str:
    variables, outputs = read_module(module)
    lines = [BEGIN, "## Inputs", ""]
    if variables:
        lines += [
            "| Name | Description | Type | Default | Required |",
            "|------|-------------|------|---------|:--------:|",
        ]
        for variable in variables:
            default = "n/a" if variable.default is None else f"`{_cell(variable.default)}`"
            required = "yes" if variable.default is None else "no"
            lines.append(
                f'| <a name="input_{variable.name}"></a> [{variable.name}](#input_{variable.name}) | '
                f"{_cell(variable.description)} | `{_cell(variable.type)}` | {default} | {required} |"
            )
    else:
        lines.append("No inputs.")
    lines += ["", "## Outputs", ""]
    if outputs:
        lines += ["| Name | Description |", "|------|-------------|"]
        for output in outputs:
            suffix = " (sensitive)" if output.sensitive else ""
            lines.append(
                f'| <a name="output_{output.name}"></a> [{output.name}](#output_{output.name}) | '
                f"{_cell(output.description)}{suffix} |"
            )
    else:
        lines.append("No outputs.")
    lines.append(END)
    return "\n".join(lines)


def updated_readme(module: Path) -> tuple[str, str]:
    readme = module / "README.md"
    current = readme.read_text() if readme.exists() else f"# {module.name}\n\n{BEGIN}\n{END}\n"
    if BEGIN not in current or END not in current:
        current = current.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = current.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return current, head + render(module) + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the inputs/outputs table of module READMEs.")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if a README is stale")
    parser.add_argument("modules", nargs="+", type=Path)
    args = parser.parse_args(argv)
    stale = []
    for module in args.modules:
        if not list(module.glob("*.tf")):
            continue
        current, wanted = updated_readme(module)
        if current != wanted:
            stale.append(module)
            if not args.check:
                (module / "README.md").write_text(wanted)
    if args.check and stale:
        for module in stale:
            print(f"{module}/README.md is stale: run python -m harness.tfdocs {module}", file=sys.stderr)
        return 1
    for module in stale if not args.check else []:
        print(f"updated {module}/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
