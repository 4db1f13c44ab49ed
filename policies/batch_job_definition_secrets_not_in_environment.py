"""CKV_C04_041: no Batch job definition carries a secret in a plain environment variable.

A job definition's environment is readable by anyone allowed batch:DescribeJobDefinitions and is kept in
every revision. A variable whose name says it holds a secret (PASSWORD, PASSWD, PASSPHRASE, SECRET, TOKEN,
CREDENTIAL(S), and KEY when it is the whole name or follows one of KEY_QUALIFIERS, as in API_KEY or
ACCESS_KEY) may hold only an empty value or an ARN; the secret itself goes in `secrets` (valueFrom).
Names ending in ARN, ID, NAME, PATH, FILE, URL, URI, PREFIX, BUCKET or REGION point at a secret and are not
one (KMS_KEY_ARN, TOKEN_URL, AWS_ACCESS_KEY_ID); INPUT_KEY, an S3 object key, is not either.
A value read from another resource (aws_secretsmanager_secret_version.x.secret_string) is plain text too.
"""

from __future__ import annotations

import re
from typing import Any

from batch_job_containers import job_containers
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, is_unresolved_text, resource_view

SECRET_WORDS = {"PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "CREDENTIAL", "CREDENTIALS", "APIKEY"}
KEY_QUALIFIERS = {
    "API",
    "ACCESS",
    "PRIVATE",
    "SECRET",
    "SIGNING",
    "CLIENT",
    "AUTH",
    "MASTER",
    "ENCRYPTION",
    "SSH",
    "SESSION",
    "HMAC",
    "JWT",
}
POINTER_SUFFIXES = {"ARN", "ID", "NAME", "PATH", "FILE", "URL", "URI", "PREFIX", "BUCKET", "REGION"}
WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# Text checkov leaves for an input it could not render: its value is not known here.
UNRENDERED_INPUT_PREFIXES = ("var.", "local.")


def _words(name: str) -> list[str]:
    return [word.upper() for word in WORD.findall(name)]


def _names_a_secret(name: str) -> bool:
    words = _words(name)
    if not words or words[-1] in POINTER_SUFFIXES:
        return False
    if SECRET_WORDS.intersection(words):
        return True
    return words == ["KEY"] or any(
        word == "KEY" and index > 0 and words[index - 1] in KEY_QUALIFIERS for index, word in enumerate(words)
    )


def _holds_a_secret(value: Any) -> Any:
    if value is UNKNOWN:
        return UNKNOWN
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    text = str(value).strip()
    if is_unresolved_text(text):
        if text.startswith(UNRENDERED_INPUT_PREFIXES):
            return UNKNOWN
        # a reference to another resource's ARN points at the secret; any other attribute is its content
        return not re.search(r"\.arn\}?$", text)
    return not text.startswith("arn:")


class BatchJobDefinitionSecretsNotInEnvironment(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Batch job definition keeps secrets out of plain environment variables",
            id="CKV_C04_041",
            categories=(CheckCategories.SECRETS,),
            supported_resources=("aws_batch_job_definition",),
            guideline=(
                'Move the variable from environment to secrets = [{ name = "DB_PASSWORD", valueFrom = '
                "<Secrets Manager secret or SSM parameter ARN> }] and let the execution role read it."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["container_properties", "node_properties", "ecs_properties", "eks_properties"]
        containers = job_containers(resource_view(self, conf))
        if containers is UNKNOWN:
            return CheckResult.UNKNOWN
        undecided = False
        for container in containers:
            if container.environment is UNKNOWN:
                undecided = True
                continue
            for variable in container.environment:
                name = variable.get("name")
                if name is UNKNOWN or (isinstance(name, str) and is_unresolved_text(name)):
                    undecided = True
                    continue
                if not isinstance(name, str) or not _names_a_secret(name):
                    continue
                holds = _holds_a_secret(variable.get("value"))
                if holds is True:
                    self.details.append(f"{container.where}: {name} is set in plain text")
                    return CheckResult.FAILED
                undecided = undecided or holds is UNKNOWN
        return CheckResult.UNKNOWN if undecided else CheckResult.PASSED


check = BatchJobDefinitionSecretsNotInEnvironment()
