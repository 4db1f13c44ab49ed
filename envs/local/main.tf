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
