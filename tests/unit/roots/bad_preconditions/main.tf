# Every precondition and postcondition of the modules, tripped once: one module call per case, its
# variables all valid, the combination (or the emulated region) not. Variable validation errors stop a
# plan before any resource is planned, which is why these cases cannot share the bad_inputs root.
# Checks inside a module do not name the module call in their diagnostics: each case is recognised by
# the values its error message renders (tests/unit/test_validations.py, cases in bad_preconditions.yaml).
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
}

locals {
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  subnets     = ["subnet-0a000000000000001", "subnet-0b000000000000002"]
  image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-batch:0.1.0"
}

# The emulated eu-west-1 has three Availability Zones.
module "network_az_count_above_region" {
  source      = "../../../../modules/network"
  name_prefix = "acme-azs"
  cidr_block  = "10.0.0.0/16"
  az_count    = 4
  kms_key_arn = local.kms_key_arn
}

module "rds_serverless_class_without_capacity" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-rds"
  subnet_ids             = local.subnets
  vpc_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  instance_class         = "db.serverless"
}

module "batch_max_vcpus_below_job_vcpu" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-vcpus"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = ["sg-0f000000000000001"]
  batch_job_image     = local.image
  job_vcpu            = 2
  job_memory          = 4096
  max_vcpus           = 1
  uploads_bucket_arn  = "arn:aws:s3:::acme-vcpus-uploads"
  results_bucket_arn  = "arn:aws:s3:::acme-vcpus-results"
  results_bucket_name = "acme-vcpus-results"
}

module "batch_memory_not_offered_for_vcpu" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-memory"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = ["sg-0f000000000000001"]
  batch_job_image     = local.image
  job_vcpu            = 1
  job_memory          = 1024
  uploads_bucket_arn  = "arn:aws:s3:::acme-memory-uploads"
  results_bucket_arn  = "arn:aws:s3:::acme-memory-results"
  results_bucket_name = "acme-memory-results"
}

module "batch_results_name_not_the_arn_bucket" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-names"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = ["sg-0f000000000000001"]
  batch_job_image     = local.image
  uploads_bucket_arn  = "arn:aws:s3:::acme-names-uploads"
  results_bucket_arn  = "arn:aws:s3:::acme-names-results"
  results_bucket_name = "acme-other-results"
}

module "batch_task_timeout_below_attempts" {
  source                        = "../../../../modules/batch_sfn"
  name_prefix                   = "acme-timeout"
  kms_key_arn                   = local.kms_key_arn
  subnet_ids                    = local.subnets
  security_group_ids            = ["sg-0f000000000000001"]
  batch_job_image               = local.image
  uploads_bucket_arn            = "arn:aws:s3:::acme-timeout-uploads"
  results_bucket_arn            = "arn:aws:s3:::acme-timeout-results"
  results_bucket_name           = "acme-timeout-results"
  pipeline_task_timeout_seconds = 200
}
