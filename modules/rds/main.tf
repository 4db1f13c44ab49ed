locals {
  cluster_identifier     = "${var.name_prefix}-aurora"
  parameter_group_family = "aurora-postgresql${split(".", var.engine_version)[0]}"
  instance_class         = var.serverless_v2 == null ? var.instance_class : "db.serverless"

  # Round-robin over the given AZs; null leaves the placement to AWS.
  instance_availability_zones = [
    for index in range(var.instance_count) :
    length(var.availability_zones) > 0 ? var.availability_zones[index % length(var.availability_zones)] : null
  ]
}

resource "aws_db_subnet_group" "this" {
  name        = "${var.name_prefix}-aurora"
  description = "Isolated database subnets of ${local.cluster_identifier}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_rds_cluster_parameter_group" "this" {
  # The family is part of the name so that a major upgrade creates the new group before the old one goes.
  name        = "${var.name_prefix}-${local.parameter_group_family}"
  family      = local.parameter_group_family
  description = "TLS-only connections and statement logging for ${local.cluster_identifier}"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_statement"
    value = var.log_statement
  }

  parameter {
    name  = "log_min_duration_statement"
    value = tostring(var.log_min_duration_statement_ms)
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }

  dynamic "parameter" {
    for_each = var.cluster_parameters

    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# Created before the cluster so that RDS writes into an encrypted log group with a retention instead of
# creating an unencrypted one that never expires.
resource "aws_cloudwatch_log_group" "postgresql" {
  name              = "/aws/rds/cluster/${local.cluster_identifier}/postgresql"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_rds_cluster" "this" {
  #checkov:skip=CKV2_AWS_8:Point-in-time recovery comes from backup_retention_period (7-35 days, validated); an AWS Backup plan is an account-level concern selected by tag, outside this module.
  cluster_identifier = local.cluster_identifier
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  port               = var.port
  database_name      = var.database_name

  master_username               = var.master_username
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.kms_key_arn

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = var.vpc_security_group_ids
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  storage_encrypted                   = true
  kms_key_id                          = var.kms_key_arn
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]

  backup_retention_period      = var.backup_retention_period
  preferred_backup_window      = var.preferred_backup_window
  preferred_maintenance_window = var.preferred_maintenance_window
  copy_tags_to_snapshot        = true
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = var.skip_final_snapshot
  final_snapshot_identifier    = "${local.cluster_identifier}-final"

  apply_immediately           = var.apply_immediately
  allow_major_version_upgrade = var.allow_major_version_upgrade

  dynamic "serverlessv2_scaling_configuration" {
    for_each = var.serverless_v2 == null ? [] : [var.serverless_v2]

    content {
      min_capacity             = serverlessv2_scaling_configuration.value.min_capacity
      max_capacity             = serverlessv2_scaling_configuration.value.max_capacity
      seconds_until_auto_pause = serverlessv2_scaling_configuration.value.seconds_until_auto_pause
    }
  }

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.postgresql]
}

resource "aws_rds_cluster_instance" "this" {
  count = var.instance_count

  identifier         = "${local.cluster_identifier}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.this.id
  engine             = aws_rds_cluster.this.engine
  engine_version     = aws_rds_cluster.this.engine_version
  instance_class     = local.instance_class
  availability_zone  = local.instance_availability_zones[count.index]

  db_subnet_group_name = aws_db_subnet_group.this.name
  publicly_accessible  = false
  ca_cert_identifier   = var.ca_cert_identifier

  auto_minor_version_upgrade   = true
  copy_tags_to_snapshot        = true
  apply_immediately            = var.apply_immediately
  preferred_maintenance_window = var.preferred_maintenance_window

  performance_insights_enabled          = true
  performance_insights_kms_key_id       = var.kms_key_arn
  performance_insights_retention_period = var.performance_insights_retention_period

  monitoring_interval = var.monitoring_interval
  monitoring_role_arn = var.monitoring_interval > 0 ? aws_iam_role.monitoring[0].arn : null

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.instance_class != "db.serverless" || var.serverless_v2 != null
      error_message = "instance_class \"db.serverless\" needs serverless_v2 = { min_capacity = ..., max_capacity = ... }; for provisioned instances pass a class such as \"db.r6g.large\"."
    }
  }

  # RDS refuses a monitoring role that does not hold its permissions yet.
  depends_on = [aws_iam_role_policy_attachment.monitoring]
}
