# Unit-test root of modules/cicd: one module instance per scenario, planned once against the emulator.
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
  state_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Only the required inputs: a new OIDC provider, plan and apply roles for hml and prod, the module's
# boundary, no ECR push role.
module "defaults" {
  source = "../../../../modules/cicd"

  name_prefix       = "acme-ci"
  github_org        = "acme-corp"
  github_repo       = "platform"
  state_bucket_arn  = "arn:aws:s3:::acme-tfstate-123456789012"
  state_kms_key_arn = local.state_kms_key_arn
}

# A production-only account that already has the provider: its own boundary and policies, image pushes
# from a release branch to two repositories.
module "prod_only" {
  source = "../../../../modules/cicd"

  name_prefix                         = "acme-cd"
  github_org                          = "Acme-Corp"
  github_repo                         = "platform.infra"
  environments                        = ["prod"]
  branch                              = "release/1.x"
  existing_oidc_provider_arn          = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  state_bucket_arn                    = "arn:aws:s3:::acme-state"
  state_key_prefix                    = "teams/platform"
  state_kms_key_arn                   = local.state_kms_key_arn
  ecr_repository_arns                 = ["arn:aws:ecr:eu-west-1:123456789012:repository/acme-prod-api", "arn:aws:ecr:eu-west-1:123456789012:repository/acme-prod-batch"]
  apply_role_policy_arns              = ["arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::123456789012:policy/acme-iam-for-terraform"]
  apply_role_permissions_boundary_arn = "arn:aws:iam::123456789012:policy/acme-ci-boundary"
  max_session_duration_seconds        = 7200
  tags                                = { CostCenter = "cc-1234" }
}

output "defaults" {
  description = "Every output of the defaults instance."
  value       = module.defaults
}

output "prod_only" {
  description = "Every output of the prod_only instance."
  value       = module.prod_only
}
