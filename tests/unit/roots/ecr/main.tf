# Unit-test root of modules/ecr: one module instance per scenario, planned once against the emulator.
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
  source = "../../../../modules/ecr"

  name_prefix = "acme-dev"
  kms_key_arn = local.kms_key_arn
}

module "hml_like" {
  source = "../../../../modules/ecr"

  name_prefix         = "acme-hml"
  kms_key_arn         = local.kms_key_arn
  push_principal_arns = ["arn:aws:iam::123456789012:role/acme-ci-ecr-push"]
  tags                = { CostCenter = "cc-1234" }
}

module "prod_like" {
  source = "../../../../modules/ecr"

  name_prefix                = "acme-prod"
  kms_key_arn                = local.kms_key_arn
  push_principal_arns        = ["arn:aws:iam::123456789012:role/acme-ci-ecr-push"]
  pull_principal_arns        = ["arn:aws:iam::123456789012:role/acme-prod-batch-execution", "arn:aws:iam::444455556666:root"]
  untagged_image_expiry_days = 14
  tagged_images_to_keep      = 100
  tags                       = { CostCenter = "cc-1234" }
}

# Shortest and most punctuated repository names, extreme lifecycle values, pull-only policy.
module "edge" {
  source = "../../../../modules/ecr"

  name_prefix                = "acme-edge"
  kms_key_arn                = local.kms_key_arn
  repository_names           = ["a", "x.y_z-w"]
  untagged_image_expiry_days = 365
  tagged_images_to_keep      = 1000
  pull_principal_arns        = ["arn:aws:iam::123456789012:role/reader"]
  force_delete               = true
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
