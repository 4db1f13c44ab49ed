"""RDS / Aurora rules of the plan tier: the same IDs and intent as the checkov checks in policies/aurora_*.

The plan tier has the last word before apply, so a value it still cannot know fails with a reason that says
so, instead of staying undecided.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from plancheck.findings import Finding
from plancheck.kms import AWS_MANAGED, CUSTOMER_MANAGED, key_kind
from plancheck.plan import UNKNOWN, Block, Plan, Resource

CLUSTER = "aws_rds_cluster"
INSTANCE = "aws_rds_cluster_instance"
PARAMETER_GROUP = "aws_rds_cluster_parameter_group"
AURORA_ENGINES = {"aurora-mysql", "aurora-postgresql"}
POSTGRESQL_ENGINES = {"aurora-postgresql", "postgres"}
MINIMUM_BACKUP_RETENTION_DAYS = 7
DEFAULT_ADMIN_USERNAMES = {"postgres", "admin", "root", "rdsadmin"}
# family prefix -> (parameter, values that force TLS)
TLS_PARAMETERS = {
    "aurora-postgresql": ("rds.force_ssl", {"1"}),
    "postgres": ("rds.force_ssl", {"1"}),
    "aurora-mysql": ("require_secure_transport", {"1", "on"}),
    "mysql": ("require_secure_transport", {"1", "on"}),
}
NOT_KNOWN_BEFORE_APPLY = "is only known after apply, so the plan cannot show it complies"


def _bool(value: Any) -> Any:
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _finding(check_id: str, resource: Resource, failure: str | None, success: str) -> Finding:
    return Finding(check_id, resource.address, failure is None, success if failure is None else failure)


def _clusters(plan: Plan) -> list[Resource]:
    return plan.of_type(CLUSTER)


# --------------------------------------------------------------------------- CKV_C04_004 instances / AZs


def _belongs_to(instance: Resource, cluster: Resource) -> Any:
    """True/False, or UNKNOWN when the instance's cluster cannot be told before apply."""
    identifier = instance.value("cluster_identifier")
    if isinstance(identifier, str):
        return identifier == cluster.value("cluster_identifier")
    targets = [t for t in instance.targets("cluster_identifier") if t.type == CLUSTER]
    if targets:
        return cluster in targets
    return UNKNOWN


def aurora_cluster_spans_multiple_azs(plan: Plan) -> Iterator[Finding]:
    instances = plan.of_type(INSTANCE)
    for cluster in _clusters(plan):
        if cluster.value("engine") not in AURORA_ENGINES:
            continue
        members = [i for i in instances if _belongs_to(i, cluster) is True]
        unattributed = [i.address for i in instances if _belongs_to(i, cluster) is UNKNOWN]
        cluster_zones = cluster.value("availability_zones")
        # an AZ known only after apply is one RDS chooses (a null the module computed, or a computed value)
        pinned = {i.value("availability_zone") for i in members} - {None, UNKNOWN}
        failure = None
        if len(members) < 2:
            failure = f"{len(members)} DB instance(s) belong to the cluster"
            if unattributed:
                failure += f"; the cluster of {', '.join(sorted(unattributed))} is only known after apply"
        elif isinstance(cluster_zones, list) and cluster_zones and len(set(cluster_zones)) < 2:
            failure = f"availability_zones pins the cluster to {sorted(set(cluster_zones))}"
        elif pinned and len(pinned) < 2:
            failure = f"the cluster's instances are pinned to {sorted(pinned)}"
        yield _finding("CKV_C04_004", cluster, failure, f"{len(members)} DB instances")


# ------------------------------------------------------------------------- single-attribute cluster rules


def _customer_key_failure(block: Block, attribute: str) -> str | None:
    kind = key_kind(block, attribute)
    if kind == CUSTOMER_MANAGED:
        return None
    if kind is None:
        return f"{attribute} is not set: the AWS-managed key alias/aws/rds is used"
    if kind == AWS_MANAGED:
        return f"{attribute} is the AWS-managed key alias/aws/rds"
    return f"the owner of the key in {attribute} {NOT_KNOWN_BEFORE_APPLY}"


def aurora_cluster_storage_encrypted_with_cmk(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        encrypted = _bool(cluster.value("storage_encrypted"))
        if encrypted is UNKNOWN:
            failure: str | None = f"storage_encrypted {NOT_KNOWN_BEFORE_APPLY}"
        elif encrypted is not True:
            failure = "storage_encrypted is not true"
        else:
            failure = _customer_key_failure(cluster, "kms_key_id")
        yield _finding("CKV_C04_020", cluster, failure, "encrypted with a customer-managed key")


def aurora_cluster_deletion_protected_with_final_snapshot(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        protection = _bool(cluster.value("deletion_protection"))
        skip_snapshot = _bool(cluster.value("skip_final_snapshot"))
        failures = []
        if protection is not True:
            failures.append(
                f"deletion_protection {NOT_KNOWN_BEFORE_APPLY}"
                if protection is UNKNOWN
                else "deletion_protection is off"
            )
        if skip_snapshot not in (None, False):
            failures.append(
                f"skip_final_snapshot {NOT_KNOWN_BEFORE_APPLY}"
                if skip_snapshot is UNKNOWN
                else "skip_final_snapshot is true"
            )
        yield _finding(
            "CKV_C04_021", cluster, "; ".join(failures) or None, "deletion protection on, final snapshot kept"
        )


def aurora_cluster_backup_retention_at_least_7_days(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        days = cluster.value("backup_retention_period")
        if days is UNKNOWN:
            failure: str | None = f"backup_retention_period {NOT_KNOWN_BEFORE_APPLY}"
        elif days is None:
            failure = "backup_retention_period is not set: the 1-day default applies"
        elif int(days) < MINIMUM_BACKUP_RETENTION_DAYS:
            failure = f"backup_retention_period is {days} day(s)"
        else:
            failure = None
        yield _finding("CKV_C04_022", cluster, failure, f"backups kept {days} days")


def aurora_cluster_master_password_managed_by_secrets_manager(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        managed = _bool(cluster.value("manage_master_user_password"))
        if cluster.value("master_password") not in (None, ""):
            failure: str | None = "master_password is set in configuration (it is stored in the state)"
        elif managed is UNKNOWN:
            failure = f"manage_master_user_password {NOT_KNOWN_BEFORE_APPLY}"
        elif managed is not True:
            failure = "manage_master_user_password is not true"
        else:
            failure = None
        yield _finding("CKV_C04_023", cluster, failure, "master password managed in Secrets Manager")


def aurora_cluster_admin_username_not_default(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        username = cluster.value("master_username")
        if username is UNKNOWN:
            failure: str | None = f"master_username {NOT_KNOWN_BEFORE_APPLY}"
        elif not username:
            failure = "master_username is not set"
        elif username.lower() in DEFAULT_ADMIN_USERNAMES:
            failure = f"master_username is the default name {username!r}"
        else:
            failure = None
        yield _finding("CKV_C04_024", cluster, failure, f"master username {username!r}")


def aurora_postgresql_cluster_exports_postgresql_log(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        if cluster.value("engine") not in POSTGRESQL_ENGINES:
            continue
        exports = cluster.value("enabled_cloudwatch_logs_exports")
        if isinstance(exports, list) and "postgresql" in exports:
            failure = None
        elif exports is UNKNOWN or (isinstance(exports, list) and None in exports):
            failure = f"enabled_cloudwatch_logs_exports {NOT_KNOWN_BEFORE_APPLY}"
        else:
            failure = "enabled_cloudwatch_logs_exports does not contain postgresql"
        yield _finding("CKV_C04_027", cluster, failure, "postgresql log exported")


def aurora_cluster_iam_authentication_enabled(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        enabled = _bool(cluster.value("iam_database_authentication_enabled"))
        if enabled is UNKNOWN:
            failure: str | None = f"iam_database_authentication_enabled {NOT_KNOWN_BEFORE_APPLY}"
        else:
            failure = None if enabled is True else "iam_database_authentication_enabled is not true"
        yield _finding("CKV_C04_028", cluster, failure, "IAM database authentication enabled")


def aurora_performance_insights_encrypted_with_cmk(plan: Plan) -> Iterator[Finding]:
    for resource in _clusters(plan) + plan.of_type(INSTANCE):
        enabled = _bool(resource.value("performance_insights_enabled"))
        if enabled is UNKNOWN:
            failure: str | None = f"performance_insights_enabled {NOT_KNOWN_BEFORE_APPLY}"
        elif enabled is not True:
            yield _finding("CKV_C04_029", resource, None, "Performance Insights off")
            continue
        else:
            failure = _customer_key_failure(resource, "performance_insights_kms_key_id")
        yield _finding("CKV_C04_029", resource, failure, "Performance Insights encrypted with a customer-managed key")


# ------------------------------------------------------------------------------- parameter groups and TLS


def _tls_failure(group: Resource) -> str | None:
    """None when the group forces TLS; otherwise why not. Groups of other families are not judged here."""
    family = group.value("family")
    name, values = next(
        (tls for prefix, tls in TLS_PARAMETERS.items() if isinstance(family, str) and family.startswith(prefix)),
        (None, set()),
    )
    if name is None:
        return f"family {family!r} has no TLS switch this rule knows"
    parameters = group.blocks("parameter")
    if parameters is UNKNOWN:
        return f"the parameters of {group.address} are {NOT_KNOWN_BEFORE_APPLY}"
    for parameter in parameters:
        if parameter.value("name") == name:
            value = parameter.value("value")
            if isinstance(value, str) and value.lower() in values:
                return None
            return f"{group.address} sets {name} = {value}"
    return f"{group.address} does not set {name}: the engine default does not force TLS"


def _tls_family(group: Resource) -> bool:
    family = group.value("family")
    return isinstance(family, str) and any(family.startswith(prefix) for prefix in TLS_PARAMETERS)


def aurora_cluster_parameter_group_forces_tls(plan: Plan) -> Iterator[Finding]:
    for group in plan.of_type(PARAMETER_GROUP):
        if _tls_family(group):
            yield _finding("CKV_C04_025", group, _tls_failure(group), "forces TLS")


def _cluster_parameter_group(plan: Plan, cluster: Resource) -> tuple[Resource | None, str | None]:
    """The group the cluster uses, or why it cannot be judged to force TLS."""
    name = cluster.value("db_cluster_parameter_group_name")
    targets = [t for t in cluster.targets("db_cluster_parameter_group_name") if t.type == PARAMETER_GROUP]
    if targets:
        return targets[0], None
    if name is None:
        return None, "db_cluster_parameter_group_name is not set: the default group is used"
    if name is UNKNOWN:
        return None, f"db_cluster_parameter_group_name {NOT_KNOWN_BEFORE_APPLY}"
    if name.startswith("default."):
        return None, f"the cluster uses the default parameter group {name}"
    named = [g for g in plan.of_type(PARAMETER_GROUP) if g.value("name") == name]
    if named:
        return named[0], None
    return None, f"parameter group {name!r} is not managed in this configuration"


def aurora_cluster_uses_tls_parameter_group(plan: Plan) -> Iterator[Finding]:
    for cluster in _clusters(plan):
        group, failure = _cluster_parameter_group(plan, cluster)
        if group is not None:
            failure = _tls_failure(group)
        used = group.address if group is not None else ""
        yield _finding("CKV_C04_026", cluster, failure, f"uses {used}, which forces TLS")


RULES = (
    aurora_cluster_spans_multiple_azs,
    aurora_cluster_storage_encrypted_with_cmk,
    aurora_cluster_deletion_protected_with_final_snapshot,
    aurora_cluster_backup_retention_at_least_7_days,
    aurora_cluster_master_password_managed_by_secrets_manager,
    aurora_cluster_admin_username_not_default,
    aurora_cluster_parameter_group_forces_tls,
    aurora_cluster_uses_tls_parameter_group,
    aurora_postgresql_cluster_exports_postgresql_log,
    aurora_cluster_iam_authentication_enabled,
    aurora_performance_insights_encrypted_with_cmk,
)
