# Unit-test root of modules/s3: one module instance per scenario, planned once against the emulator.
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

module "defaults" {
  source = "../../../../modules/s3"

  name_prefix = "acme-dev"
  kms_key_arn = local.kms_key_arn
}

module "hml_like" {
  source = "../../../../modules/s3"

  name_prefix          = "acme-hml"
  bucket_name_suffix   = "123456789012"
  kms_key_arn          = local.kms_key_arn
  cors_allowed_origins = ["https://hml.app.example.com"]
  tags                 = { CostCenter = "cc-1234" }
}

module "prod_like" {
  source = "../../../../modules/s3"

  name_prefix                        = "acme-prod"
  bucket_name_suffix                 = "123456789012"
  kms_key_arn                        = local.kms_key_arn
  cors_allowed_origins               = ["https://app.example.com", "https://admin.example.com:8443"]
  results_transition_days            = { standard_ia = 60, glacier_ir = 180 }
  noncurrent_version_expiration_days = 90
  access_log_bucket_name             = "acme-prod-access-logs"
  tags                               = { CostCenter = "cc-1234" }
}

# 63-character bucket names (the S3 maximum) and the extreme transition and noncurrent values.
module "edge" {
  source = "../../../../modules/s3"

  name_prefix                        = "e2345678901234567890123456789012"
  bucket_name_suffix                 = "123456789012-eu-west-1"
  kms_key_arn                        = local.kms_key_arn
  results_transition_days            = { standard_ia = 30, glacier_ir = 1735 }
  noncurrent_version_expiration_days = 365
  force_destroy                      = true
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
