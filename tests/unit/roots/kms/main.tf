# Unit-test root of modules/kms: one module instance per scenario, planned once against the emulator.
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

module "defaults" {
  source = "../../../../modules/kms"

  name_prefix = "acme-dev"
}

module "hml_like" {
  source = "../../../../modules/kms"

  name_prefix = "acme-hml"
  tags        = { CostCenter = "cc-1234" }
}

module "prod_like" {
  source = "../../../../modules/kms"

  name_prefix            = "acme-prod"
  description            = "acme production CMK"
  key_administrator_arns = ["arn:aws:iam::123456789012:role/platform-admin"]
  key_user_arns          = ["arn:aws:iam::444455556666:role/batch-job", "arn:aws:iam::123456789012:user/auditor"]
  tags                   = { CostCenter = "cc-1234" }
}

# Longest name_prefix, longest description, no AWS service allowed through kms:ViaService.
module "edge" {
  source = "../../../../modules/kms"

  name_prefix  = "e2345678901234567890123456789012"
  description  = join("", [for _ in range(1024) : "12345678"])
  via_services = []
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
