################################################################################
# AWS Batch publishes no CloudWatch metric for failed or waiting jobs; this file derives both.
# Failed jobs: EventBridge "Batch Job State Change" FAILED events of the queue -> a log group -> a metric
# filter that counts them. Backlog: an Express state machine, started every minute by EventBridge, counts
# the RUNNABLE jobs of the queue (one ListJobs page, up to 100) and publishes the count.
################################################################################

locals {
  batch             = var.batch == null ? {} : { this = var.batch.job_queue_arn }
  batch_events_name = "${var.name_prefix}-batch-job-failed"
  # EventBridge delivers to CloudWatch Logs only into groups under /aws/events/.
  batch_events_log_group_name = "/aws/events/${local.batch_events_name}"
  batch_events_rule_arn       = "arn:${local.partition}:events:${local.region}:${local.account_id}:rule/${local.batch_events_name}"
  backlog_name                = "${var.name_prefix}-batch-backlog"
}

resource "aws_cloudwatch_event_rule" "batch_job_failed" {
  for_each = local.batch

  name        = local.batch_events_name
  description = "FAILED jobs of the ${local.batch_job_queue_name} Batch queue, counted by a metric filter for the ${var.name_prefix}-batch-failed-jobs alarm"
  event_pattern = jsonencode({
    source      = ["aws.batch"]
    detail-type = ["Batch Job State Change"]
    detail = {
      status   = ["FAILED"]
      jobQueue = [each.value]
    }
  })

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "batch_job_failed" {
  for_each = local.batch

  name              = local.batch_events_log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "batch_job_failed_delivery" {
  for_each = local.batch

  statement {
    sid       = "EventBridgeDeliversFailedJobEvents"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.batch_events_log_group_name}:*"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com", "delivery.logs.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.batch_events_rule_arn]
    }
  }
}

# EventBridge writes to CloudWatch Logs through the account's log resource policies, not through a role.
resource "aws_cloudwatch_log_resource_policy" "batch_job_failed" {
  for_each = local.batch

  policy_name     = local.batch_events_name
  policy_document = data.aws_iam_policy_document.batch_job_failed_delivery[each.key].json
}

resource "aws_cloudwatch_event_target" "batch_job_failed" {
  for_each = local.batch

  rule      = aws_cloudwatch_event_rule.batch_job_failed[each.key].name
  target_id = "failed-job-log"
  arn       = aws_cloudwatch_log_group.batch_job_failed[each.key].arn

  depends_on = [aws_cloudwatch_log_resource_policy.batch_job_failed]
}

resource "aws_cloudwatch_log_metric_filter" "batch_job_failed" {
  for_each = local.batch

  name           = local.batch_events_name
  log_group_name = aws_cloudwatch_log_group.batch_job_failed[each.key].name
  pattern        = "{ ($.detail-type = \"Batch Job State Change\") && ($.detail.status = \"FAILED\") }"

  metric_transformation {
    name      = "FailedJobs"
    namespace = local.metric_namespace
    value     = "1"
    unit      = "Count"
    dimensions = {
      JobQueue = "$.detail.jobQueue"
    }
  }
}

resource "aws_cloudwatch_log_group" "batch_backlog" {
  for_each = local.batch

  name              = "/aws/vendedlogs/states/${local.backlog_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "states_assume_role" {
  for_each = local.batch

  statement {
    sid     = "StepFunctions"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "batch_backlog" {
  for_each = local.batch

  name               = local.backlog_name
  description        = "Lets the ${local.backlog_name} state machine count RUNNABLE jobs and publish the count"
  assume_role_policy = data.aws_iam_policy_document.states_assume_role[each.key].json

  tags = var.tags
}

data "aws_iam_policy_document" "batch_backlog" {
  for_each = local.batch

  # ListJobs has no resource-level permissions: "*" is the only resource it accepts.
  statement {
    sid       = "ListQueueJobs"
    actions   = ["batch:ListJobs"]
    resources = ["*"]
  }

  # PutMetricData has no resource-level permissions; the namespace condition keeps it to this module's.
  statement {
    sid       = "PublishBacklog"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = [local.metric_namespace]
    }
  }

  # CloudWatch Logs vended delivery: these actions have no resource-level permissions, AWS documents "*".
  statement {
    sid = "DeliverExecutionLogs"
    actions = [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
      "logs:PutResourcePolicy",
      "logs:DescribeResourcePolicies",
      "logs:DescribeLogGroups",
    ]
    resources = ["*"]
  }

  # X-Ray segment and sampling APIs have no resource-level permissions.
  statement {
    sid = "XRayTracing"
    actions = [
      "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
    ]
    resources = ["*"]
  }

  # The execution data of the state machine is encrypted with the project key.
  statement {
    sid       = "UseStateMachineKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "batch_backlog" {
  for_each = local.batch

  name   = local.backlog_name
  role   = aws_iam_role.batch_backlog[each.key].id
  policy = data.aws_iam_policy_document.batch_backlog[each.key].json
}

resource "aws_sfn_state_machine" "batch_backlog" {
  #checkov:skip=CKV_AWS_285:Every event is logged (level ALL) without its execution data, a job count: logging it would require letting CloudWatch Logs delivery decrypt with the project key.
  for_each = local.batch

  name     = local.backlog_name
  type     = "EXPRESS"
  role_arn = aws_iam_role.batch_backlog[each.key].arn

  # One ListJobs page holds at most 100 jobs, so the published count saturates at 100 (the threshold
  # validation keeps the alarm below that).
  definition = jsonencode({
    Comment       = "Publishes the number of RUNNABLE jobs of ${local.batch_job_queue_name} as ${local.metric_namespace} RunnableJobs"
    QueryLanguage = "JSONata"
    StartAt       = "CountRunnableJobs"
    States = {
      CountRunnableJobs = {
        Type      = "Task"
        Resource  = "arn:${local.partition}:states:::aws-sdk:batch:listJobs"
        Arguments = { JobQueue = each.value, JobStatus = "RUNNABLE", MaxResults = 100 }
        Output    = { runnable = "{% $count($states.result.JobSummaryList) %}" }
        Next      = "PublishBacklog"
      }
      PublishBacklog = {
        Type     = "Task"
        Resource = "arn:${local.partition}:states:::aws-sdk:cloudwatch:putMetricData"
        Arguments = {
          Namespace = local.metric_namespace
          MetricData = [{
            MetricName = "RunnableJobs"
            Dimensions = [{ Name = "JobQueue", Value = each.value }]
            Unit       = "Count"
            Value      = "{% $states.input.runnable %}"
          }]
        }
        End = true
      }
    }
  })

  # Execution data (a job count) is not logged, so the log delivery needs no access to the project key.
  logging_configuration {
    level                  = "ALL"
    include_execution_data = false
    log_destination        = "${aws_cloudwatch_log_group.batch_backlog[each.key].arn}:*"
  }

  tracing_configuration {
    enabled = true
  }

  encryption_configuration {
    type                              = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_id                        = var.kms_key_arn
    kms_data_key_reuse_period_seconds = 300
  }

  tags = var.tags

  # CreateStateMachine checks that the role may already deliver logs and use the key.
  depends_on = [aws_iam_role_policy.batch_backlog]
}

data "aws_iam_policy_document" "events_assume_role" {
  for_each = local.batch

  statement {
    sid     = "EventBridge"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "batch_backlog_schedule" {
  for_each = local.batch

  name               = "${local.backlog_name}-schedule"
  description        = "Lets EventBridge start the ${local.backlog_name} state machine every minute"
  assume_role_policy = data.aws_iam_policy_document.events_assume_role[each.key].json

  tags = var.tags
}

data "aws_iam_policy_document" "batch_backlog_schedule" {
  for_each = local.batch

  statement {
    sid       = "StartBacklogSampler"
    actions   = ["states:StartExecution"]
    resources = [aws_sfn_state_machine.batch_backlog[each.key].arn]
  }
}

resource "aws_iam_role_policy" "batch_backlog_schedule" {
  for_each = local.batch

  name   = "${local.backlog_name}-schedule"
  role   = aws_iam_role.batch_backlog_schedule[each.key].id
  policy = data.aws_iam_policy_document.batch_backlog_schedule[each.key].json
}

resource "aws_cloudwatch_event_rule" "batch_backlog" {
  for_each = local.batch

  name                = local.backlog_name
  description         = "Samples the RUNNABLE jobs of the ${local.batch_job_queue_name} Batch queue every minute"
  schedule_expression = "rate(1 minute)"

  tags = var.tags
}

resource "aws_cloudwatch_event_target" "batch_backlog" {
  for_each = local.batch

  rule      = aws_cloudwatch_event_rule.batch_backlog[each.key].name
  target_id = "backlog-sampler"
  arn       = aws_sfn_state_machine.batch_backlog[each.key].arn
  role_arn  = aws_iam_role.batch_backlog_schedule[each.key].arn
}
