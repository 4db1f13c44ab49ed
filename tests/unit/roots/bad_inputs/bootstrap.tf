################################################################################
# envs/bootstrap: one call of its variables per validation case (cases in inventory/bad_inputs_bootstrap.yaml).
# bootstrap_variables/variables.tf links to envs/bootstrap/variables.tf: the root has a provider, so
# only its variables are called as a module, like env_variables for envs/hml and envs/prod.
################################################################################

locals {
  bootstrap = {
    region              = "eu-west-1"
    allowed_account_ids = ["111122223333"]
    project             = "acme"
    owner               = "platform-team"
  }
}

module "bootstrap_region_is_a_zone" {
  source              = "./bootstrap_variables"
  region              = "eu-west-1a"
  allowed_account_ids = local.bootstrap.allowed_account_ids
  project             = local.bootstrap.project
  owner               = local.bootstrap.owner
}

module "bootstrap_two_accounts" {
  source              = "./bootstrap_variables"
  region              = local.bootstrap.region
  allowed_account_ids = ["111122223333", "444455556666"]
  project             = local.bootstrap.project
  owner               = local.bootstrap.owner
}

module "bootstrap_project_uppercase" {
  source              = "./bootstrap_variables"
  region              = local.bootstrap.region
  allowed_account_ids = local.bootstrap.allowed_account_ids
  project             = "Acme"
  owner               = local.bootstrap.owner
}

module "bootstrap_owner_blank" {
  source              = "./bootstrap_variables"
  region              = local.bootstrap.region
  allowed_account_ids = local.bootstrap.allowed_account_ids
  project             = local.bootstrap.project
  owner               = "  "
}

module "bootstrap_bucket_name_with_dots" {
  source              = "./bootstrap_variables"
  region              = local.bootstrap.region
  allowed_account_ids = local.bootstrap.allowed_account_ids
  project             = local.bootstrap.project
  owner               = local.bootstrap.owner
  state_bucket_name   = "acme.tfstate"
}

module "bootstrap_state_key_prefix_leading_slash" {
  source              = "./bootstrap_variables"
  region              = local.bootstrap.region
  allowed_account_ids = local.bootstrap.allowed_account_ids
  project             = local.bootstrap.project
  owner               = local.bootstrap.owner
  state_key_prefix    = "/platform"
}

module "bootstrap_environments_dev" {
  source              = "./bootstrap_variables"
  region              = local.bootstrap.region
  allowed_account_ids = local.bootstrap.allowed_account_ids
  project             = local.bootstrap.project
  owner               = local.bootstrap.owner
  environments        = ["dev"]
}

module "bootstrap_noncurrent_retention_7_days" {
  source                            = "./bootstrap_variables"
  region                            = local.bootstrap.region
  allowed_account_ids               = local.bootstrap.allowed_account_ids
  project                           = local.bootstrap.project
  owner                             = local.bootstrap.owner
  noncurrent_version_retention_days = 7
}

module "bootstrap_ecr_repository_url" {
  source               = "./bootstrap_variables"
  region               = local.bootstrap.region
  allowed_account_ids  = local.bootstrap.allowed_account_ids
  project              = local.bootstrap.project
  owner                = local.bootstrap.owner
  ecr_repository_names = ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-hml-api"]
}
