# Unit-test root of modules/observability: one module instance per scenario, planned once against the emulator.
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
  region = "eu-west-1"

  default_tags {
    tags = { Project = "unit" }
  }
}

locals {
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Only the required inputs: the topic, its key and an empty dashboard, no alarm.
module "defaults" {
  source = "../../../../modules/observability"

  name_prefix = "acme-dev"
  kms_key_arn = local.kms_key_arn
}

# Every part of the platform present, default thresholds, two email subscribers.
module "hml_like" {
  source = "../../../../modules/observability"

  name_prefix                 = "acme-hml"
  kms_key_arn                 = local.kms_key_arn
  alarm_email_addresses       = ["oncall@example.com", "Platform.Team+alerts@example.co.uk"]
  alb_arn_suffix              = "app/acme-hml/50dc6c495c0c9188"
  alb_target_group_arn_suffix = "targetgroup/acme-hml-api/943f017f100becff"
  eks_cluster_name            = "acme-hml"
  rds_cluster_identifier      = "acme-hml"
  batch_job_queue_arn         = "arn:aws:batch:eu-west-1:123456789012:job-queue/acme-hml-jobs"
  state_machine_arn           = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-hml-pipeline"
  tags                        = { CostCenter = "cc-1234" }
}

# Production thresholds, an ALB without target group, a database and the pipeline; no EKS, no Batch.
module "prod_like" {
  source = "../../../../modules/observability"

  name_prefix            = "acme-prod"
  kms_key_arn            = local.kms_key_arn
  log_retention_days     = 731
  alb_arn_suffix         = "app/acme-prod/60dc6c495c0c9199"
  rds_cluster_identifier = "acme-prod"
  state_machine_arn      = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-prod-pipeline"
  thresholds = {
    alb_5xx_count             = 5
    alb_target_5xx_count      = 20
    alb_target_p99_seconds    = 1.5
    rds_connections           = 800
    rds_cpu_percent           = 70
    rds_freeable_memory_bytes = 1073741824
    sfn_executions_failed     = 3
    sfn_executions_timed_out  = 2
    evaluation_periods        = 2
    period_seconds            = 60
  }
}

output "defaults" {
  description = "Every output of the defaults instance."
  value       = module.defaults
}

output "hml_like" {
  description = "Every output of the hml_like instance."
  value       = module.hml_like
}

output "prod_like" {
  description = "Every output of the prod_like instance."
  value       = module.prod_like
}
