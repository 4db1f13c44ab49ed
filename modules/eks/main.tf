data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id

  cluster_name = "${var.name_prefix}-eks"
  # EKS writes the control-plane logs to this exact name; creating it first gives it retention and the CMK.
  log_group_name = "/aws/eks/${local.cluster_name}/cluster"

  public_endpoint = length(var.endpoint_public_access_cidrs) > 0
}

resource "aws_cloudwatch_log_group" "cluster" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

################################################################################
# Cluster role
################################################################################

data "aws_iam_policy_document" "cluster_assume_role" {
  statement {
    sid     = "EksControlPlane"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cluster" {
  name               = "${local.cluster_name}-cluster"
  description        = "Lets the EKS control plane of ${local.cluster_name} manage its network interfaces and load balancers"
  assume_role_policy = data.aws_iam_policy_document.cluster_assume_role.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

data "aws_iam_policy_document" "cluster_encryption" {
  statement {
    sid       = "EncryptKubernetesSecrets"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
  }

  statement {
    sid       = "GrantKeyToEks"
    actions   = ["kms:CreateGrant"]
    resources = [var.kms_key_arn]

    condition {
      test     = "Bool"
      variable = "kms:GrantIsForAWSResource"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role_policy" "cluster_encryption" {
  name   = "${local.cluster_name}-secrets-encryption"
  role   = aws_iam_role.cluster.id
  policy = data.aws_iam_policy_document.cluster_encryption.json
}

################################################################################
# Cluster
################################################################################

resource "aws_eks_cluster" "this" {
  name     = local.cluster_name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  enabled_cluster_log_types = var.cluster_log_types

  # The managed add-ons below replace the unmanaged vpc-cni, kube-proxy and coredns EKS would install.
  bootstrap_self_managed_addons = false

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = local.public_endpoint
    public_access_cidrs     = local.public_endpoint ? var.endpoint_public_access_cidrs : null
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = var.kms_key_arn
    }
  }

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  tags = var.tags

  # The role must hold its policies before EKS uses it (and lose them only after the cluster is gone), and
  # the log group must exist before EKS creates one without retention or KMS.
  depends_on = [
    aws_cloudwatch_log_group.cluster,
    aws_iam_role_policy_attachment.cluster,
    aws_iam_role_policy.cluster_encryption,
  ]
}

resource "aws_eks_access_entry" "admin" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = var.cluster_admin_role_arn
  type          = "STANDARD"

  tags = var.tags
}

resource "aws_eks_access_policy_association" "admin" {
  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.admin.principal_arn
  policy_arn    = "arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }
}

################################################################################
# Control plane <-> nodes
################################################################################

# The launch template gives the nodes only node_security_group_ids (EKS then does not add the cluster
# security group to them), so the control plane and the nodes are opened to each other explicitly.
resource "aws_vpc_security_group_ingress_rule" "cluster_from_nodes" {
  count = length(var.node_security_group_ids)

  security_group_id            = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
  description                  = "Kubernetes API from the nodes and pods"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = var.node_security_group_ids[count.index]

  tags = merge(var.tags, { Name = "${local.cluster_name}-api-from-nodes-${count.index}" })
}

resource "aws_vpc_security_group_ingress_rule" "nodes_https_from_cluster" {
  count = length(var.node_security_group_ids)

  security_group_id            = var.node_security_group_ids[count.index]
  description                  = "Control plane to extension API servers and webhooks on 443"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id

  tags = merge(var.tags, { Name = "${local.cluster_name}-nodes-https-from-cluster-${count.index}" })
}

resource "aws_vpc_security_group_ingress_rule" "nodes_from_cluster" {
  #checkov:skip=CKV_AWS_25:False positive: the only peer is the EKS cluster security group (referenced_security_group_id), which checkov does not read, not 0.0.0.0/0.
  count = length(var.node_security_group_ids)

  security_group_id            = var.node_security_group_ids[count.index]
  description                  = "Control plane to kubelet (10250) and pod webhooks/metrics (1025-65535)"
  ip_protocol                  = "tcp"
  from_port                    = 1025
  to_port                      = 65535
  referenced_security_group_id = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id

  tags = merge(var.tags, { Name = "${local.cluster_name}-nodes-from-cluster-${count.index}" })
}
