"""A Terraform plan JSON document (``terraform show -json``) as the plan tier reads it.

A plan knows more than HCL (variables have values, count/for_each are expanded, modules are walked) and
less than the applied state: values computed at apply are missing from ``planned_values`` and flagged in
``resource_changes[].change.after_unknown``. Where a value is unknown, the ``configuration`` section still
says what it was set to (constants) or what it refers to (``references``), through module inputs and
outputs. ``Block.value`` therefore tells three cases apart: a value, ``None`` (not set, or null) and
``UNKNOWN`` (set in configuration, known only after apply); ``Block.targets`` follows references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("UNKNOWN has no truth value: compare with `is UNKNOWN`")


UNKNOWN: Any = _Unknown()
_NO_CONFIG: Any = object()  # the configuration of a block is not in the plan (dynamic blocks)

# one address segment: a name, optionally followed by an instance key ([0], ["a.b"])
_SEGMENT = re.compile(r'(?:[^.\["]+|\[(?:"(?:[^"\\]|\\.)*"|[^\]"])*\])+')
_KEY = re.compile(r'\[(?:"(?:[^"\\]|\\.)*"|[^\]"])*\]')
_RESOURCE_REFERENCE = re.compile(r"^(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)")


def strip_keys(address: str) -> str:
    """aws_x.y["a"] -> aws_x.y, module.m[0].aws_x.y -> module.m.aws_x.y"""
    return _KEY.sub("", address)


def _instance_key(address: str) -> str | None:
    segments = _SEGMENT.findall(address)
    key = _KEY.search(segments[-1]) if segments else None
    return key.group(0) if key else None


@dataclass(frozen=True)
class Address:
    module: str  # "" for the root module, else module.a["k"].module.b
    local: str  # aws_x.y[0] or data.aws_x.y

    @classmethod
    def parse(cls, address: str) -> Address:
        segments = _SEGMENT.findall(address)
        module: list[str] = []
        while len(segments) > 2 and segments[0] == "module":
            module += segments[:2]
            segments = segments[2:]
        return cls(".".join(module), ".".join(segments))

    def within(self, local: str) -> str:
        return f"{self.module}.{local}" if self.module else local


def _module_call_names(module: str) -> list[str]:
    segments = _SEGMENT.findall(strip_keys(module)) if module else []
    return segments[1::2]


def _parent(module: str) -> tuple[str, str]:
    """(parent module address, this module's call name) for a non-root module address."""
    segments = _SEGMENT.findall(module)
    return ".".join(segments[:-2]), strip_keys(segments[-1])


class Block:
    """A resource or one of its nested blocks: planned values, what is unknown, and its configuration."""

    def __init__(self, plan: Plan, owner: Resource | None, values: Any, unknown: Any, config: Any) -> None:
        self.plan = plan
        self.owner = owner if owner is not None else self  # type: ignore[assignment]
        self._values = values if isinstance(values, dict) else {}
        self._unknown = unknown if isinstance(unknown, dict) else {}
        self._config = config if isinstance(config, dict) else _NO_CONFIG

    def configured(self, name: str) -> bool:
        return self._config is _NO_CONFIG or name in self._config

    def value(self, name: str) -> Any:
        value = self._values.get(name)
        if value is None and self._unknown.get(name) is True:
            # computed attributes the configuration leaves unset are unknown too: they are not "set"
            if not self.configured(name):
                return None
            expression = self._config.get(name) if self._config is not _NO_CONFIG else None
            passed, constant = self.plan.constant_through_inputs(expression, self.owner.module)
            return None if passed and constant is None else UNKNOWN
        return value

    def constant(self, name: str) -> Any:
        """The literal the configuration gives the attribute, None when it gives an expression or nothing."""
        expression = self._config.get(name) if self._config is not _NO_CONFIG else None
        return expression.get("constant_value") if isinstance(expression, dict) else None

    def blocks(self, name: str) -> Any:
        """Nested blocks, [] when there are none, UNKNOWN when the plan cannot list them yet."""
        values = self._values.get(name)
        unknown = self._unknown.get(name)
        if not values and unknown is True:
            return UNKNOWN if self.configured(name) else []
        if not isinstance(values, list):
            return []
        unknowns = unknown if isinstance(unknown, list) else []
        configs = self._config.get(name) if self._config is not _NO_CONFIG else None
        # the configuration lists static blocks only: positions match when no dynamic block is involved
        positional = isinstance(configs, list) and len(configs) == len(values)
        return [
            Block(
                self.plan,
                self.owner,
                item,
                unknowns[position] if position < len(unknowns) else {},
                configs[position] if positional else _NO_CONFIG,
            )
            for position, item in enumerate(values)
        ]

    def targets(self, name: str) -> list[Resource]:
        """The resources and data sources the attribute refers to, through module inputs and outputs."""
        if self._config is _NO_CONFIG:
            return []
        return self.plan.referenced(self._config.get(name), self.owner)


class Resource(Block):
    def __init__(self, plan: Plan, planned: dict[str, Any], change: dict[str, Any]) -> None:
        self.address: str = planned["address"]
        self.parsed = Address.parse(self.address)
        self.mode: str = planned.get("mode", "managed")
        self.type: str = planned["type"]
        self.name: str = planned.get("name", "")
        self.config: dict[str, Any] = plan.resource_config(self.parsed)
        values = planned.get("values", change.get("after"))
        expressions = self.config.get("expressions", {}) if self.config else _NO_CONFIG
        super().__init__(plan, None, values, change.get("after_unknown", {}), expressions)
        self.owner = self

    @property
    def module(self) -> str:
        return self.parsed.module

    @property
    def key(self) -> str | None:
        return _instance_key(self.address)

    def __repr__(self) -> str:
        return f"Resource({self.address})"


class Plan:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.configuration: dict[str, Any] = document.get("configuration") or {}
        changes = {c["address"]: c.get("change", {}) for c in document.get("resource_changes") or []}
        planned: dict[str, dict[str, Any]] = {}
        # data sources read while planning live in prior_state; planned_values is the state after apply
        for section in ((document.get("prior_state") or {}).get("values"), document.get("planned_values")):
            for resource in _walk_module((section or {}).get("root_module") or {}):
                if section is document.get("planned_values") or resource.get("mode") == "data":
                    planned[resource["address"]] = resource
        self.resources: dict[str, Resource] = {
            address: Resource(self, resource, changes.get(address, {})) for address, resource in planned.items()
        }

    def of_type(self, resource_type: str, mode: str = "managed") -> list[Resource]:
        return [r for r in self.resources.values() if r.type == resource_type and r.mode == mode]

    def module_config(self, module: str) -> dict[str, Any]:
        config = self.configuration.get("root_module") or {}
        for name in _module_call_names(module):
            config = config.get("module_calls", {}).get(name, {}).get("module", {})
        return config

    def resource_config(self, address: Address) -> dict[str, Any]:
        wanted = strip_keys(address.local)
        return next(
            (r for r in self.module_config(address.module).get("resources", []) if r.get("address") == wanted),
            {},
        )

    def provider_default_tags(self, resource: Resource) -> Any:
        """Tags the provider adds to every resource; UNKNOWN when they are not constants."""
        providers = self.configuration.get("provider_config") or {}
        key = resource.config.get("provider_config_key", "aws")
        provider = providers.get(key) or providers.get(key.rsplit(":", 1)[-1]) or {}
        merged: dict[str, Any] = {}
        for block in provider.get("expressions", {}).get("default_tags", []):
            tags = block.get("tags", {})
            if "constant_value" in tags:
                merged.update(tags["constant_value"] or {})
            elif tags:
                return UNKNOWN
        return merged

    def constant_through_inputs(self, expression: Any, module: str, depth: int = 0) -> tuple[bool, Any]:
        """(True, value) when the expression is a constant, directly or passed down through module inputs."""
        if not isinstance(expression, dict) or depth > 32:
            return False, None
        if "constant_value" in expression:
            return True, expression["constant_value"]
        references = expression.get("references") or []
        variables = {re.split(r"[.\[]", r[4:], maxsplit=1)[0] for r in references if r.startswith("var.")}
        if not module or len(variables) != 1 or len(variables) != len({r.split(".")[0] for r in references}):
            return False, None
        (variable,) = variables
        parent, call_name = _parent(module)
        call = self.module_config(parent).get("module_calls", {}).get(call_name, {})
        if variable not in call.get("expressions", {}):
            # not passed by the caller: the variable's default
            return True, call.get("module", {}).get("variables", {}).get(variable, {}).get("default")
        return self.constant_through_inputs(call["expressions"][variable], parent, depth + 1)

    def referenced(self, expression: Any, owner: Resource) -> list[Resource]:
        """Planned resources an expression of `owner` refers to (instances of the same key when ambiguous)."""
        found: dict[str, Resource] = {}
        for reference in self._resolve(expression, owner.module, owner, depth=0):
            for resource in self.instances(reference, like=owner):
                found[resource.address] = resource
        return list(found.values())

    def instances(self, reference: str, like: Resource | None = None) -> list[Resource]:
        if reference in self.resources:
            return [self.resources[reference]]
        candidates = [r for r in self.resources.values() if strip_keys(r.address) == strip_keys(reference)]
        candidates = [r for r in candidates if r.address.startswith(reference)] or candidates
        if like is not None and like.key is not None and len(candidates) > 1:
            same_key = [r for r in candidates if r.key == like.key]
            if same_key:
                return same_key
        return candidates

    def _resolve(self, expression: Any, module: str, owner: Resource, depth: int) -> list[str]:
        if not isinstance(expression, dict) or depth > 32:
            return []
        found: list[str] = []
        for reference in expression.get("references") or []:
            for address in self._resolve_reference(reference, module, owner, depth):
                if address not in found:
                    found.append(address)
        return found

    def _resolve_reference(self, reference: str, module: str, owner: Resource, depth: int) -> list[str]:
        scope = Address(module, "")
        head, _, rest = reference.partition(".")
        if head == "var":
            if not module:
                return []  # root variables are plain values, already in planned_values
            parent, call_name = _parent(module)
            call = self.module_config(parent).get("module_calls", {}).get(call_name, {})
            variable = re.split(r"[.\[]", rest, maxsplit=1)[0]
            return self._resolve(call.get("expressions", {}).get(variable), parent, owner, depth + 1)
        if head == "module":
            match = re.match(r'([^.\[]+)((?:\[(?:"(?:[^"\\]|\\.)*"|[^\]"])*\])?)\.([^.\[]+)', rest)
            if not match:
                return []
            call_name, key, output = match.groups()
            call = self.module_config(module).get("module_calls", {}).get(call_name, {})
            output_expression = call.get("module", {}).get("outputs", {}).get(output, {}).get("expression")
            return self._resolve(output_expression, scope.within(f"module.{call_name}{key}"), owner, depth + 1)
        if head == "each" and rest.startswith("value") and module == owner.module:
            # for_each = aws_x.y and then each.value.id: the instance of aws_x.y under the same key
            return self._resolve(owner.config.get("for_each_expression"), module, owner, depth + 1)
        match = _RESOURCE_REFERENCE.match(reference)
        if match and head not in ("local", "each", "count", "path", "self", "terraform"):
            data, resource_type, name = match.groups()
            after = reference[match.end() :]
            key = _KEY.match(after)
            return [scope.within(f"{data or ''}{resource_type}.{name}{key.group(0) if key else ''}")]
        return []  # locals are not in plan JSON; each.key, count.index and path.* name no resource


def _walk_module(module: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(module.get("resources") or [])
    for child in module.get("child_modules") or []:
        found += _walk_module(child)
    return found
