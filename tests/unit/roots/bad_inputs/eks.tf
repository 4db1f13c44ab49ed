################################################################################
# eks: one module call per validation case of modules/eks (cases in inventory/bad_inputs_eks.yaml)
################################################################################

locals {
  eks_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  eks_subnets     = ["subnet-0a000000000000001", "subnet-0b000000000000002"]
  eks_addons = {
    "vpc-cni"                         = "v1.20.4-eksbuild.1"
    "kube-proxy"                      = "v1.34.1-eksbuild.2"
    "coredns"                         = "v1.12.1-eksbuild.2"
    "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
    "metrics-server"                  = "v0.8.0-eksbuild.1"
    "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
  }
}

module "eks_name_prefix_trailing_hyphen" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev-"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_kubernetes_version_1_30" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.30"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_vpc_id_name" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "acme-dev-vpc"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_subnet_ids_one" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = ["subnet-0a000000000000001"]
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_subnet_ids_not_ids" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = ["private-a", "private-b"]
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_node_security_groups_empty" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = []
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_public_cidr_host_bits" {
  source                       = "../../../../modules/eks"
  name_prefix                  = "acme-dev"
  kubernetes_version           = "1.34"
  vpc_id                       = "vpc-0a1b2c3d4e5f60001"
  subnet_ids                   = local.eks_subnets
  node_security_group_ids      = ["sg-0d000000000000001"]
  kms_key_arn                  = local.eks_kms_key_arn
  cluster_admin_role_arn       = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions               = local.eks_addons
  state_machine_arn            = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn           = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn           = "arn:aws:s3:::acme-dev-results"
  endpoint_public_access_cidrs = ["203.0.113.5/24"]
}

module "eks_public_cidr_everyone" {
  source                       = "../../../../modules/eks"
  name_prefix                  = "acme-dev"
  kubernetes_version           = "1.34"
  vpc_id                       = "vpc-0a1b2c3d4e5f60001"
  subnet_ids                   = local.eks_subnets
  node_security_group_ids      = ["sg-0d000000000000001"]
  kms_key_arn                  = local.eks_kms_key_arn
  cluster_admin_role_arn       = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions               = local.eks_addons
  state_machine_arn            = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn           = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn           = "arn:aws:s3:::acme-dev-results"
  endpoint_public_access_cidrs = ["203.0.113.0/24", "0.0.0.0/0"]
}

module "eks_kms_key_alias" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = "arn:aws:kms:eu-west-1:123456789012:alias/acme"
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_log_type_unknown" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  cluster_log_types       = ["api", "audit", "authenticator", "kubelet"]
}

module "eks_log_types_without_audit" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  cluster_log_types       = ["api", "authenticator", "scheduler"]
}

module "eks_log_types_twice" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  cluster_log_types       = ["api", "audit", "authenticator", "api"]
}

module "eks_log_retention_2_days" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  log_retention_in_days   = 2
}

module "eks_admin_user_arn" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:user/admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_node_architecture_arm" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  node_architecture       = "arm"
}

module "eks_node_group_desired_above_max" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  node_group              = { instance_types = ["t3.large"], min_size = 1, desired_size = 5, max_size = 3 }
}

module "eks_node_group_zero_min" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  node_group              = { instance_types = ["t3.large"], min_size = 0, desired_size = 1, max_size = 3 }
}

module "eks_node_group_instance_type_family" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  node_group              = { instance_types = ["t3"], min_size = 1, desired_size = 1, max_size = 3 }
}

module "eks_node_disk_10_gib" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  node_disk_size_gib      = 10
}

module "eks_node_hop_limit_3" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  node_metadata_hop_limit = 3
}

module "eks_oidc_thumbprint_uppercase" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  oidc_thumbprints        = ["9E99A48A9960B14926BB7F3B02E22DA2B0AB7280"]
}

module "eks_addons_without_metrics_server" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = { for name, version in local.eks_addons : name => version if name != "metrics-server" }
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_addons_extra_ebs_csi" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = merge(local.eks_addons, { "aws-ebs-csi-driver" = "v1.45.0-eksbuild.2" })
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_addon_version_latest" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = merge(local.eks_addons, { coredns = "latest" })
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_state_machine_execution_arn" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:execution:acme-dev-pipeline:run-1"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_uploads_bucket_object_path" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads/uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

module "eks_uploads_prefix_leading_slash" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  uploads_prefix          = "/uploads/"
}

module "eks_uploads_prefix_without_trailing_slash" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  uploads_prefix          = "uploads"
}

module "eks_results_bucket_name" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "acme-dev-results"
}

module "eks_api_service_account_wildcard" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.eks_subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.eks_kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
  api_service_account     = { namespace = "api", name = "*" }
}

module "eks_frontend_bucket_wildcard" {
  source                    = "../../../../modules/eks"
  name_prefix               = "acme-dev"
  kubernetes_version        = "1.34"
  vpc_id                    = "vpc-0a1b2c3d4e5f60001"
  subnet_ids                = local.eks_subnets
  node_security_group_ids   = ["sg-0d000000000000001"]
  kms_key_arn               = local.eks_kms_key_arn
  cluster_admin_role_arn    = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions            = local.eks_addons
  state_machine_arn         = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn        = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn        = "arn:aws:s3:::acme-dev-results"
  frontend_read_bucket_arns = ["arn:aws:s3:::*"]
}

module "eks_frontend_service_account_uppercase" {
  source                   = "../../../../modules/eks"
  name_prefix              = "acme-dev"
  kubernetes_version       = "1.34"
  vpc_id                   = "vpc-0a1b2c3d4e5f60001"
  subnet_ids               = local.eks_subnets
  node_security_group_ids  = ["sg-0d000000000000001"]
  kms_key_arn              = local.eks_kms_key_arn
  cluster_admin_role_arn   = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions           = local.eks_addons
  state_machine_arn        = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn       = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn       = "arn:aws:s3:::acme-dev-results"
  frontend_service_account = { namespace = "Frontend", name = "frontend" }
}
