################################################################################
# eks: valid variables, combinations modules/eks refuses (cases in inventory/bad_preconditions_eks.yaml)
################################################################################

locals {
  eks_addons = {
    "vpc-cni"                         = "v1.20.4-eksbuild.1"
    "kube-proxy"                      = "v1.34.1-eksbuild.2"
    "coredns"                         = "v1.12.1-eksbuild.2"
    "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
    "metrics-server"                  = "v0.8.0-eksbuild.1"
    "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
  }
}

# Graviton AMI, one x86 type among Graviton ones.
module "eks_arm_nodes_with_x86_type" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-armx"
  kubernetes_version      = "1.34"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  node_architecture       = "arm64"
  node_group              = { instance_types = ["m7g.large", "m6i.large"], min_size = 1, desired_size = 1, max_size = 2 }
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-armx-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-armx-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-armx-results"
}

# The cluster upgraded to 1.35, kube-proxy left on its 1.34 build.
module "eks_kube_proxy_behind_cluster" {
  source                  = "../../../../modules/eks"
  name_prefix             = "acme-kp"
  kubernetes_version      = "1.35"
  vpc_id                  = "vpc-0a1b2c3d4e5f60001"
  subnet_ids              = local.subnets
  node_security_group_ids = ["sg-0d000000000000001"]
  kms_key_arn             = local.kms_key_arn
  cluster_admin_role_arn  = "arn:aws:iam::123456789012:role/platform-admin"
  addon_versions          = local.eks_addons
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-kp-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-kp-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-kp-results"
}
