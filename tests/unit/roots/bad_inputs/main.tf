# Every validation block of modules/*/variables.tf and envs/*/variables.tf, tripped once: one module call
# per case, each valid except for the one wrong value it is named after. The plan must fail with exactly
# that validation's message on that call (tests/unit/test_validations.py, cases in bad_inputs.yaml).
# env_variables/variables.tf links to envs/hml/variables.tf (envs/prod has the same file): the
# environments are roots with a provider and a backend, so only their variables are called as a module.
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
  kms_key_arn    = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  kms_alias_arn  = "arn:aws:kms:eu-west-1:123456789012:alias/acme"
  kms_key_id     = "1234abcd-12ab-34cd-56ef-1234567890ab"
  subnets        = ["subnet-0a000000000000001", "subnet-0b000000000000002"]
  security_group = "sg-0d000000000000001"
  image          = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-batch:0.1.0"
  uploads_arn    = "arn:aws:s3:::acme-uploads"
  results_arn    = "arn:aws:s3:::acme-results"
  results_name   = "acme-results"

  # A valid call of the environment variables, each env_* case overrides one of them.
  env = {
    region                    = "eu-west-1"
    allowed_account_ids       = ["111122223333"]
    project                   = "acme"
    environment               = "hml"
    owner                     = "platform-team"
    vpc_cidr                  = "10.20.0.0/16"
    nat_mode                  = "single"
    log_retention_days        = 365
    rds_instance_class        = "db.r6g.large"
    rds_backup_retention_days = 7
    batch_job_image           = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/acme-hml-batch:0.1.0"
    eks_node_group            = { instance_types = ["t3.large"], min_size = 1, desired_size = 2, max_size = 3 }
    eks_kubernetes_version    = "1.35"
    eks_addon_versions        = { "vpc-cni" = "v1.20.4-eksbuild.1" }
    eks_admin_role_arn        = "arn:aws:iam::111122223333:role/platform-admin"
    domain_name               = "hml.acme.example.com"
    route53_zone_id           = "Z0HML0000000000000001"
  }
}

################################################################################
# kms
################################################################################

module "kms_name_prefix_uppercase" {
  source      = "../../../../modules/kms"
  name_prefix = "Acme-dev"
}

module "kms_description_too_long" {
  source      = "../../../../modules/kms"
  name_prefix = "acme-dev"
  description = format("%8193s", "x")
}

module "kms_deletion_window_7_days" {
  source                  = "../../../../modules/kms"
  name_prefix             = "acme-dev"
  deletion_window_in_days = 7
}

module "kms_key_administrator_wildcard" {
  source                 = "../../../../modules/kms"
  name_prefix            = "acme-dev"
  key_administrator_arns = ["*"]
}

module "kms_key_user_account_root" {
  source        = "../../../../modules/kms"
  name_prefix   = "acme-dev"
  key_user_arns = ["arn:aws:iam::123456789012:root"]
}

module "kms_via_services_unknown_service" {
  source       = "../../../../modules/kms"
  name_prefix  = "acme-dev"
  via_services = ["lambda"]
}

module "kms_via_services_twice" {
  source       = "../../../../modules/kms"
  name_prefix  = "acme-dev"
  via_services = ["s3", "s3"]
}

################################################################################
# network
################################################################################

module "network_name_prefix_trailing_hyphen" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev-"
  cidr_block  = "10.0.0.0/16"
  kms_key_arn = local.kms_key_arn
}

module "network_cidr_block_host_bits" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.20.1.0/16"
  kms_key_arn = local.kms_key_arn
}

module "network_azs_single" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  azs         = ["eu-west-1a"]
  kms_key_arn = local.kms_key_arn
}

module "network_azs_twice" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  azs         = ["eu-west-1a", "eu-west-1a"]
  kms_key_arn = local.kms_key_arn
}

module "network_azs_zone_ids" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  azs         = ["euw1-az1", "euw1-az2"]
  kms_key_arn = local.kms_key_arn
}

module "network_az_count_one" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  az_count    = 1
  kms_key_arn = local.kms_key_arn
}

module "network_nat_mode_none" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  nat_mode    = "none"
  kms_key_arn = local.kms_key_arn
}

module "network_kms_key_alias" {
  source      = "../../../../modules/network"
  name_prefix = "acme-dev"
  cidr_block  = "10.0.0.0/16"
  kms_key_arn = local.kms_alias_arn
}

module "network_flow_log_retention_never" {
  source                  = "../../../../modules/network"
  name_prefix             = "acme-dev"
  cidr_block              = "10.0.0.0/16"
  kms_key_arn             = local.kms_key_arn
  flow_log_retention_days = 0
}

module "network_interface_endpoint_s3" {
  source              = "../../../../modules/network"
  name_prefix         = "acme-dev"
  cidr_block          = "10.0.0.0/16"
  kms_key_arn         = local.kms_key_arn
  interface_endpoints = ["s3"]
}

module "network_interface_endpoints_twice" {
  source              = "../../../../modules/network"
  name_prefix         = "acme-dev"
  cidr_block          = "10.0.0.0/16"
  kms_key_arn         = local.kms_key_arn
  interface_endpoints = ["sts", "sts"]
}

module "network_alb_ingress_empty" {
  source            = "../../../../modules/network"
  name_prefix       = "acme-dev"
  cidr_block        = "10.0.0.0/16"
  kms_key_arn       = local.kms_key_arn
  alb_ingress_cidrs = []
}

module "network_alb_ingress_not_cidr" {
  source            = "../../../../modules/network"
  name_prefix       = "acme-dev"
  cidr_block        = "10.0.0.0/16"
  kms_key_arn       = local.kms_key_arn
  alb_ingress_cidrs = ["0.0.0.0"]
}

module "network_alb_target_ports_reversed" {
  source                = "../../../../modules/network"
  name_prefix           = "acme-dev"
  cidr_block            = "10.0.0.0/16"
  kms_key_arn           = local.kms_key_arn
  alb_target_port_range = { from_port = 9000, to_port = 8000 }
}

################################################################################
# s3
################################################################################

module "s3_name_prefix_digit_first" {
  source      = "../../../../modules/s3"
  name_prefix = "1acme"
  kms_key_arn = local.kms_key_arn
}

module "s3_kms_key_id_only" {
  source      = "../../../../modules/s3"
  name_prefix = "acme-dev"
  kms_key_arn = local.kms_key_id
}

module "s3_bucket_name_suffix_too_long" {
  source             = "../../../../modules/s3"
  name_prefix        = "acme-dev"
  kms_key_arn        = local.kms_key_arn
  bucket_name_suffix = "123456789012-eu-west-1x"
}

module "s3_results_transition_fractional" {
  source                  = "../../../../modules/s3"
  name_prefix             = "acme-dev"
  kms_key_arn             = local.kms_key_arn
  results_transition_days = { standard_ia = 30.5, glacier_ir = 90 }
}

module "s3_results_standard_ia_too_early" {
  source                  = "../../../../modules/s3"
  name_prefix             = "acme-dev"
  kms_key_arn             = local.kms_key_arn
  results_transition_days = { standard_ia = 29, glacier_ir = 90 }
}

module "s3_results_glacier_too_close" {
  source                  = "../../../../modules/s3"
  name_prefix             = "acme-dev"
  kms_key_arn             = local.kms_key_arn
  results_transition_days = { standard_ia = 60, glacier_ir = 80 }
}

module "s3_results_glacier_too_late" {
  source                  = "../../../../modules/s3"
  name_prefix             = "acme-dev"
  kms_key_arn             = local.kms_key_arn
  results_transition_days = { standard_ia = 30, glacier_ir = 1736 }
}

module "s3_noncurrent_zero" {
  source                             = "../../../../modules/s3"
  name_prefix                        = "acme-dev"
  kms_key_arn                        = local.kms_key_arn
  noncurrent_version_expiration_days = 0
}

module "s3_cors_http_origin" {
  source               = "../../../../modules/s3"
  name_prefix          = "acme-dev"
  kms_key_arn          = local.kms_key_arn
  cors_allowed_origins = ["http://app.example.com"]
}

module "s3_cors_twice" {
  source               = "../../../../modules/s3"
  name_prefix          = "acme-dev"
  kms_key_arn          = local.kms_key_arn
  cors_allowed_origins = ["https://app.example.com", "https://app.example.com"]
}

module "s3_access_log_bucket_arn" {
  source                 = "../../../../modules/s3"
  name_prefix            = "acme-dev"
  kms_key_arn            = local.kms_key_arn
  access_log_bucket_name = "arn:aws:s3:::acme-logs"
}

################################################################################
# ecr
################################################################################

module "ecr_name_prefix_too_short" {
  source      = "../../../../modules/ecr"
  name_prefix = "ab"
  kms_key_arn = local.kms_key_arn
}

module "ecr_kms_key_alias" {
  source      = "../../../../modules/ecr"
  name_prefix = "acme-dev"
  kms_key_arn = local.kms_alias_arn
}

module "ecr_repository_names_empty" {
  source           = "../../../../modules/ecr"
  name_prefix      = "acme-dev"
  kms_key_arn      = local.kms_key_arn
  repository_names = []
}

module "ecr_repository_name_with_slash" {
  source           = "../../../../modules/ecr"
  name_prefix      = "acme-dev"
  kms_key_arn      = local.kms_key_arn
  repository_names = ["team/api"]
}

module "ecr_repository_names_twice" {
  source           = "../../../../modules/ecr"
  name_prefix      = "acme-dev"
  kms_key_arn      = local.kms_key_arn
  repository_names = ["api", "api"]
}

module "ecr_untagged_expiry_zero" {
  source                     = "../../../../modules/ecr"
  name_prefix                = "acme-dev"
  kms_key_arn                = local.kms_key_arn
  untagged_image_expiry_days = 0
}

module "ecr_tagged_keep_too_many" {
  source                = "../../../../modules/ecr"
  name_prefix           = "acme-dev"
  kms_key_arn           = local.kms_key_arn
  tagged_images_to_keep = 1001
}

module "ecr_push_principal_user" {
  source              = "../../../../modules/ecr"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  push_principal_arns = ["arn:aws:iam::123456789012:user/ci"]
}

module "ecr_pull_principal_wildcard" {
  source              = "../../../../modules/ecr"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  pull_principal_arns = ["*"]
}

################################################################################
# rds
################################################################################

module "rds_name_prefix_underscore" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme_dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
}

module "rds_subnet_ids_one" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = slice(local.subnets, 0, 1)
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
}

module "rds_subnet_ids_not_ids" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = ["subnet-a", "subnet-b"]
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
}

module "rds_security_groups_empty" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = []
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
}

module "rds_kms_key_id_only" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_id
  database_name          = "platform"
}

module "rds_engine_version_14" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  engine_version         = "14.9"
}

module "rds_instance_class_without_db_prefix" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  instance_class         = "r6g.large"
}

module "rds_instance_count_one" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  instance_count         = 1
}

module "rds_availability_zones_single" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  availability_zones     = ["eu-west-1a"]
}

module "rds_availability_zone_ids" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  availability_zones     = ["euw1-az1", "euw1-az2"]
}

module "rds_port_80" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  port                   = 80
}

module "rds_database_name_reserved" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "postgres"
}

module "rds_master_username_digit_first" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  master_username        = "1admin"
}

module "rds_master_username_reserved" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  master_username        = "Postgres"
}

module "rds_backup_retention_1_day" {
  source                  = "../../../../modules/rds"
  name_prefix             = "acme-dev"
  subnet_ids              = local.subnets
  vpc_security_group_ids  = [local.security_group]
  kms_key_arn             = local.kms_key_arn
  database_name           = "platform"
  backup_retention_period = 1
}

module "rds_backup_window_bad_format" {
  source                  = "../../../../modules/rds"
  name_prefix             = "acme-dev"
  subnet_ids              = local.subnets
  vpc_security_group_ids  = [local.security_group]
  kms_key_arn             = local.kms_key_arn
  database_name           = "platform"
  preferred_backup_window = "2:00-3:00"
}

module "rds_maintenance_window_bad_format" {
  source                       = "../../../../modules/rds"
  name_prefix                  = "acme-dev"
  subnet_ids                   = local.subnets
  vpc_security_group_ids       = [local.security_group]
  kms_key_arn                  = local.kms_key_arn
  database_name                = "platform"
  preferred_maintenance_window = "sunday:04:00-sunday:05:00"
}

module "rds_ca_cert_expired" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  ca_cert_identifier     = "rds-ca-2019"
}

module "rds_performance_insights_30_days" {
  source                                = "../../../../modules/rds"
  name_prefix                           = "acme-dev"
  subnet_ids                            = local.subnets
  vpc_security_group_ids                = [local.security_group]
  kms_key_arn                           = local.kms_key_arn
  database_name                         = "platform"
  performance_insights_retention_period = 30
}

module "rds_monitoring_interval_2" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  monitoring_interval    = 2
}

module "rds_log_min_duration_below_off" {
  source                        = "../../../../modules/rds"
  name_prefix                   = "acme-dev"
  subnet_ids                    = local.subnets
  vpc_security_group_ids        = [local.security_group]
  kms_key_arn                   = local.kms_key_arn
  database_name                 = "platform"
  log_min_duration_statement_ms = -2
}

module "rds_log_statement_verbose" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  log_statement          = "verbose"
}

module "rds_cluster_parameter_apply_method" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  cluster_parameters     = [{ name = "work_mem", value = "65536", apply_method = "later" }]
}

module "rds_cluster_parameter_force_ssl" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  cluster_parameters     = [{ name = "rds.force_ssl", value = "0" }]
}

module "rds_cluster_parameters_twice" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  cluster_parameters     = [{ name = "work_mem", value = "65536" }, { name = "work_mem", value = "131072" }]
}

module "rds_log_retention_2_days" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  log_retention_in_days  = 2
}

module "rds_serverless_capacity_off_step" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  serverless_v2          = { min_capacity = 0.7, max_capacity = 8 }
}

module "rds_serverless_zero_without_auto_pause" {
  source                 = "../../../../modules/rds"
  name_prefix            = "acme-dev"
  subnet_ids             = local.subnets
  vpc_security_group_ids = [local.security_group]
  kms_key_arn            = local.kms_key_arn
  database_name          = "platform"
  serverless_v2          = { min_capacity = 0, max_capacity = 4 }
}

################################################################################
# batch_sfn
################################################################################

module "batch_name_prefix_too_long" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "a23456789012345678901234567890123"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_kms_key_alias" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_alias_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_subnet_ids_empty" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = []
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_security_groups_six" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [for index in range(6) : format("sg-0d00000000000000%d", index)]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_max_vcpus_fractional" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  max_vcpus           = 1.5
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_image_latest" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-batch:latest"
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_job_vcpu_3" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  job_vcpu            = 3
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_job_memory_off_step" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  job_memory          = 2000
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_job_command_empty_part" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  job_command         = ["python", ""]
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_job_environment_reserved_name" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  job_environment     = { INPUT_BUCKET = "elsewhere" }
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_job_environment_secret_name" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  job_environment     = { DB_PASSWORD = "hunter2" }
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_job_secrets_plain_value" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  job_secrets         = { DB_PASSWORD = "hunter2" }
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_uploads_arn_with_path" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = "arn:aws:s3:::acme-uploads/incoming"
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
}

module "batch_results_arn_is_a_name" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_name
  results_bucket_name = local.results_name
}

module "batch_results_name_is_a_url" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = "s3://acme-results"
}

module "batch_results_prefix_leading_slash" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
  results_prefix      = "/results/"
}

module "batch_job_attempts_11" {
  source              = "../../../../modules/batch_sfn"
  name_prefix         = "acme-dev"
  kms_key_arn         = local.kms_key_arn
  subnet_ids          = local.subnets
  security_group_ids  = [local.security_group]
  batch_job_image     = local.image
  uploads_bucket_arn  = local.uploads_arn
  results_bucket_arn  = local.results_arn
  results_bucket_name = local.results_name
  job_attempts        = 11
}

module "batch_attempt_timeout_30_seconds" {
  source                      = "../../../../modules/batch_sfn"
  name_prefix                 = "acme-dev"
  kms_key_arn                 = local.kms_key_arn
  subnet_ids                  = local.subnets
  security_group_ids          = [local.security_group]
  batch_job_image             = local.image
  uploads_bucket_arn          = local.uploads_arn
  results_bucket_arn          = local.results_arn
  results_bucket_name         = local.results_name
  job_attempt_timeout_seconds = 30
}

module "batch_pipeline_timeout_60_seconds" {
  source                        = "../../../../modules/batch_sfn"
  name_prefix                   = "acme-dev"
  kms_key_arn                   = local.kms_key_arn
  subnet_ids                    = local.subnets
  security_group_ids            = [local.security_group]
  batch_job_image               = local.image
  uploads_bucket_arn            = local.uploads_arn
  results_bucket_arn            = local.results_arn
  results_bucket_name           = local.results_name
  pipeline_task_timeout_seconds = 60
}

module "batch_log_retention_never_expires" {
  source                = "../../../../modules/batch_sfn"
  name_prefix           = "acme-dev"
  kms_key_arn           = local.kms_key_arn
  subnet_ids            = local.subnets
  security_group_ids    = [local.security_group]
  batch_job_image       = local.image
  uploads_bucket_arn    = local.uploads_arn
  results_bucket_arn    = local.results_arn
  results_bucket_name   = local.results_name
  log_retention_in_days = 0
}

################################################################################
# envs/hml and envs/prod variables
################################################################################

module "env_region_is_a_zone" {
  source                    = "./env_variables"
  region                    = "eu-west-1a"
  allowed_account_ids       = local.env.allowed_account_ids
  project                   = local.env.project
  environment               = local.env.environment
  owner                     = local.env.owner
  vpc_cidr                  = local.env.vpc_cidr
  nat_mode                  = local.env.nat_mode
  log_retention_days        = local.env.log_retention_days
  rds_instance_class        = local.env.rds_instance_class
  rds_backup_retention_days = local.env.rds_backup_retention_days
  batch_job_image           = local.env.batch_job_image
  eks_node_group            = local.env.eks_node_group
  eks_kubernetes_version    = local.env.eks_kubernetes_version
  eks_addon_versions        = local.env.eks_addon_versions
  eks_admin_role_arn        = local.env.eks_admin_role_arn
  domain_name               = local.env.domain_name
  route53_zone_id           = local.env.route53_zone_id
}

module "env_account_id_too_short" {
  source                    = "./env_variables"
  region                    = local.env.region
  allowed_account_ids       = ["1234"]
  project                   = local.env.project
  environment               = local.env.environment
  owner                     = local.env.owner
  vpc_cidr                  = local.env.vpc_cidr
  nat_mode                  = local.env.nat_mode
  log_retention_days        = local.env.log_retention_days
  rds_instance_class        = local.env.rds_instance_class
  rds_backup_retention_days = local.env.rds_backup_retention_days
  batch_job_image           = local.env.batch_job_image
  eks_node_group            = local.env.eks_node_group
  eks_kubernetes_version    = local.env.eks_kubernetes_version
  eks_addon_versions        = local.env.eks_addon_versions
  eks_admin_role_arn        = local.env.eks_admin_role_arn
  domain_name               = local.env.domain_name
  route53_zone_id           = local.env.route53_zone_id
}

module "env_project_uppercase" {
  source                    = "./env_variables"
  region                    = local.env.region
  allowed_account_ids       = local.env.allowed_account_ids
  project                   = "ACME"
  environment               = local.env.environment
  owner                     = local.env.owner
  vpc_cidr                  = local.env.vpc_cidr
  nat_mode                  = local.env.nat_mode
  log_retention_days        = local.env.log_retention_days
  rds_instance_class        = local.env.rds_instance_class
  rds_backup_retention_days = local.env.rds_backup_retention_days
  batch_job_image           = local.env.batch_job_image
  eks_node_group            = local.env.eks_node_group
  eks_kubernetes_version    = local.env.eks_kubernetes_version
  eks_addon_versions        = local.env.eks_addon_versions
  eks_admin_role_arn        = local.env.eks_admin_role_arn
  domain_name               = local.env.domain_name
  route53_zone_id           = local.env.route53_zone_id
}

module "env_environment_staging" {
  source                    = "./env_variables"
  region                    = local.env.region
  allowed_account_ids       = local.env.allowed_account_ids
  project                   = local.env.project
  environment               = "staging"
  owner                     = local.env.owner
  vpc_cidr                  = local.env.vpc_cidr
  nat_mode                  = local.env.nat_mode
  log_retention_days        = local.env.log_retention_days
  rds_instance_class        = local.env.rds_instance_class
  rds_backup_retention_days = local.env.rds_backup_retention_days
  batch_job_image           = local.env.batch_job_image
  eks_node_group            = local.env.eks_node_group
  eks_kubernetes_version    = local.env.eks_kubernetes_version
  eks_addon_versions        = local.env.eks_addon_versions
  eks_admin_role_arn        = local.env.eks_admin_role_arn
  domain_name               = local.env.domain_name
  route53_zone_id           = local.env.route53_zone_id
}

module "env_owner_blank" {
  source                    = "./env_variables"
  region                    = local.env.region
  allowed_account_ids       = local.env.allowed_account_ids
  project                   = local.env.project
  environment               = local.env.environment
  owner                     = "  "
  vpc_cidr                  = local.env.vpc_cidr
  nat_mode                  = local.env.nat_mode
  log_retention_days        = local.env.log_retention_days
  rds_instance_class        = local.env.rds_instance_class
  rds_backup_retention_days = local.env.rds_backup_retention_days
  batch_job_image           = local.env.batch_job_image
  eks_node_group            = local.env.eks_node_group
  eks_kubernetes_version    = local.env.eks_kubernetes_version
  eks_addon_versions        = local.env.eks_addon_versions
  eks_admin_role_arn        = local.env.eks_admin_role_arn
  domain_name               = local.env.domain_name
  route53_zone_id           = local.env.route53_zone_id
}

module "env_node_group_min_above_desired" {
  source                    = "./env_variables"
  region                    = local.env.region
  allowed_account_ids       = local.env.allowed_account_ids
  project                   = local.env.project
  environment               = local.env.environment
  owner                     = local.env.owner
  vpc_cidr                  = local.env.vpc_cidr
  nat_mode                  = local.env.nat_mode
  log_retention_days        = local.env.log_retention_days
  rds_instance_class        = local.env.rds_instance_class
  rds_backup_retention_days = local.env.rds_backup_retention_days
  batch_job_image           = local.env.batch_job_image
  eks_node_group            = { instance_types = ["t3.large"], min_size = 3, desired_size = 2, max_size = 4 }
  eks_kubernetes_version    = local.env.eks_kubernetes_version
  eks_addon_versions        = local.env.eks_addon_versions
  eks_admin_role_arn        = local.env.eks_admin_role_arn
  domain_name               = local.env.domain_name
  route53_zone_id           = local.env.route53_zone_id
}
