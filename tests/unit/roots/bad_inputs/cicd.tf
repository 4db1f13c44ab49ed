################################################################################
# cicd: one module call per validation case of modules/cicd (cases in inventory/bad_inputs_cicd.yaml)
################################################################################

locals {
  cicd_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

module "cicd_name_prefix_too_long" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci-0123456789012345678901234"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
}

module "cicd_github_org_url" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "https://github.com/acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
}

module "cicd_github_repo_with_org" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "acme-corp/platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
}

module "cicd_environments_staging" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
  environments      = ["staging"]
}

module "cicd_environments_twice" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
  environments      = ["hml", "hml"]
}

module "cicd_branch_wildcard" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
  branch            = "release/*"
}

module "cicd_state_bucket_name_only" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
}

module "cicd_state_key_prefix_trailing_slash" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
  state_key_prefix  = "platform/"
}

module "cicd_state_kms_key_id_only" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = "1234abcd-12ab-34cd-56ef-1234567890ab"
}

module "cicd_ecr_repository_wildcard" {
  source              = "../../../../modules/cicd"
  name_prefix         = "acme-ci"
  github_org          = "acme-corp"
  github_repo         = "platform"
  state_bucket_arn    = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn   = local.cicd_kms_key_arn
  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:123456789012:repository/*"]
}

module "cicd_oidc_thumbprint_uppercase" {
  source            = "../../../../modules/cicd"
  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.cicd_kms_key_arn
  oidc_thumbprints  = ["6938FD4D98BAB03FAADB97B34396831E3780AEA1"]
}

module "cicd_existing_provider_other_url" {
  source                     = "../../../../modules/cicd"
  name_prefix                = "acme-ci"
  github_org                 = "acme-corp"
  github_repo                = "platform"
  state_bucket_arn           = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn          = local.cicd_kms_key_arn
  existing_oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/gitlab.com"
}

module "cicd_apply_policies_empty" {
  source                 = "../../../../modules/cicd"
  name_prefix            = "acme-ci"
  github_org             = "acme-corp"
  github_repo            = "platform"
  state_bucket_arn       = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn      = local.cicd_kms_key_arn
  apply_role_policy_arns = []
}

module "cicd_boundary_role_arn" {
  source                              = "../../../../modules/cicd"
  name_prefix                         = "acme-ci"
  github_org                          = "acme-corp"
  github_repo                         = "platform"
  state_bucket_arn                    = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn                   = local.cicd_kms_key_arn
  apply_role_permissions_boundary_arn = "arn:aws:iam::123456789012:role/ci-boundary"
}

module "cicd_session_15_minutes" {
  source                       = "../../../../modules/cicd"
  name_prefix                  = "acme-ci"
  github_org                   = "acme-corp"
  github_repo                  = "platform"
  state_bucket_arn             = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn            = local.cicd_kms_key_arn
  max_session_duration_seconds = 900
}
