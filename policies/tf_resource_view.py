"""Tier-agnostic views of a Terraform resource for the CKV_C04 checks (not a check itself).

checkov hands a check the resource's own configuration only. The checks here also need what the input
says about related resources and about values it does not know yet, with the same logic for both inputs:

- HCL (framework terraform): values come list-wrapped, unresolved expressions stay as text
  ("var.x", "aws_kms_key.k.arn", "${...}"); relations come from checkov's graph (``check.graph``), whose
  edges go from the referencing attribute to a resource, or through variables, module calls and outputs.
- Plan JSON (framework terraform_plan): checkov drops values known only after apply and keeps no trace
  of them for references that go through module inputs, so the views read the plan document itself
  (``conf["__file__"]``): planned values, ``after_unknown`` and the ``configuration`` references.

A value is ``UNKNOWN`` when the input cannot tell it (an unresolved expression, a value known after apply);
``None`` means absent. Checks turn UNKNOWN into CheckResult.UNKNOWN only when nothing else decides.
"""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from checkov.common.models.enums import CheckResult

# checkov executes every .py file of the checks folder as a fresh module, these helpers included, so a
# check and a helper may hold different copies of this module: the sentinel must be the same object in all
# of them, hence a builtin singleton no Terraform value can be. Always compare with `is UNKNOWN`.
UNKNOWN: Any = Ellipsis

# Text that checkov leaves when it cannot render an HCL expression.
_UNRESOLVED_PREFIXES = ("var.", "local.", "module.", "data.", "each.", "count.", "path.", "self.", "terraform.")
_RESOURCE_REFERENCE = re.compile(r"^[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?(\.[A-Za-z0-9_*-]+)*$")
_FUNCTION_CALL = re.compile(r"^[a-z][a-z0-9_]*\(.*\)$", re.DOTALL)
_INDEX_SEGMENT = re.compile(r"^\d+$")
_INSTANCE_KEY = re.compile(r"\[[^\]]*\]")


def is_unresolved_text(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip()
    return (
        text.startswith(_UNRESOLVED_PREFIXES)
        or "${" in text
        or bool(_RESOURCE_REFERENCE.match(text))
        or bool(_FUNCTION_CALL.match(text))
    )


def as_bool(value: Any) -> Any:
    """True/False from a bool or its text form; UNKNOWN stays UNKNOWN; anything else is None."""
    if value is UNKNOWN or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def as_int(value: Any) -> Any:
    if value is UNKNOWN or value is None:
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and int(value) == value:
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def all_true(values: Iterable[Any]) -> Any:
    """Three-valued AND over True / False / UNKNOWN (None counts as False)."""
    values = list(values)
    if any(v is not UNKNOWN and not v for v in values):
        return False
    return UNKNOWN if any(v is UNKNOWN for v in values) else True


def any_true(values: Iterable[Any]) -> Any:
    """Three-valued OR over True / False / UNKNOWN (None counts as False)."""
    values = list(values)
    if any(v is not UNKNOWN and v for v in values):
        return True
    return UNKNOWN if any(v is UNKNOWN for v in values) else False


def check_result(verdict: Any) -> CheckResult:
    if verdict is UNKNOWN:
        return CheckResult.UNKNOWN
    return CheckResult.PASSED if verdict else CheckResult.FAILED


def strip_instance_keys(address: str) -> str:
    return _INSTANCE_KEY.sub("", address)


@dataclass(frozen=True)
class Target:
    """A resource or data source that an attribute refers to."""

    mode: str  # "managed" | "data"
    resource_type: str
    view: ResourceView


@dataclass
class Attachments:
    """Resources of one type that point at a given resource (e.g. an encryption configuration -> bucket)."""

    views: list[ResourceView] = field(default_factory=list)
    undecided: bool = False  # some resource of that type points at something the input cannot resolve


class BlockView:
    """A resource or one of its nested blocks."""

    def value(self, name: str) -> Any:
        raise NotImplementedError

    def blocks(self, name: str) -> Any:
        """Nested blocks as views, [] when absent, UNKNOWN when the input cannot tell."""
        raise NotImplementedError

    def targets(self, name: str) -> list[Target]:
        """Resources and data sources the attribute refers to, following variables, modules and outputs."""
        raise NotImplementedError

    def text(self, name: str) -> Any:
        """Like value(), but an unresolved HCL expression stays the text checkov left ("${x.url}:sub"), so the
        literal parts around a reference can still be read; UNKNOWN only when the input holds no text at all."""
        return self.value(name)

    def string_list(self, name: str) -> Any:
        """An attribute that may be a string or a list of strings, as a list; UNKNOWN if any item is."""
        value = self.value(name)
        if value is None or value is UNKNOWN:
            return [] if value is None else UNKNOWN
        items = value if isinstance(value, list) else [value]
        # a None item in a plan list is an element known only after apply
        undecided = any(item is UNKNOWN or item is None or is_unresolved_text(item) for item in items)
        return UNKNOWN if undecided else items


class ResourceView(BlockView):
    address: str
    resource_type: str

    def attached(self, resource_type: str, via: str = "bucket") -> Attachments:
        raise NotImplementedError

    def tag(self, key: str) -> Any:
        """The effective value of a tag (resource tags over provider default tags), None, or UNKNOWN."""
        raise NotImplementedError


def resource_view(check: Any, conf: dict[str, Any]) -> ResourceView:
    """The view of the resource a check is scanning, for either checkov framework."""
    plan_file = conf.get("__file__")
    if plan_file:
        path = plan_file[0] if isinstance(plan_file, list) else plan_file
        return _PlanDocument.load(path).resource(conf["__address__"])
    return _HclGraph(check.graph).resource_for_conf(conf)


# --------------------------------------------------------------------------------------------- HCL tier


_REFERENCE_HEAD = re.compile(r"^(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[[^\]]*\])?(?:\.|$)")


def _module_prefix(address: str) -> str:
    """'module.a["k"].module.b' of 'module.a["k"].module.b.aws_x.y[0]'; '' in the root module."""
    return _Address.parse(address).module_prefix if address else ""


def _normalised_label(label: str) -> str:
    label = label.removeprefix("[cross-variable] ")
    return ".".join(part for part in label.split(".") if not _INDEX_SEGMENT.match(part))


class _HclGraph:
    def __init__(self, graph: Any) -> None:
        self.graph = graph
        self.vertices: dict[int, dict[str, Any]] = dict(self._nodes()) if graph is not None else {}

    def _nodes(self) -> Iterable[tuple[int, dict[str, Any]]]:
        if hasattr(self.graph, "edge_list"):  # rustworkx, checkov's default
            return self.graph.nodes()
        return self.graph.nodes(data=True)

    def out_edges(self, index: int) -> Iterator[tuple[int, str]]:
        if hasattr(self.graph, "edge_list"):
            for _, target, data in self.graph.out_edges(index):
                yield target, data.get("label", "")
        else:
            for _, target, data in self.graph.out_edges(index, data=True):
                yield target, data.get("label", "")

    def resource_for_conf(self, conf: dict[str, Any]) -> _HclResourceView:
        for index, attributes in self.vertices.items():
            by_name = attributes.get("config_", {}).get(attributes.get("resource_type"), {})
            if any(candidate is conf for candidate in by_name.values()):
                return _HclResourceView(self, index, conf)
        return _HclResourceView(self, None, conf)

    def view(self, index: int) -> _HclResourceView:
        attributes = self.vertices[index]
        config = attributes.get("config_", {})
        by_name = next(iter(config.values()), {}) if config else {}
        conf = next(iter(by_name.values()), {}) if isinstance(by_name, dict) and by_name else {}
        return _HclResourceView(self, index, conf)

    def rendered_from_unset_variable(self, index: int | None, attribute_path: str) -> bool:
        if index is None:
            return False
        # checkov keys the breadcrumbs of nested block attributes without the block index (vpc_config.cidrs)
        crumbs_by_path = self.vertices[index].get("rendering_breadcrumbs_", {})
        breadcrumbs = crumbs_by_path.get(attribute_path) or crumbs_by_path.get(_normalised_label(attribute_path), [])
        for crumb in breadcrumbs:
            if crumb.get("type") != "variable":
                continue
            for attributes in self.vertices.values():
                if (
                    attributes.get("block_type_") == "variable"
                    and attributes.get("block_name_") == crumb.get("name")
                    and attributes.get("file_path_") == crumb.get("path")
                    and "default" not in attributes
                ):
                    return True
        return False

    def module_call(self, attributes: dict[str, Any]) -> dict[str, Any] | None:
        """The module block that instantiated a vertex's module, None for the root module."""
        module = attributes.get("source_module_object_")
        if module is None:
            return None
        for candidate in self.vertices.values():
            if (
                candidate.get("block_type_") == "module"
                and candidate.get("block_name_") == getattr(module, "name", None)
                and candidate.get("file_path_") == getattr(module, "path", None)
            ):
                return candidate
        return None

    def vertices_named_by(self, index: int, reference: str) -> list[int]:
        """Vertices of the same module instance that a reference text such as aws_x.y["k"].attr names."""
        match = _REFERENCE_HEAD.match(reference.strip())
        if not match:
            return []
        is_data, resource_type, name, key = match.groups()
        origin = self.vertices[index]
        folder = os.path.dirname(origin.get("file_path_", ""))
        prefix = _module_prefix(origin.get("__address__", ""))
        wanted_type = f"data.{resource_type}" if is_data else resource_type
        candidates = [
            i
            for i, attributes in self.vertices.items()
            if attributes.get("resource_type") == wanted_type
            and strip_instance_keys(attributes.get("block_name_", "")) == f"{resource_type}.{name}"
            and os.path.dirname(attributes.get("file_path_", "")) == folder
            and _module_prefix(attributes.get("__address__", "")) == prefix
        ]
        keyed = [i for i in candidates if key and self.vertices[i].get("block_name_", "").endswith(key)]
        return keyed or candidates

    def follow(self, index: int, attribute_path: str) -> list[int]:
        """Resource/data vertices reached from an attribute, through variables, module calls and outputs."""
        wanted = _normalised_label(attribute_path)
        frontier = [t for t, label in self.out_edges(index) if _normalised_label(label) == wanted]
        reached: list[int] = []
        seen: set[int] = set()
        while frontier:
            current = frontier.pop()
            if current in seen:
                continue
            seen.add(current)
            attributes = self.vertices.get(current, {})
            block_type = attributes.get("block_type_")
            if block_type in ("resource", "data"):
                reached.append(current)
            elif block_type == "variable":
                # variable -> its module call -> whatever the call passes for that variable
                name = attributes.get("block_name_", "").rsplit(".", 1)[-1]
                for module_call, _ in self.out_edges(current):
                    if self.vertices.get(module_call, {}).get("block_type_") == "module":
                        frontier += [t for t, label in self.out_edges(module_call) if label == name]
            elif block_type in ("output", "locals"):
                frontier += [t for t, _ in self.out_edges(current)]
        return reached


# checkov renders "${ref}/*" inside an unrendered jsonencode() as ''ref'/*'
_BROKEN_INTERPOLATION = re.compile(r"''([^'\\]*)'([^'\\]*)'")


def _decode_unrendered_jsonencode(text: str) -> Any:
    """The structure of jsonencode(<literal>) that checkov left as text because a string in it refers to
    something unresolved; the unresolved strings stay as reference text, the structure (keys, effects,
    actions, conditions) is what the checks read. UNKNOWN when it still does not parse."""
    literal = text[len("jsonencode(") : -1]
    for candidate in (literal, _BROKEN_INTERPOLATION.sub(r"'\1\2'", literal)):
        try:
            return ast.literal_eval(candidate)
        except (ValueError, SyntaxError):
            continue
    return UNKNOWN


class _HclBlockView(BlockView):
    def __init__(self, graph: _HclGraph, index: int | None, conf: dict[str, Any], path: str = "") -> None:
        self._graph = graph
        self._index = index
        self._conf = conf
        self._path = path

    def value(self, name: str) -> Any:
        raw = self._conf.get(name)
        if isinstance(raw, list):
            if not raw:
                # inside a nested block checkov renders a list variable that has no value as a bare []
                return UNKNOWN if self._graph.rendered_from_unset_variable(self._index, self._path + name) else None
            raw = raw[0] if len(raw) == 1 else raw
        if raw is None:
            return None
        if isinstance(raw, str) and raw.startswith("jsonencode(") and raw.endswith(")"):
            return _decode_unrendered_jsonencode(raw)
        if is_unresolved_text(raw):
            return UNKNOWN
        if raw in ({}, []) and self._graph.rendered_from_unset_variable(self._index, self._path + name):
            return UNKNOWN  # checkov renders a map or list variable that has no value as empty
        return raw

    def text(self, name: str) -> Any:
        raw = self._conf.get(name)
        text = raw[0] if isinstance(raw, list) and len(raw) == 1 else raw
        return text if isinstance(text, str) and is_unresolved_text(text) else self.value(name)

    def blocks(self, name: str) -> Any:
        raw = self._conf.get(name)
        if raw is None:
            return []
        if isinstance(raw, list) and all(isinstance(item, dict) for item in raw):
            return [
                _HclBlockView(self._graph, self._index, item, f"{self._path}{name}.{position}.")
                for position, item in enumerate(raw)
            ]
        # a dynamic block or an expression checkov could not expand into blocks
        return UNKNOWN

    def targets(self, name: str) -> list[Target]:
        if self._index is None:
            return []
        found = []
        reached = self._graph.follow(self._index, self._path + name)
        if not reached:
            # checkov draws no edge for keyed references such as data.x.y[each.key].json
            raw = self._conf.get(name)
            text = raw[0] if isinstance(raw, list) and len(raw) == 1 else raw
            reached = self._graph.vertices_named_by(self._index, text) if isinstance(text, str) else []
        for index in dict.fromkeys(reached):
            view = self._graph.view(index)
            mode = "data" if self._graph.vertices[index].get("block_type_") == "data" else "managed"
            found.append(Target(mode, view.resource_type, view))
        return found


class _HclResourceView(_HclBlockView, ResourceView):
    def __init__(self, graph: _HclGraph, index: int | None, conf: dict[str, Any]) -> None:
        super().__init__(graph, index, conf)
        attributes = graph.vertices.get(index, {}) if index is not None else {}
        self.address = conf.get("__address__") or attributes.get("__address__", "")
        # checkov names data source vertices "data.<type>"
        self.resource_type = (attributes.get("resource_type") or self.address.split(".")[-2]).removeprefix("data.")

    def attached(self, resource_type: str, via: str = "bucket") -> Attachments:
        result = Attachments()
        if self._index is None:
            result.undecided = True
            return result
        my_names = {v for v in (self.value("bucket"), self.value("name"), self.value("id")) if isinstance(v, str)}
        my_folder = os.path.dirname(self._graph.vertices[self._index].get("file_path_", ""))
        for index, attributes in self._graph.vertices.items():
            if attributes.get("resource_type") != resource_type or attributes.get("block_type_") != "resource":
                continue
            candidate = self._graph.view(index)
            if self._index in self._graph.follow(index, via):
                result.views.append(candidate)
                continue
            iterated = self._iterated_resource(candidate, via)
            if iterated is not None:
                if iterated == strip_instance_keys(self.address):
                    result.views.append(candidate)
                continue
            pointer = candidate.value(via)
            # a literal name only links resources of the same Terraform module folder
            same_folder = os.path.dirname(attributes.get("file_path_", "")) == my_folder
            if isinstance(pointer, str) and pointer in my_names and same_folder:
                result.views.append(candidate)
            elif pointer is UNKNOWN and not self._graph.follow(index, via):
                result.undecided = True
        return result

    @staticmethod
    def _iterated_resource(candidate: _HclResourceView, via: str) -> str | None:
        """The resource block (address without keys) a candidate iterates with for_each = aws_x.y and
        via = each.value.<attr>, one candidate instance per instance of it; None otherwise."""
        raw_for_each, raw_pointer = candidate._conf.get("for_each"), candidate._conf.get(via)
        for_each = raw_for_each[0] if isinstance(raw_for_each, list) and raw_for_each else raw_for_each
        pointer = raw_pointer[0] if isinstance(raw_pointer, list) and raw_pointer else raw_pointer
        if not (isinstance(for_each, str) and isinstance(pointer, str) and pointer.startswith("each.value.")):
            return None
        if not _RESOURCE_REFERENCE.match(for_each.strip()):
            return None
        prefix = _module_prefix(candidate.address)
        return strip_instance_keys(f"{prefix}.{for_each.strip()}" if prefix else for_each.strip())

    def tag(self, key: str) -> Any:
        own = self._tag_map(self.value("tags"))
        if own is UNKNOWN:
            return UNKNOWN
        if key in own:
            return own[key]
        defaults = self._provider_default_tags()
        return UNKNOWN if defaults is UNKNOWN else defaults.get(key)

    @staticmethod
    def _tag_map(value: Any) -> Any:
        if value is None:
            return {}
        if value is UNKNOWN or not isinstance(value, dict):
            return UNKNOWN
        if any(is_unresolved_text(v) for v in value.values()):
            return {k: (UNKNOWN if is_unresolved_text(v) else v) for k, v in value.items()}
        return dict(value)

    def _provider_default_tags(self) -> Any:
        """default_tags of the provider configuration the resource gets, following module providers maps."""
        attributes = self._graph.vertices.get(self._index, {})
        provider = str(attributes.get("provider") or "aws")
        root_file = attributes.get("file_path_", "")
        current = attributes
        while (call := self._graph.module_call(current)) is not None:
            mapping = call.get("providers") if isinstance(call.get("providers"), dict) else {}
            if provider in mapping:
                provider = str(mapping[provider])
            elif provider != "aws":
                return UNKNOWN  # an alias the module call does not pass: not a valid configuration
            root_file, current = call.get("file_path_", ""), call
        address = provider if "." in provider else f"{provider}.default"
        root_folder = os.path.dirname(root_file)
        configurations = [
            a
            for a in self._graph.vertices.values()
            if a.get("block_type_") == "provider"
            and a.get("__address__") == address
            and os.path.dirname(a.get("file_path_", "")) == root_folder
        ]
        merged: dict[str, Any] = {}
        for configuration in configurations:
            provider_conf = next(iter(configuration.get("config_", {}).values()), {})
            default_tags = _HclBlockView(self._graph, None, provider_conf).blocks("default_tags")
            if default_tags is UNKNOWN:
                return UNKNOWN
            for block in default_tags:
                tags = self._tag_map(block.value("tags"))
                if tags is UNKNOWN:
                    return UNKNOWN
                merged.update(tags)
        return merged


# -------------------------------------------------------------------------------------------- plan tier

_MISSING: Any = object()  # no configuration known for this block (e.g. it came from a dynamic block)


@dataclass(frozen=True)
class _Address:
    module_prefix: str  # "module.a[0].module.b" or ""
    local: str  # "aws_s3_bucket.x[\"k\"]" or "data.aws_x.y"

    @classmethod
    def parse(cls, address: str) -> _Address:
        parts = re.findall(r'(?:[^.\["]+|\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\])+', address)
        module_parts: list[str] = []
        index = 0
        while index < len(parts) - 1 and parts[index] == "module":
            module_parts += parts[index : index + 2]
            index += 2
        return cls(".".join(module_parts), ".".join(parts[index:]))

    @property
    def module_names(self) -> tuple[str, ...]:
        parts = strip_instance_keys(self.module_prefix).split(".") if self.module_prefix else []
        return tuple(parts[1::2])

    def join(self, local: str) -> str:
        return f"{self.module_prefix}.{local}" if self.module_prefix else local


class _PlanDocument:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.values: dict[str, dict[str, Any]] = {}
        # data sources read during planning live in prior_state; planned values win for everything else
        self._index_module((document.get("prior_state") or {}).get("values", {}).get("root_module", {}))
        self._index_module(document.get("planned_values", {}).get("root_module", {}))
        self.changes = {c["address"]: c for c in document.get("resource_changes", []) if "address" in c}
        self.configuration = document.get("configuration", {})

    def _index_module(self, module: dict[str, Any]) -> None:
        stack = [module]
        while stack:
            current = stack.pop()
            for resource in current.get("resources", []):
                self.values[resource["address"]] = resource
            stack += current.get("child_modules", [])

    @staticmethod
    @lru_cache(maxsize=64)
    def _load_cached(path: str, mtime: float) -> _PlanDocument:
        with open(path, encoding="utf-8") as handle:
            return _PlanDocument(json.load(handle))

    @classmethod
    def load(cls, path: str) -> _PlanDocument:
        return cls._load_cached(path, os.path.getmtime(path))

    def module_config(self, module_names: tuple[str, ...]) -> dict[str, Any]:
        module = self.configuration.get("root_module", {})
        for name in module_names:
            module = module.get("module_calls", {}).get(name, {}).get("module", {})
        return module

    def resource_config(self, address: _Address) -> dict[str, Any]:
        wanted = strip_instance_keys(address.local)
        for resource in self.module_config(address.module_names).get("resources", []):
            if resource.get("address") == wanted:
                return resource
        return {}

    def resource(self, address: str) -> _PlanResourceView:
        return _PlanResourceView(self, address)

    def resolve(self, expression: Any, scope: _Address, depth: int = 0) -> list[str] | None:
        """Full addresses of the resources/data an expression refers to; None if it refers to none."""
        if not isinstance(expression, dict) or depth > 20:
            return None
        references = expression.get("references") or []
        found: list[str] = []
        for reference in references:
            found += self._resolve_reference(reference, scope, depth)
        return found if references else None

    def _resolve_reference(self, reference: str, scope: _Address, depth: int) -> list[str]:
        head, _, rest = reference.partition(".")
        if head == "var":
            if not scope.module_prefix:
                return []
            parent_parts = scope.module_prefix.split(".")
            parent = _Address(".".join(parent_parts[:-2]), "")
            call_name = strip_instance_keys(parent_parts[-1])
            call = self.module_config(parent.module_names).get("module_calls", {}).get(call_name, {})
            variable = re.split(r"[.\[]", rest, maxsplit=1)[0]
            return self.resolve(call.get("expressions", {}).get(variable), parent, depth + 1) or []
        if head == "module":
            match = re.match(r"([^.\[]+)(\[[^\]]*\])?\.([^.\[]+)", rest)
            if not match:
                return []
            call_name, key, output = match.groups()
            module = self.module_config(scope.module_names).get("module_calls", {}).get(call_name, {})
            expression = module.get("module", {}).get("outputs", {}).get(output, {}).get("expression")
            child = _Address(scope.join(f"module.{call_name}{key or ''}"), "")
            return self.resolve(expression, child, depth + 1) or []
        if head == "data":
            match = re.match(r"([^.]+)\.([^.\[]+)(\[[^\]]*\])?", rest)
            return [scope.join(f"data.{match.group(1)}.{match.group(2)}{match.group(3) or ''}")] if match else []
        match = re.match(r"([a-z][a-z0-9]*_[a-z0-9_]+)\.([^.\[]+)(\[[^\]]*\])?", reference)
        if match:
            return [scope.join(f"{match.group(1)}.{match.group(2)}{match.group(3) or ''}")]
        return []  # local., each., count., path., self.: nothing the plan document can follow

    def matching_addresses(self, reference: str, keyed_like: str | None = None) -> list[str]:
        """Addresses of planned resources a resolved reference stands for (all instances if unkeyed)."""
        if reference in self.values:
            return [reference]
        instances = [a for a in self.values if strip_instance_keys(a) == reference and a != reference]
        if keyed_like is not None:
            key = keyed_like[keyed_like.rfind("[") :] if keyed_like.endswith("]") else None
            same_key = [a for a in instances if key and a.endswith(key)]
            if same_key:
                return same_key
        return instances


class _PlanBlockView(BlockView):
    def __init__(
        self, plan: _PlanDocument, owner: str, scope: _Address, values: Any, unknown: Any, config: Any
    ) -> None:
        self._plan = plan
        self._owner = owner  # address of the resource the block belongs to
        self._scope = scope
        self._values = values if isinstance(values, dict) else {}
        self._unknown = unknown if isinstance(unknown, dict) else {}
        self._config = config  # expressions dict, or _MISSING

    def _configured(self, name: str) -> bool:
        return self._config is _MISSING or name in self._config

    def value(self, name: str) -> Any:
        value = self._values.get(name)
        if value is None and self._unknown.get(name) is True:
            # unknown and not in the configuration: a provider-computed attribute the resource leaves unset
            return UNKNOWN if self._configured(name) else None
        return value

    def blocks(self, name: str) -> Any:
        values = self._values.get(name)
        unknown = self._unknown.get(name)
        if unknown is True and not values:
            return UNKNOWN if self._configured(name) else []
        if not isinstance(values, list):
            return []
        unknowns = unknown if isinstance(unknown, list) else []
        configs = self._config.get(name, _MISSING) if self._config is not _MISSING else _MISSING
        views = []
        for position, item in enumerate(values):
            config = configs[position] if isinstance(configs, list) and position < len(configs) else _MISSING
            item_unknown = unknowns[position] if position < len(unknowns) else {}
            views.append(_PlanBlockView(self._plan, self._owner, self._scope, item, item_unknown, config))
        return views

    def targets(self, name: str) -> list[Target]:
        if self._config is _MISSING:
            return []
        addresses: dict[str, None] = {}  # Terraform lists both "aws_x.y.attr" and "aws_x.y"
        for reference in self._plan.resolve(self._config.get(name), self._scope) or []:
            # data.x.y[each.key] is listed as data.x.y: the instance with the owner's key
            matching = self._plan.matching_addresses(reference, keyed_like=self._owner)
            addresses.update(dict.fromkeys(matching or [reference]))
        views = [self._plan.resource(address) for address in addresses]
        return [Target(view.mode, view.resource_type, view) for view in views]


class _PlanResourceView(_PlanBlockView, ResourceView):
    def __init__(self, plan: _PlanDocument, address: str) -> None:
        parsed = _Address.parse(address)
        planned = plan.values.get(address, {})
        change = plan.changes.get(address, {}).get("change", {})
        values = planned.get("values", change.get("after")) or {}
        config = plan.resource_config(parsed)
        unknown = change.get("after_unknown", {})
        super().__init__(plan, address, parsed, values, unknown, config.get("expressions", {}))
        self.address = address
        local = strip_instance_keys(parsed.local).split(".")
        self.mode = "data" if local[0] == "data" else "managed"
        self.resource_type = planned.get("type") or (local[1] if self.mode == "data" else local[0])
        self._resource_config = config

    def attached(self, resource_type: str, via: str = "bucket") -> Attachments:
        result = Attachments()
        # an applied plan holds the pointer's value: a bucket name, or an ARN (a WAF ACL's id is not its ARN)
        my_names = {
            v
            for v in (self.value("bucket"), self.value("name"), self.value("id"), self.value("arn"))
            if isinstance(v, str)
        }
        for address, planned in self._plan.values.items():
            if planned.get("type") != resource_type or planned.get("mode") != "managed":
                continue
            candidate = self._plan.resource(address)
            pointer = candidate.value(via)
            if isinstance(pointer, str):
                if pointer in my_names:
                    result.views.append(candidate)
                continue
            references = self._plan.resolve(candidate._config.get(via), candidate._scope)
            if not references:
                result.undecided = result.undecided or pointer is UNKNOWN
                continue
            # prefer the most specific reference Terraform lists (aws_x.y["k"] over aws_x.y)
            keyed = [r for r in references if r.endswith("]")]
            for reference in keyed or references:
                if self.address in self._plan.matching_addresses(reference, keyed_like=address):
                    result.views.append(candidate)
                    break
        return result

    def tag(self, key: str) -> Any:
        for attribute in ("tags_all", "tags"):
            tags = self.value(attribute)
            if tags is UNKNOWN:
                return UNKNOWN
            if isinstance(tags, dict) and key in tags:
                return self._tag_value(attribute, key, tags[key])
            if attribute == "tags_all" and isinstance(tags, dict):
                return None  # tags_all is the provider's merge of tags and default_tags
        defaults = self._provider_default_tags()
        return UNKNOWN if defaults is UNKNOWN else defaults.get(key)

    def _tag_value(self, attribute: str, key: str, value: Any) -> Any:
        unknown = self._unknown.get(attribute)
        if value is None and isinstance(unknown, dict) and unknown.get(key) is True:
            return UNKNOWN
        return value

    def _provider_default_tags(self) -> Any:
        providers = self._plan.configuration.get("provider_config", {})
        key = self._resource_config.get("provider_config_key", "aws")
        provider = providers.get(key) or providers.get(key.rsplit(":", 1)[-1]) or {}
        merged: dict[str, Any] = {}
        for block in provider.get("expressions", {}).get("default_tags", []):
            tags = block.get("tags", {})
            if "constant_value" in tags:
                merged.update(tags["constant_value"] or {})
            elif tags:
                return UNKNOWN
        return merged
