# The same composition as envs/hml and envs/prod, sized for the embedded AWS. The only relaxations are
# the ones an ephemeral environment needs to be destroyed: buckets and repositories are emptied on
# destroy, the database has no deletion protection and no final snapshot.
data "aws_caller_identity" "current" {}

module "kms" {
  source = "../../modules/kms"

  name_prefix = var.name_prefix
}

module "network" {
  source = "../../modules/network"

  name_prefix = var.name_prefix
  cidr_block  = "10.10.0.0/16"
  az_count    = 2
  nat_mode    = "single"
  kms_key_arn = module.kms.key_arn
}

module "s3" {
  source = "../../modules/s3"

  name_prefix          = var.name_prefix
  bucket_name_suffix   = data.aws_caller_identity.current.account_id
  kms_key_arn          = module.kms.key_arn
  cors_allowed_origins = ["https://localhost:3000"]
  force_destroy        = true
}

module "ecr" {
  source = "../../modules/ecr"

  name_prefix  = var.name_prefix
  kms_key_arn  = module.kms.key_arn
  force_delete = true
}

module "rds" {
  #checkov:skip=CKV_AWS_139:Ephemeral environment on the emulator: destroyed at the end of every run.
  #checkov:skip=CKV_C04_021:Ephemeral environment on the emulator: destroyed at the end of every run.
  source = "../../modules/rds"

  name_prefix             = var.name_prefix
  subnet_ids              = module.network.database_subnet_ids
  availability_zones      = module.network.azs
  vpc_security_group_ids  = [module.network.rds_security_group_id]
  kms_key_arn             = module.kms.key_arn
  database_name           = "platform"
  instance_class          = "db.r6g.large"
  instance_count          = 2
  backup_retention_period = 7
  deletion_protection     = false
  skip_final_snapshot     = true
}

module "batch_sfn" {
  source = "../../modules/batch_sfn"

  name_prefix                 = var.name_prefix
  subnet_ids                  = module.network.private_subnet_ids
  security_group_ids          = [module.network.batch_security_group_id]
  kms_key_arn                 = module.kms.key_arn
  batch_job_image             = "${module.ecr.repository_urls["batch"]}:local"
  job_command                 = var.batch_job_command
  job_vcpu                    = 1
  job_memory                  = 2048
  job_attempt_timeout_seconds = 300
  uploads_bucket_arn          = module.s3.uploads_bucket_arn
  results_bucket_arn          = module.s3.results_bucket_arn
  results_bucket_name         = module.s3.results_bucket_name
}

# The cluster administrator of the emulated account (a real environment passes its SSO role instead).
data "aws_iam_policy_document" "eks_admin_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "eks_admin" {
  name               = "${var.name_prefix}-eks-admin"
  assume_role_policy = data.aws_iam_policy_document.eks_admin_trust.json
}

module "eks" {
  source = "../../modules/eks"

  name_prefix             = var.name_prefix
  kubernetes_version      = "1.35"
  vpc_id                  = module.network.vpc_id
  subnet_ids              = module.network.private_subnet_ids
  node_security_group_ids = [module.network.eks_nodes_security_group_id]
  kms_key_arn             = module.kms.key_arn
  cluster_admin_role_arn  = aws_iam_role.eks_admin.arn
  node_group = {
    instance_types = ["t3.large"]
    min_size       = 1
    desired_size   = 1
    max_size       = 2
  }
  addon_versions = {
    "vpc-cni"                         = "v1.20.4-eksbuild.1"
    "kube-proxy"                      = "v1.35.0-eksbuild.3"
    "coredns"                         = "v1.12.1-eksbuild.2"
    "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
    "metrics-server"                  = "v0.8.0-eksbuild.1"
    "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
  }
  state_machine_arn  = module.batch_sfn.state_machine_arn
  uploads_bucket_arn = module.s3.uploads_bucket_arn
  results_bucket_arn = module.s3.results_bucket_arn
}

# A real environment receives its hosted zone (delegated from the parent domain); the emulated account
# creates one of its own, removed with the environment.
resource "aws_route53_zone" "this" {
  #checkov:skip=CKV2_AWS_38:Zone of an ephemeral environment on the emulator (a .test domain nobody resolves); real environments receive their zone, managed with DNSSEC outside this root.
  #checkov:skip=CKV2_AWS_39:Zone of an ephemeral environment on the emulator (a .test domain nobody resolves); query logging belongs to the real zones.
  name          = "${var.name_prefix}.platform.test"
  comment       = "Zone of the ephemeral environment ${var.name_prefix}"
  force_destroy = true
}

module "edge" {
  source = "../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  #checkov:skip=CKV_C04_073:Ephemeral environment on the emulator: destroyed at the end of every run.
  #checkov:skip=CKV_AWS_150:Ephemeral environment on the emulator: destroyed at the end of every run.
  name_prefix             = var.name_prefix
  zone_id                 = aws_route53_zone.this.zone_id
  domain_name             = aws_route53_zone.this.name
  vpc_id                  = module.network.vpc_id
  public_subnet_ids       = module.network.public_subnet_ids
  alb_security_group_id   = module.network.alb_security_group_id
  alb_deletion_protection = false
  bucket_name_suffix      = data.aws_caller_identity.current.account_id
  force_destroy           = true
  kms_key_arn             = module.kms.key_arn
}

module "observability" {
  source = "../../modules/observability"

  name_prefix = var.name_prefix
  kms_key_arn = module.kms.key_arn

  alb = {
    arn_suffix              = regex("loadbalancer/(.+)$", module.edge.alb_arn)[0]
    target_group_arn_suffix = regex(":(targetgroup/.+)$", module.edge.api_target_group_arn)[0]
  }
  eks            = { cluster_name = module.eks.cluster_name }
  rds            = { cluster_identifier = module.rds.cluster_id }
  batch          = { job_queue_arn = module.batch_sfn.job_queue_arn }
  step_functions = { state_machine_arn = module.batch_sfn.state_machine_arn }
}
