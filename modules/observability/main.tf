data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  topic_name = "${var.name_prefix}-alarms"
  topic_arn  = "arn:${local.partition}:sns:${local.region}:${local.account_id}:${local.topic_name}"

  # Namespace of the metrics this module publishes itself (AWS Batch has none for jobs).
  metric_namespace = "${var.name_prefix}/Batch"

  # Whether a part is watched depends only on whether its object is passed, never on its attributes, which
  # may be unknown until apply (an ALB's arn_suffix, a queue's ARN).
  # Typed as map(string) in every branch: with a target group ARN known only at apply the condition is
  # unknown, and the alarm map below needs one dimension type whatever it resolves to.
  alb_dimensions = var.alb == null ? tomap({}) : merge(
    tomap({ LoadBalancer = var.alb.arn_suffix }),
    var.alb.target_group_arn_suffix == null ? tomap({}) : tomap({ TargetGroup = var.alb.target_group_arn_suffix }),
  )
  batch_job_queue_name = var.batch == null ? null : element(split("/", var.batch.job_queue_arn), 1)

  # One entry per alarm, keyed by the <what> of its name. Counts of events treat missing data as
  # notBreaching (no event, no datapoint); gauges keep their state when a datapoint is missing (a paused
  # Aurora Serverless cluster or a scaled-in node group reports nothing).
  alarms = merge(
    var.alb == null ? {} : {
      alb-elb-5xx = {
        description = "The load balancer itself answered 5XX (no healthy target, target connection errors)."
        namespace   = "AWS/ApplicationELB"
        metric_name = "HTTPCode_ELB_5XX_Count"
        dimensions  = tomap({ LoadBalancer = var.alb.arn_suffix })
        statistic   = "Sum"
        comparison  = "GreaterThanOrEqualToThreshold"
        threshold   = var.thresholds.alb_5xx_count
        missing     = "notBreaching"
      }
      alb-target-5xx = {
        description = "The application targets answered 5XX."
        namespace   = "AWS/ApplicationELB"
        metric_name = "HTTPCode_Target_5XX_Count"
        dimensions  = local.alb_dimensions
        statistic   = "Sum"
        comparison  = "GreaterThanOrEqualToThreshold"
        threshold   = var.thresholds.alb_target_5xx_count
        missing     = "notBreaching"
      }
      alb-target-p99 = {
        description = "p99 of the target response time is above the threshold (seconds)."
        namespace   = "AWS/ApplicationELB"
        metric_name = "TargetResponseTime"
        dimensions  = local.alb_dimensions
        statistic   = "p99"
        comparison  = "GreaterThanThreshold"
        threshold   = var.thresholds.alb_target_p99_seconds
        missing     = "notBreaching"
      }
    },
    var.eks == null ? {} : {
      eks-node-cpu = {
        description = "Average CPU utilisation of the EKS nodes (Container Insights) is above the threshold (%)."
        namespace   = "ContainerInsights"
        metric_name = "node_cpu_utilization"
        dimensions  = tomap({ ClusterName = var.eks.cluster_name })
        statistic   = "Average"
        comparison  = "GreaterThanThreshold"
        threshold   = var.thresholds.node_cpu_percent
        missing     = "missing"
      }
      eks-node-memory = {
        description = "Average memory utilisation of the EKS nodes (Container Insights) is above the threshold (%)."
        namespace   = "ContainerInsights"
        metric_name = "node_memory_utilization"
        dimensions  = tomap({ ClusterName = var.eks.cluster_name })
        statistic   = "Average"
        comparison  = "GreaterThanThreshold"
        threshold   = var.thresholds.node_memory_percent
        missing     = "missing"
      }
    },
    var.rds == null ? {} : {
      rds-connections = {
        description = "Database connections to the Aurora cluster are above the threshold."
        namespace   = "AWS/RDS"
        metric_name = "DatabaseConnections"
        dimensions  = tomap({ DBClusterIdentifier = var.rds.cluster_identifier })
        statistic   = "Maximum"
        comparison  = "GreaterThanThreshold"
        threshold   = var.thresholds.rds_connections
        missing     = "missing"
      }
      rds-cpu = {
        description = "CPU utilisation of the Aurora cluster is above the threshold (%)."
        namespace   = "AWS/RDS"
        metric_name = "CPUUtilization"
        dimensions  = tomap({ DBClusterIdentifier = var.rds.cluster_identifier })
        statistic   = "Average"
        comparison  = "GreaterThanThreshold"
        threshold   = var.thresholds.rds_cpu_percent
        missing     = "missing"
      }
      rds-freeable-memory = {
        description = "Freeable memory of an Aurora instance fell below the threshold (bytes)."
        namespace   = "AWS/RDS"
        metric_name = "FreeableMemory"
        dimensions  = tomap({ DBClusterIdentifier = var.rds.cluster_identifier })
        statistic   = "Minimum"
        comparison  = "LessThanThreshold"
        threshold   = var.thresholds.rds_freeable_memory_bytes
        missing     = "missing"
      }
    },
    var.batch == null ? {} : {
      batch-failed-jobs = {
        description = "Batch jobs of the queue ended FAILED (from the job state change events, see the ${local.batch_events_log_group_name} log group)."
        namespace   = local.metric_namespace
        metric_name = "FailedJobs"
        dimensions  = tomap({ JobQueue = var.batch.job_queue_arn })
        statistic   = "Sum"
        comparison  = "GreaterThanOrEqualToThreshold"
        threshold   = var.thresholds.batch_failed_jobs
        missing     = "notBreaching"
      }
      # A missing sample means the sampler itself failed: it is not a healthy queue.
      batch-backlog = {
        description = "Jobs waiting in RUNNABLE in the Batch queue (sampled every minute) are at or above the threshold."
        namespace   = local.metric_namespace
        metric_name = "RunnableJobs"
        dimensions  = tomap({ JobQueue = var.batch.job_queue_arn })
        statistic   = "Minimum"
        comparison  = "GreaterThanOrEqualToThreshold"
        threshold   = var.thresholds.batch_queue_backlog
        missing     = "breaching"
      }
    },
    var.step_functions == null ? {} : {
      sfn-executions-failed = {
        description = "Executions of the pipeline state machine failed."
        namespace   = "AWS/States"
        metric_name = "ExecutionsFailed"
        dimensions  = tomap({ StateMachineArn = var.step_functions.state_machine_arn })
        statistic   = "Sum"
        comparison  = "GreaterThanOrEqualToThreshold"
        threshold   = var.thresholds.sfn_executions_failed
        missing     = "notBreaching"
      }
      sfn-executions-timed-out = {
        description = "Executions of the pipeline state machine timed out."
        namespace   = "AWS/States"
        metric_name = "ExecutionsTimedOut"
        dimensions  = tomap({ StateMachineArn = var.step_functions.state_machine_arn })
        statistic   = "Sum"
        comparison  = "GreaterThanOrEqualToThreshold"
        threshold   = var.thresholds.sfn_executions_timed_out
        missing     = "notBreaching"
      }
    },
  )
}

################################################################################
# Alarm topic, encrypted with a key of its own: CloudWatch must be allowed to use the key of a topic it
# publishes to, and the project key is not opened to CloudWatch.
################################################################################

# In a key policy "Resource": "*" means "this key".
data "aws_iam_policy_document" "topic_key" {
  #checkov:skip=CKV_AWS_109:Key policy: Resource "*" is the key itself; kms:* goes to the account root only (IAM delegation, AWS default).
  #checkov:skip=CKV_AWS_111:Key policy: Resource "*" is the key itself; write actions are limited to the account root and CloudWatch alarms of this account.
  #checkov:skip=CKV_AWS_356:Key policy: Resource "*" is the only value a key policy accepts and designates the key itself.
  statement {
    sid       = "AccountRootFullAccess"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchAlarmsOfThisAccount"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_kms_key" "topic" {
  description             = "${var.name_prefix} alarm topic key"
  key_usage               = "ENCRYPT_DECRYPT"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  multi_region            = false
  policy                  = data.aws_iam_policy_document.topic_key.json

  tags = merge(var.tags, { Name = "${var.name_prefix}-alarms" })
}

resource "aws_kms_alias" "topic" {
  name          = "alias/${var.name_prefix}-alarms"
  target_key_id = aws_kms_key.topic.key_id
}

resource "aws_sns_topic" "alarms" {
  name              = local.topic_name
  display_name      = "${var.name_prefix} alarms"
  kms_master_key_id = aws_kms_key.topic.arn

  tags = var.tags
}

data "aws_iam_policy_document" "topic" {
  statement {
    sid       = "CloudWatchAlarmsOfThisAccount"
    actions   = ["sns:Publish"]
    resources = [local.topic_arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sns:*"]
    resources = [local.topic_arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  arn    = aws_sns_topic.alarms.arn
  policy = data.aws_iam_policy_document.topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_email_addresses)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

################################################################################
# Alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name        = "${var.name_prefix}-${each.key}"
  alarm_description = each.value.description
  namespace         = each.value.namespace
  metric_name       = each.value.metric_name
  dimensions        = each.value.dimensions

  statistic          = startswith(each.value.statistic, "p") ? null : each.value.statistic
  extended_statistic = startswith(each.value.statistic, "p") ? each.value.statistic : null

  period              = var.thresholds.period_seconds
  evaluation_periods  = var.thresholds.evaluation_periods
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing

  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]

  tags = var.tags
}
