# Unit-test root of modules/network: one module instance per scenario, planned once against the emulator
# (its eu-west-1 has three Availability Zones, a, b and c).
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
  source = "../../../../modules/network"

  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  kms_key_arn = local.kms_key_arn
}

module "hml_like" {
  source = "../../../../modules/network"

  name_prefix             = "acme-hml"
  cidr_block              = "10.20.0.0/16"
  az_count                = 3
  nat_mode                = "single"
  kms_key_arn             = local.kms_key_arn
  flow_log_retention_days = 365
  tags                    = { CostCenter = "cc-1234" }
}

module "prod_like" {
  source = "../../../../modules/network"

  name_prefix             = "acme-prod"
  cidr_block              = "10.30.0.0/16"
  azs                     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  nat_mode                = "per_az"
  kms_key_arn             = local.kms_key_arn
  flow_log_retention_days = 731
  interface_endpoints     = ["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager", "states"]
  alb_ingress_cidrs       = ["203.0.113.0/24", "198.51.100.0/24"]
  alb_target_port_range   = { from_port = 8080, to_port = 8080 }
  tags                    = { CostCenter = "cc-1234" }
}

# Smallest VPC, most AZs (pinned, so the emulator's three do not limit them), widest target port range.
module "edge" {
  source = "../../../../modules/network"

  name_prefix             = "acme-edge"
  cidr_block              = "10.99.0.0/24"
  azs                     = ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"]
  nat_mode                = "single"
  kms_key_arn             = local.kms_key_arn
  flow_log_retention_days = 3653
  interface_endpoints     = ["sts"]
  alb_target_port_range   = { from_port = 1, to_port = 65535 }
}

# Fewest AZs, one NAT gateway each.
module "edge_min" {
  source = "../../../../modules/network"

  name_prefix = "acme-min"
  cidr_block  = "172.16.0.0/20"
  az_count    = 2
  nat_mode    = "per_az"
  kms_key_arn = local.kms_key_arn
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

output "edge_min" {
  description = "Every output of the edge_min instance."
  value       = module.edge_min
}
