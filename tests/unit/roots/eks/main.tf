# Unit-test root of modules/eks: one module instance per scenario, planned once against the emulator.
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

  addons_1_34 = {
    "vpc-cni"                         = "v1.20.4-eksbuild.1"
    "kube-proxy"                      = "v1.34.1-eksbuild.2"
    "coredns"                         = "v1.12.1-eksbuild.2"
    "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
    "metrics-server"                  = "v0.8.0-eksbuild.1"
    "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
  }
}

# Required inputs only.
module "defaults" {
  source = "../../../../modules/eks"

  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = ["subnet-0a000000000000001", "subnet-0b000000000000002"]
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.addons_1_34
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

# Production-like: public endpoint for two office CIDRs, three AZs, bigger group, IMDS reachable from
# pods, a frontend that reads the results bucket.
module "prod_like" {
  source = "../../../../modules/eks"

  name_prefix                  = "acme-prod"
  kubernetes_version           = "1.35"
  vpc_id                       = "vpc-0a1b2c3d4e5f60002"
  subnet_ids                   = ["subnet-0a000000000000011", "subnet-0b000000000000012", "subnet-0c000000000000013"]
  node_security_group_ids      = ["sg-0d000000000000011", "sg-0d000000000000012"]
  endpoint_public_access_cidrs = ["203.0.113.0/24", "198.51.100.7/32"]
  kms_key_arn                  = local.kms_key_arn
  cluster_log_types            = ["api", "audit", "authenticator"]
  log_retention_in_days        = 731
  cluster_admin_role_arn       = "arn:aws:iam::123456789012:role/ops/eks-admin"
  node_group                   = { instance_types = ["m6i.xlarge", "m5.xlarge"], min_size = 3, desired_size = 3, max_size = 9 }
  node_disk_size_gib           = 100
  node_metadata_hop_limit      = 2
  oidc_thumbprints             = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280", "06b25927c42a721631c1efd9431e648fa62e1e39"]
  addon_versions               = merge(local.addons_1_34, { "kube-proxy" = "v1.35.0-eksbuild.3" })
  state_machine_arn            = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-prod-pipeline"
  uploads_bucket_arn           = "arn:aws:s3:::acme-prod-uploads"
  uploads_prefix               = "incoming/api/"
  results_bucket_arn           = "arn:aws:s3:::acme-prod-results"
  api_service_account          = { namespace = "backend", name = "api-server" }
  frontend_read_bucket_arns    = ["arn:aws:s3:::acme-prod-results"]
  tags                         = { CostCenter = "cc-1234" }
}

# Graviton nodes on the oldest accepted version (a cluster waiting for its upgrade).
module "arm_nodes" {
  source = "../../../../modules/eks"

  name_prefix             = "acme-arm"
  kubernetes_version      = "1.33"
  vpc_id                  = "vpc-0a1b2c3d4e5f60003"
  subnet_ids              = ["subnet-0a000000000000021", "subnet-0b000000000000022"]
  node_security_group_ids = ["sg-0d000000000000021"]
  kms_key_arn             = local.kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  node_architecture       = "arm64"
  node_group              = { instance_types = ["m7g.large", "c6gn.large", "t4g.large"], min_size = 1, desired_size = 1, max_size = 3 }
  addon_versions = merge(local.addons_1_34, {
    "kube-proxy" = "v1.33.3-eksbuild.6"
  })
  state_machine_arn  = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-arm-pipeline"
  uploads_bucket_arn = "arn:aws:s3:::acme-arm-uploads"
  results_bucket_arn = "arn:aws:s3:::acme-arm-results"
}

# Longest name_prefix (every IAM role name stays within 64 characters), five node security groups, the
# largest root volume and node group.
module "edge" {
  source = "../../../../modules/eks"

  name_prefix        = "e2345678901234567890123456789012"
  kubernetes_version = "1.34"
  vpc_id             = "vpc-0a1b2c3d4e5f60004"
  subnet_ids         = ["subnet-0a000000000000031", "subnet-0b000000000000032"]
  node_security_group_ids = [
    "sg-0d000000000000031", "sg-0d000000000000032", "sg-0d000000000000033", "sg-0d000000000000034", "sg-0d000000000000035",
  ]
  kms_key_arn            = local.kms_key_arn
  cluster_admin_role_arn = "arn:aws:iam::123456789012:role/platform-admin"
  node_group             = { instance_types = ["c7i.48xlarge"], min_size = 100, desired_size = 100, max_size = 100 }
  node_disk_size_gib     = 1000
  log_retention_in_days  = 3653
  addon_versions         = local.addons_1_34
  state_machine_arn      = "arn:aws:states:eu-west-1:123456789012:stateMachine:e2345678901234567890123456789012-pipeline"
  uploads_bucket_arn     = "arn:aws:s3:::e2345678901234567890123456789012-uploads"
  results_bucket_arn     = "arn:aws:s3:::e2345678901234567890123456789012-results"
}

output "defaults" {
  description = "Every output of the defaults instance."
  value       = module.defaults
}

output "prod_like" {
  description = "Every output of the prod_like instance."
  value       = module.prod_like
}

output "arm_nodes" {
  description = "Every output of the arm_nodes instance."
  value       = module.arm_nodes
}

output "edge" {
  description = "Every output of the edge instance."
  value       = module.edge
}
