data "aws_caller_identity" "current" {}

locals {
  name_prefix = coalesce(var.name_prefix, "${var.project}-${var.environment}")

  default_tags = merge(var.tags, {
    Project     = var.project
    Environment = var.environment
    Owner       = var.owner
    ManagedBy   = "terraform"
  })
}

module "kms" {
  source = "../../modules/kms"

  name_prefix = local.name_prefix
}

module "network" {
  source = "../../modules/network"

  name_prefix             = local.name_prefix
  cidr_block              = var.vpc_cidr
  az_count                = var.az_count
  nat_mode                = var.nat_mode
  kms_key_arn             = module.kms.key_arn
  flow_log_retention_days = var.log_retention_days
  interface_endpoints     = var.interface_endpoints
}

module "s3" {
  source = "../../modules/s3"

  name_prefix          = local.name_prefix
  bucket_name_suffix   = data.aws_caller_identity.current.account_id
  kms_key_arn          = module.kms.key_arn
  cors_allowed_origins = var.cors_allowed_origins
}

module "ecr" {
  source = "../../modules/ecr"

  name_prefix         = local.name_prefix
  kms_key_arn         = module.kms.key_arn
  push_principal_arns = var.ecr_push_principal_arns
}

module "rds" {
  source = "../../modules/rds"

  name_prefix             = local.name_prefix
  subnet_ids              = module.network.database_subnet_ids
  availability_zones      = module.network.azs
  vpc_security_group_ids  = [module.network.rds_security_group_id]
  kms_key_arn             = module.kms.key_arn
  engine_version          = var.rds_engine_version
  database_name           = var.rds_database_name
  instance_class          = var.rds_instance_class
  instance_count          = var.rds_instance_count
  serverless_v2           = var.rds_serverless_v2
  backup_retention_period = var.rds_backup_retention_days
  deletion_protection     = var.rds_deletion_protection
  log_retention_in_days   = var.log_retention_days
}

module "batch_sfn" {
  source = "../../modules/batch_sfn"

  name_prefix           = local.name_prefix
  subnet_ids            = module.network.private_subnet_ids
  security_group_ids    = [module.network.batch_security_group_id]
  kms_key_arn           = module.kms.key_arn
  batch_job_image       = var.batch_job_image
  job_vcpu              = var.batch_job_vcpu
  job_memory            = var.batch_job_memory
  max_vcpus             = var.batch_max_vcpus
  enable_fargate_spot   = var.batch_enable_fargate_spot
  uploads_bucket_arn    = module.s3.uploads_bucket_arn
  results_bucket_arn    = module.s3.results_bucket_arn
  results_bucket_name   = module.s3.results_bucket_name
  log_retention_in_days = var.log_retention_days
}

module "eks" {
  source = "../../modules/eks"

  name_prefix                  = local.name_prefix
  kubernetes_version           = var.eks_kubernetes_version
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  node_security_group_ids      = [module.network.eks_nodes_security_group_id]
  endpoint_public_access_cidrs = var.eks_endpoint_public_access_cidrs
  kms_key_arn                  = module.kms.key_arn
  log_retention_in_days        = var.log_retention_days
  cluster_admin_role_arn       = var.eks_admin_role_arn
  node_group                   = var.eks_node_group
  addon_versions               = var.eks_addon_versions
  state_machine_arn            = module.batch_sfn.state_machine_arn
  uploads_bucket_arn           = module.s3.uploads_bucket_arn
  results_bucket_arn           = module.s3.results_bucket_arn
}

module "edge" {
  source = "../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix             = local.name_prefix
  zone_id                 = var.route53_zone_id
  domain_name             = var.domain_name
  vpc_id                  = module.network.vpc_id
  public_subnet_ids       = module.network.public_subnet_ids
  alb_security_group_id   = module.network.alb_security_group_id
  alb_deletion_protection = var.alb_deletion_protection
  bucket_name_suffix      = data.aws_caller_identity.current.account_id
  force_destroy           = var.edge_force_destroy
  kms_key_arn             = module.kms.key_arn
  frontend_origin         = var.frontend_origin
  waf_rate_limit          = var.waf_rate_limit
  waf_log_retention_days  = var.log_retention_days
}

module "observability" {
  source = "../../modules/observability"

  name_prefix           = local.name_prefix
  kms_key_arn           = module.kms.key_arn
  log_retention_days    = var.log_retention_days
  alarm_email_addresses = var.alarm_email_addresses
  thresholds            = var.alarm_thresholds

  alb = {
    arn_suffix              = regex("loadbalancer/(.+)$", module.edge.alb_arn)[0]
    target_group_arn_suffix = regex(":(targetgroup/.+)$", module.edge.api_target_group_arn)[0]
  }
  eks            = { cluster_name = module.eks.cluster_name }
  rds            = { cluster_identifier = module.rds.cluster_id }
  batch          = { job_queue_arn = module.batch_sfn.job_queue_arn }
  step_functions = { state_machine_arn = module.batch_sfn.state_machine_arn }
}
