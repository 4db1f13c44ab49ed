"""CKV_C04_056: a role GitHub Actions can assume trusts one repository's environment or branch, for STS only.

Every Allow sts:AssumeRoleWithWebIdentity statement whose Federated principal is the GitHub Actions OIDC
provider (token.actions.githubusercontent.com) must pin, exactly (how conditions are read: oidc_trust):

- token.actions.githubusercontent.com:sub to repo:<owner>/<repo>:environment:<environment> or
  repo:<owner>/<repo>:ref:refs/heads/<branch>: a deployment environment (whose protection rules gate the job)
  or a branch, never a wildcard, a whole repository or organisation, a pull_request or a tag subject;
- token.actions.githubusercontent.com:aud to sts.amazonaws.com.

Without the subject pin any workflow of any GitHub repository (or of any fork opening a pull request) can
obtain the role's credentials. Roles without such a statement pass.
"""

from __future__ import annotations

import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from oidc_trust import GITHUB_ACTIONS, judge_trust
from tf_resource_view import check_result, resource_view

GITHUB_SUBJECT = re.compile(r"^repo:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+:(environment:[^*?:]+|ref:refs/heads/[^*?]+)$")
SUBJECT_SHAPE = "repo:<owner>/<repo>:environment:<environment> or repo:<owner>/<repo>:ref:refs/heads/<branch>"


def _pins_github_subject(value: str) -> bool:
    return bool(GITHUB_SUBJECT.match(value))


class IamRoleGithubOidcTrustPinsSubject(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="IAM role trusted by GitHub Actions OIDC pins the repository environment or branch and the audience",
            id="CKV_C04_056",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_iam_role",),
            guideline=(
                'Add StringEquals conditions "token.actions.githubusercontent.com:sub" = '
                '"repo:<owner>/<repo>:environment:<env>" (or ":ref:refs/heads/<branch>") and '
                '"token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"; no wildcards.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["assume_role_policy"]
        verdict = judge_trust(
            resource_view(self, conf), GITHUB_ACTIONS, _pins_github_subject, SUBJECT_SHAPE, self.details
        )
        return check_result(verdict)


check = IamRoleGithubOidcTrustPinsSubject()
