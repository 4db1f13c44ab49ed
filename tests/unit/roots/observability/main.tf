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

  name_prefix           = "acme-hml"
  kms_key_arn           = local.kms_key_arn
  alarm_email_addresses = ["oncall@example.com", "Platform.Team+alerts@example.co.uk"]
  alb = {
    arn_suffix              = "app/acme-hml/50dc6c495c0c9188"
    target_group_arn_suffix = "targetgroup/acme-hml-api/943f017f100becff"
  }
  eks            = { cluster_name = "acme-hml" }
  rds            = { cluster_identifier = "acme-hml" }
  batch          = { job_queue_arn = "arn:aws:batch:eu-west-1:123456789012:job-queue/acme-hml-jobs" }
  step_functions = { state_machine_arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-hml-pipeline" }
  tags           = { CostCenter = "cc-1234" }
}

# Production thresholds, an ALB without target group, a database and the pipeline; no EKS, no Batch.
module "prod_like" {
  source = "../../../../modules/observability"

  name_prefix        = "acme-prod"
  kms_key_arn        = local.kms_key_arn
  log_retention_days = 731
  alb                = { arn_suffix = "app/acme-prod/60dc6c495c0c9199" }
  rds                = { cluster_identifier = "acme-prod" }
  step_functions     = { state_machine_arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-prod-pipeline" }
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

# In an environment the ALB suffix, the queue ARN and the state machine ARN are known only after apply:
# which alarms exist must not depend on them.
resource "terraform_data" "created_at_apply" {
  input = "acme-stg"
}

module "unknown_until_apply" {
  source = "../../../../modules/observability"

  name_prefix    = "acme-stg"
  kms_key_arn    = local.kms_key_arn
  alb            = { arn_suffix = "app/acme-stg/${terraform_data.created_at_apply.id}", target_group_arn_suffix = "targetgroup/acme-stg-api/${terraform_data.created_at_apply.id}" }
  eks            = { cluster_name = "acme-stg" }
  rds            = { cluster_identifier = "acme-stg" }
  batch          = { job_queue_arn = "arn:aws:batch:eu-west-1:123456789012:job-queue/${terraform_data.created_at_apply.id}" }
  step_functions = { state_machine_arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:${terraform_data.created_at_apply.id}" }
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

output "unknown_until_apply" {
  description = "Every output of the unknown_until_apply instance."
  value       = module.unknown_until_apply
}
