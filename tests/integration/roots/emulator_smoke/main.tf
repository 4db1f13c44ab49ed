# The emulator smoke root: the smallest configuration that exercises every moto patch through the real
# provider (state machine validation and read, submitJob.sync, local Batch execution, CloudWatch Logs).
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  description = "Region of the emulated account."
  type        = string
  default     = "eu-west-1"
}

variable "name_prefix" {
  description = "Prefix of every name, unique per test run."
  type        = string
}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "assume" {
  for_each = toset(["batch", "ecs-tasks", "states"])
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["${each.key}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "service" {
  for_each           = data.aws_iam_policy_document.assume
  name               = "${var.name_prefix}-${each.key}"
  assume_role_policy = each.value.json
}

resource "aws_s3_bucket" "out" {
  bucket        = "${var.name_prefix}-out"
  force_destroy = true
}

resource "aws_vpc" "this" {
  cidr_block = "10.42.0.0/16"
}

resource "aws_subnet" "this" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.42.1.0/24"
}

resource "aws_security_group" "batch" {
  name        = "${var.name_prefix}-batch"
  description = "Smoke test Batch tasks"
  vpc_id      = aws_vpc.this.id
}

resource "aws_batch_compute_environment" "this" {
  compute_environment_name = "${var.name_prefix}-fargate"
  type                     = "MANAGED"
  service_role             = aws_iam_role.service["batch"].arn
  compute_resources {
    type               = "FARGATE"
    max_vcpus          = 4
    subnets            = [aws_subnet.this.id]
    security_group_ids = [aws_security_group.batch.id]
  }
}

resource "aws_batch_job_queue" "this" {
  name     = "${var.name_prefix}-queue"
  state    = "ENABLED"
  priority = 1
  compute_environment_order {
    order               = 1
    compute_environment = aws_batch_compute_environment.this.arn
  }
}

locals {
  # Jobs the smoke test runs: one writes an object to S3 through the emulator, one fails with code 3,
  # one outlives its attempt timeout.
  job_commands = {
    writer  = ["python", "-c", "import os, boto3; boto3.client('s3').put_object(Bucket=os.environ['OUT_BUCKET'], Key=os.environ['OUT_KEY'], Body=b'written by a batch job'); print('wrote', os.environ['OUT_KEY'])"]
    failer  = ["python", "-c", "import sys; print('failing on purpose', file=sys.stderr); sys.exit(3)"]
    sleeper = ["python", "-c", "import time; time.sleep(60)"]
  }
}

resource "aws_batch_job_definition" "this" {
  for_each              = local.job_commands
  name                  = "${var.name_prefix}-${each.key}"
  type                  = "container"
  platform_capabilities = ["FARGATE"]
  timeout {
    attempt_duration_seconds = each.key == "sleeper" ? 60 : 120
  }
  retry_strategy {
    attempts = 2
    evaluate_on_exit {
      on_exit_code = "3"
      action       = "EXIT"
    }
  }
  container_properties = jsonencode({
    image            = "public.ecr.aws/docker/library/python:3.11-slim"
    command          = each.value
    executionRoleArn = aws_iam_role.service["ecs-tasks"].arn
    jobRoleArn       = aws_iam_role.service["ecs-tasks"].arn
    environment      = [{ name = "OUT_BUCKET", value = aws_s3_bucket.out.bucket }]
    resourceRequirements = [
      { type = "VCPU", value = "0.25" },
      { type = "MEMORY", value = "512" },
    ]
  })
}

resource "aws_sfn_state_machine" "this" {
  name     = "${var.name_prefix}-smoke"
  role_arn = aws_iam_role.service["states"].arn
  definition = jsonencode({
    Comment = "Runs the job definition named in the input and waits for it"
    StartAt = "RunJob"
    States = {
      RunJob = {
        Type     = "Task"
        Resource = "arn:${data.aws_partition.current.partition}:states:::batch:submitJob.sync"
        Parameters = {
          JobName           = "smoke"
          JobQueue          = aws_batch_job_queue.this.arn
          "JobDefinition.$" = "$.job_definition"
          ContainerOverrides = {
            Environment = [{ Name = "OUT_KEY", "Value.$" = "$.key" }]
          }
        }
        TimeoutSeconds = 300
        End            = true
      }
    }
  })
}

output "state_machine_arn" {
  description = "ARN of the smoke state machine."
  value       = aws_sfn_state_machine.this.arn
}

output "job_definition_arns" {
  description = "Job definition ARN by job name."
  value       = { for name, definition in aws_batch_job_definition.this : name => definition.arn }
}

output "bucket" {
  description = "Bucket the writer job writes to."
  value       = aws_s3_bucket.out.bucket
}
