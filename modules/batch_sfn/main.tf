data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id

  # The job queue tries the compute environments in this order.
  compute_environment_types = var.enable_fargate_spot ? ["FARGATE", "FARGATE_SPOT"] : ["FARGATE"]

  # Memory sizes (MiB) Fargate accepts for each vCPU value.
  fargate_memory_by_vcpu = {
    "0.25" = [512, 1024, 2048]
    "0.5"  = range(1024, 4097, 1024)
    "1"    = range(2048, 8193, 1024)
    "2"    = range(4096, 16385, 1024)
    "4"    = range(8192, 30721, 1024)
    "8"    = range(16384, 61441, 4096)
    "16"   = range(32768, 122881, 8192)
  }

  job_environment = merge(var.job_environment, {
    RESULTS_BUCKET = var.results_bucket_name
    RESULTS_PREFIX = var.results_prefix
  })

  # Batch injects a Secrets Manager secret (optionally one JSON key of it) or an SSM parameter; IAM wants
  # the secret's own ARN, without the JSON key suffix.
  job_secret_arns = {
    secretsmanager = distinct([for arn in values(var.job_secrets) : join(":", slice(split(":", arn), 0, 7)) if split(":", arn)[2] == "secretsmanager"])
    ssm            = distinct([for arn in values(var.job_secrets) : arn if split(":", arn)[2] == "ssm"])
  }

  # <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>(:tag|@digest): pull rights go to that repository only.
  ecr_image = try(regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)", var.batch_job_image), null)
  ecr_repository_arn = local.ecr_image == null ? null : (
    "arn:${local.partition}:ecr:${local.ecr_image[1]}:${local.ecr_image[0]}:repository/${local.ecr_image[2]}"
  )

  # Queueing, start-up and back-off between attempts come on top of the attempts themselves.
  pipeline_task_timeout_seconds = coalesce(
    var.pipeline_task_timeout_seconds,
    var.job_attempts * var.job_attempt_timeout_seconds + 900,
  )
}

resource "aws_cloudwatch_log_group" "batch" {
  name              = "/aws/batch/${var.name_prefix}-worker"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_batch_compute_environment" "this" {
  for_each = toset(local.compute_environment_types)

  compute_environment_name = "${var.name_prefix}-${lower(replace(each.key, "_", "-"))}"
  type                     = "MANAGED"
  state                    = "ENABLED"
  service_role             = aws_iam_role.batch_service.arn

  compute_resources {
    type               = each.key
    max_vcpus          = var.max_vcpus
    subnets            = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.max_vcpus >= var.job_vcpu
      error_message = "max_vcpus (${var.max_vcpus}) must be at least job_vcpu (${var.job_vcpu}), otherwise no job ever fits in the compute environment."
    }
  }

  # Batch needs the service role's permissions to create and, above all, to delete the environment.
  depends_on = [aws_iam_role_policy_attachment.batch_service]
}

resource "aws_batch_job_queue" "this" {
  name     = "${var.name_prefix}-jobs"
  state    = "ENABLED"
  priority = 1

  dynamic "compute_environment_order" {
    for_each = local.compute_environment_types

    content {
      order               = compute_environment_order.key + 1
      compute_environment = aws_batch_compute_environment.this[compute_environment_order.value].arn
    }
  }

  tags = var.tags
}

resource "aws_batch_job_definition" "this" {
  name                  = "${var.name_prefix}-worker"
  type                  = "container"
  platform_capabilities = ["FARGATE"]
  propagate_tags        = true

  container_properties = jsonencode(merge(
    {
      image            = var.batch_job_image
      command          = var.job_command
      jobRoleArn       = aws_iam_role.job.arn
      executionRoleArn = aws_iam_role.execution.arn
      resourceRequirements = [
        { type = "VCPU", value = tostring(var.job_vcpu) },
        { type = "MEMORY", value = tostring(var.job_memory) },
      ]
      environment            = [for name, value in local.job_environment : { name = name, value = value }]
      readonlyRootFilesystem = true
      privileged             = false
      # The root filesystem is read-only: /tmp is the only writable path, on the task's ephemeral storage.
      volumes     = [{ name = "tmp" }]
      mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      networkConfiguration = {
        assignPublicIp = "DISABLED"
      }
      fargatePlatformConfiguration = {
        platformVersion = "LATEST"
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.batch.name
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "worker"
        }
      }
    },
    length(var.job_secrets) == 0 ? {} : {
      secrets = [for name, arn in var.job_secrets : { name = name, valueFrom = arn }]
    },
  ))

  retry_strategy {
    attempts = var.job_attempts

    # Batch worker contract: 65 is bad input, retrying cannot help.
    evaluate_on_exit {
      on_exit_code = "65"
      action       = "EXIT"
    }

    # Every other exit code (75 transient included) is retried. Failures without an exit code (Spot
    # reclaim, image pull) match no entry and Batch retries those by default.
    evaluate_on_exit {
      on_exit_code = "*"
      action       = "RETRY"
    }
  }

  timeout {
    attempt_duration_seconds = var.job_attempt_timeout_seconds
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = contains(local.fargate_memory_by_vcpu[tostring(var.job_vcpu)], var.job_memory)
      error_message = "Fargate does not offer ${var.job_memory} MiB with ${var.job_vcpu} vCPU; allowed sizes for it are: ${join(", ", local.fargate_memory_by_vcpu[tostring(var.job_vcpu)])} MiB."
    }

    precondition {
      condition     = endswith(var.results_bucket_arn, ":::${var.results_bucket_name}")
      error_message = "results_bucket_name (${var.results_bucket_name}) must be the bucket of results_bucket_arn (${var.results_bucket_arn})."
    }
  }
}
