data "aws_iam_policy_document" "batch_service_assume_role" {
  statement {
    sid     = "BatchService"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["batch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "batch_service" {
  name               = "${var.name_prefix}-batch-service"
  description        = "Lets AWS Batch manage the Fargate compute environments of ${var.name_prefix}"
  assume_role_policy = data.aws_iam_policy_document.batch_service_assume_role.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "batch_service" {
  role       = aws_iam_role.batch_service.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSBatchServiceRole"
}

data "aws_iam_policy_document" "ecs_tasks_assume_role" {
  statement {
    sid     = "EcsTasks"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name_prefix}-batch-execution"
  description        = "Lets Fargate pull the worker image and ship its logs for ${var.name_prefix}"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json

  tags = var.tags
}

data "aws_iam_policy_document" "execution" {
  # GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = local.ecr_repository_arn == null ? [] : [local.ecr_repository_arn]

    content {
      sid = "PullWorkerImage"
      actions = [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
      ]
      resources = [statement.value]
    }
  }

  statement {
    sid       = "WriteJobLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.batch.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(local.job_secret_arns.secretsmanager) == 0 ? [] : [local.job_secret_arns.secretsmanager]

    content {
      sid       = "ReadJobSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(local.job_secret_arns.ssm) == 0 ? [] : [local.job_secret_arns.ssm]

    content {
      sid       = "ReadJobParameters"
      actions   = ["ssm:GetParameters"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(var.job_secrets) == 0 ? [] : [var.kms_key_arn]

    content {
      sid       = "DecryptJobSecrets"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "${var.name_prefix}-batch-execution"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "job" {
  name               = "${var.name_prefix}-batch-job"
  description        = "Identity of the batch worker of ${var.name_prefix}: reads uploads, writes results"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume_role.json

  tags = var.tags
}

data "aws_iam_policy_document" "job" {
  statement {
    sid       = "ReadUploads"
    actions   = ["s3:GetObject"]
    resources = ["${var.uploads_bucket_arn}/*"]
  }

  statement {
    sid       = "WriteResults"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${var.results_bucket_arn}/${var.results_prefix}*"]
  }

  # The buckets are SSE-KMS with the project CMK.
  statement {
    sid       = "UseBucketKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "job" {
  name   = "${var.name_prefix}-batch-job"
  role   = aws_iam_role.job.id
  policy = data.aws_iam_policy_document.job.json
}

data "aws_iam_policy_document" "state_machine_assume_role" {
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

resource "aws_iam_role" "state_machine" {
  name               = "${var.name_prefix}-pipeline-sfn"
  description        = "Lets the ${var.name_prefix} pipeline state machine run the batch job"
  assume_role_policy = data.aws_iam_policy_document.state_machine_assume_role.json

  tags = var.tags
}

data "aws_iam_policy_document" "state_machine" {
  statement {
    sid     = "SubmitWorkerJob"
    actions = ["batch:SubmitJob"]
    resources = [
      aws_batch_job_queue.this.arn,
      aws_batch_job_definition.this.arn_prefix,
      "${aws_batch_job_definition.this.arn_prefix}:*",
    ]
  }

  # The .sync poller reads a job whose ID only exists at run time, and DescribeJobs has no resource-level
  # permissions: "*" is the only resource it accepts.
  statement {
    sid       = "TrackWorkerJob"
    actions   = ["batch:DescribeJobs"]
    resources = ["*"]
  }

  # Stops the job when the execution is aborted or times out. TerminateJob authorizes on the job ARN, so
  # it is held to jobs of this account and region rather than "*".
  statement {
    sid       = "StopWorkerJob"
    actions   = ["batch:TerminateJob"]
    resources = ["arn:${local.partition}:batch:${local.region}:${local.account_id}:job/*"]
  }

  # The managed rule through which Step Functions learns that a .sync Batch job has finished.
  statement {
    sid       = "BatchSyncEventRule"
    actions   = ["events:PutTargets", "events:PutRule", "events:DescribeRule"]
    resources = ["arn:${local.partition}:events:${local.region}:${local.account_id}:rule/StepFunctionsGetEventsForBatchJobsRule"]
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

  # The execution data of the state machine is encrypted with the CMK.
  statement {
    sid       = "UseStateMachineKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_role_policy" "state_machine" {
  name   = "${var.name_prefix}-pipeline-sfn"
  role   = aws_iam_role.state_machine.id
  policy = data.aws_iam_policy_document.state_machine.json
}
