# Unit-test root of modules/rds: one module instance per scenario, planned once against the emulator.
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
  kms_key_arn        = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  database_subnets   = ["subnet-0a000000000000001", "subnet-0b000000000000002", "subnet-0c000000000000003"]
  availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

module "defaults" {
  source = "../../../../modules/rds"

  name_prefix            = "acme-dev"
  subnet_ids             = slice(local.database_subnets, 0, 2)
  vpc_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
}

module "hml_like" {
  source = "../../../../modules/rds"

  name_prefix             = "acme-hml"
  subnet_ids              = local.database_subnets
  availability_zones      = local.availability_zones
  vpc_security_group_ids  = ["sg-0d000000000000001"]
  kms_key_arn             = local.kms_key_arn
  database_name           = "platform"
  instance_class          = "db.serverless"
  instance_count          = 2
  backup_retention_period = 7
  serverless_v2           = { min_capacity = 0, max_capacity = 4, seconds_until_auto_pause = 3600 }
  tags                    = { CostCenter = "cc-1234" }
}

module "prod_like" {
  source = "../../../../modules/rds"

  name_prefix                           = "acme-prod"
  subnet_ids                            = local.database_subnets
  availability_zones                    = local.availability_zones
  vpc_security_group_ids                = ["sg-0d000000000000001", "sg-0e000000000000002"]
  kms_key_arn                           = local.kms_key_arn
  database_name                         = "platform"
  instance_class                        = "db.r6g.large"
  instance_count                        = 3
  backup_retention_period               = 30
  preferred_backup_window               = "02:00-03:00"
  preferred_maintenance_window          = "sun:04:00-sun:05:00"
  performance_insights_retention_period = 731
  tags                                  = { CostCenter = "cc-1234" }
}

# More instances than AZs (round-robin), newest major version, lowest port, longest backup retention,
# no Enhanced Monitoring, slow-statement logging off and extra parameters.
module "edge" {
  source = "../../../../modules/rds"

  name_prefix                   = "acme-edge"
  subnet_ids                    = slice(local.database_subnets, 0, 2)
  availability_zones            = slice(local.availability_zones, 0, 2)
  vpc_security_group_ids        = ["sg-0d000000000000001"]
  kms_key_arn                   = local.kms_key_arn
  database_name                 = "a"
  engine_version                = "17.6"
  instance_count                = 5
  port                          = 1150
  backup_retention_period       = 35
  monitoring_interval           = 0
  log_min_duration_statement_ms = -1
  log_statement                 = "all"
  ca_cert_identifier            = "rds-ca-ecc384-g1"
  cluster_parameters = [
    { name = "shared_preload_libraries", value = "pg_stat_statements", apply_method = "pending-reboot" },
    { name = "idle_in_transaction_session_timeout", value = "60000" },
  ]
  serverless_v2 = { min_capacity = 0.5, max_capacity = 256 }
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
