# Unit-test root of modules/batch_sfn: one module instance per scenario, planned once against the
# emulator. The buckets, subnets, security groups and key are literals of the emulator account.
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
  kms_key_arn     = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  private_subnets = ["subnet-0a000000000000001", "subnet-0b000000000000002", "subnet-0c000000000000003"]
  batch_sg        = "sg-0f000000000000001"
  digest          = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

  # The state machine definition depends on the job queue and job definition ARNs, which are known only
  # after apply; the module's template is rendered here with placeholders so the ASL can be asserted.
  asl_template = "${path.module}/../../../../modules/batch_sfn/templates/pipeline.asl.json.tftpl"
}

module "defaults" {
  source = "../../../../modules/batch_sfn"

  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = slice(local.private_subnets, 0, 1)
  security_group_ids  = [local.batch_sg]
  batch_job_image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-dev-batch:0.1.0"
  uploads_bucket_arn  = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn  = "arn:aws:s3:::acme-dev-results"
  results_bucket_name = "acme-dev-results"
}

module "hml_like" {
  source = "../../../../modules/batch_sfn"

  name_prefix           = "acme-hml"
  kms_key_arn           = local.kms_key_arn
  subnet_ids            = local.private_subnets
  security_group_ids    = [local.batch_sg]
  batch_job_image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-hml-batch:0.1.0"
  job_vcpu              = 1
  job_memory            = 2048
  max_vcpus             = 8
  uploads_bucket_arn    = "arn:aws:s3:::acme-hml-uploads-123456789012"
  results_bucket_arn    = "arn:aws:s3:::acme-hml-results-123456789012"
  results_bucket_name   = "acme-hml-results-123456789012"
  log_retention_in_days = 365
  tags                  = { CostCenter = "cc-1234" }
}

module "prod_like" {
  source = "../../../../modules/batch_sfn"

  name_prefix                   = "acme-prod"
  kms_key_arn                   = local.kms_key_arn
  subnet_ids                    = local.private_subnets
  security_group_ids            = [local.batch_sg, "sg-0f000000000000002"]
  batch_job_image               = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-prod-batch@sha256:${local.digest}"
  job_vcpu                      = 2
  job_memory                    = 4096
  max_vcpus                     = 32
  enable_fargate_spot           = true
  job_environment               = { LOG_LEVEL = "info" }
  job_secrets                   = { DB_PASSWORD = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme-prod-db-AbCdEf:password::", API_KEY_PARAM = "arn:aws:ssm:eu-west-1:123456789012:parameter/acme/prod/api-key" }
  uploads_bucket_arn            = "arn:aws:s3:::acme-prod-uploads-123456789012"
  results_bucket_arn            = "arn:aws:s3:::acme-prod-results-123456789012"
  results_bucket_name           = "acme-prod-results-123456789012"
  results_prefix                = "pipeline/results/"
  job_attempts                  = 5
  job_attempt_timeout_seconds   = 1800
  pipeline_task_timeout_seconds = 10000
  log_retention_in_days         = 731
  tags                          = { CostCenter = "cc-1234" }
}

# Smallest Fargate size and compute environment, one attempt of the shortest timeout, an image outside
# ECR (so no repository pull grant), the longest log retention.
module "edge" {
  source = "../../../../modules/batch_sfn"

  name_prefix                 = "acme-edge"
  kms_key_arn                 = local.kms_key_arn
  subnet_ids                  = slice(local.private_subnets, 0, 1)
  security_group_ids          = [local.batch_sg]
  batch_job_image             = "ghcr.io/acme/worker@sha256:${local.digest}"
  job_vcpu                    = 0.25
  job_memory                  = 512
  max_vcpus                   = 1
  job_command                 = ["worker"]
  uploads_bucket_arn          = "arn:aws:s3:::acme-edge-uploads"
  results_bucket_arn          = "arn:aws:s3:::acme-edge-results"
  results_bucket_name         = "acme-edge-results"
  job_attempts                = 1
  job_attempt_timeout_seconds = 60
  log_retention_in_days       = 3653
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

output "edge" {
  description = "Every output of the edge instance."
  value       = module.edge
}

output "asl_rendered" {
  description = "The module's ASL template rendered with placeholder ARNs and a marker timeout."
  value = jsondecode(templatefile(local.asl_template, {
    partition            = "aws"
    job_name             = "acme-dev-worker"
    job_queue_arn        = "arn:aws:batch:eu-west-1:123456789012:job-queue/acme-dev-jobs"
    job_definition_arn   = "arn:aws:batch:eu-west-1:123456789012:job-definition/acme-dev-worker"
    results_prefix       = "results/"
    task_timeout_seconds = 11700
  }))
}
