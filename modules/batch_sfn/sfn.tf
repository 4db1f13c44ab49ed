resource "aws_cloudwatch_log_group" "state_machine" {
  name              = "/aws/vendedlogs/states/${var.name_prefix}-pipeline"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_sfn_state_machine" "this" {
  name     = "${var.name_prefix}-pipeline"
  type     = "STANDARD"
  role_arn = aws_iam_role.state_machine.arn

  # The job definition is referenced without its revision: Batch runs the latest ACTIVE revision, so a
  # new revision (Terraform's or a deployment's) takes effect without a state machine update. The role
  # may submit every revision of it (iam.tf).
  definition = templatefile("${path.module}/templates/pipeline.asl.json.tftpl", {
    partition            = local.partition
    job_name             = "${var.name_prefix}-worker"
    job_queue_arn        = aws_batch_job_queue.this.arn
    job_definition_arn   = aws_batch_job_definition.this.arn_prefix
    results_prefix       = var.results_prefix
    task_timeout_seconds = local.pipeline_task_timeout_seconds
  })

  logging_configuration {
    level                  = "ALL"
    include_execution_data = true
    log_destination        = "${aws_cloudwatch_log_group.state_machine.arn}:*"
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

  lifecycle {
    precondition {
      condition     = local.pipeline_task_timeout_seconds > var.job_attempts * var.job_attempt_timeout_seconds
      error_message = "pipeline_task_timeout_seconds (${local.pipeline_task_timeout_seconds}) must exceed job_attempts x job_attempt_timeout_seconds (${var.job_attempts * var.job_attempt_timeout_seconds}), or the state machine gives up on a job Batch is still retrying; leave it null to derive it."
    }
  }

  # CreateStateMachine checks that the role may already deliver logs and use the key.
  depends_on = [aws_iam_role_policy.state_machine]
}
