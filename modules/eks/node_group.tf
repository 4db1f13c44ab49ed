locals {
  node_group_name = "${local.cluster_name}-nodes"
  node_ami_type   = var.node_architecture == "arm64" ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD"

  # Graviton types carry a "g" right after the generation digit (t4g, m7gd, c6gn, im4gn, x2gd), except a1.
  arm_instance_types = [for type in var.node_group.instance_types : type if can(regex("^([a-z]+[0-9]+g[a-z]*|a1)\\.", type))]
  mismatched_instance_types = (
    var.node_architecture == "arm64"
    ? setsubtract(var.node_group.instance_types, local.arm_instance_types)
    : toset(local.arm_instance_types)
  )

  node_role_policies = {
    worker = "AmazonEKSWorkerNodePolicy"
    cni    = "AmazonEKS_CNI_Policy"
    ecr    = "AmazonEC2ContainerRegistryReadOnly"
  }

  # EKS puts the same two tags on the node group's Auto Scaling group; the autoscaler policy requires them.
  autoscaler_tags = {
    "k8s.io/cluster-autoscaler/enabled"               = "true"
    "k8s.io/cluster-autoscaler/${local.cluster_name}" = "owned"
  }
}

data "aws_iam_policy_document" "node_assume_role" {
  statement {
    sid     = "Ec2Instances"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name               = "${local.cluster_name}-node"
  description        = "Instance role of the ${local.cluster_name} managed nodes: join the cluster, pull images"
  assume_role_policy = data.aws_iam_policy_document.node_assume_role.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = local.node_role_policies

  role       = aws_iam_role.node.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value}"
}

resource "aws_launch_template" "node" {
  name                   = local.node_group_name
  description            = "Nodes of ${local.cluster_name}: IMDSv2 only, encrypted root volume"
  update_default_version = true
  vpc_security_group_ids = var.node_security_group_ids

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = var.node_metadata_hop_limit
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = var.node_disk_size_gib
      volume_type           = "gp3"
      encrypted             = true
      kms_key_id            = var.kms_key_arn
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  dynamic "tag_specifications" {
    for_each = ["instance", "volume", "network-interface"]

    content {
      resource_type = tag_specifications.value
      tags          = merge(var.tags, { Name = local.node_group_name })
    }
  }

  tags = merge(var.tags, { Name = local.node_group_name })
}

resource "aws_eks_node_group" "this" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = local.node_group_name
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  version         = var.kubernetes_version
  ami_type        = local.node_ami_type
  capacity_type   = "ON_DEMAND"
  instance_types  = var.node_group.instance_types

  scaling_config {
    min_size     = var.node_group.min_size
    desired_size = var.node_group.desired_size
    max_size     = var.node_group.max_size
  }

  update_config {
    max_unavailable = 1
  }

  launch_template {
    id      = aws_launch_template.node.id
    version = aws_launch_template.node.latest_version
  }

  tags = merge(var.tags, local.autoscaler_tags)

  # The node role needs its policies to join, and the pod network and kube-proxy must be there before
  # nodes can turn Ready.
  depends_on = [
    aws_iam_role_policy_attachment.node,
    aws_eks_addon.before_nodes,
  ]

  lifecycle {
    # The cluster autoscaler owns the desired size once the group exists.
    ignore_changes = [scaling_config[0].desired_size]

    precondition {
      condition     = length(local.mismatched_instance_types) == 0
      error_message = "node_group.instance_types ${join(", ", sort(local.mismatched_instance_types))} do not run on node_architecture = \"${var.node_architecture}\": Graviton types (t4g, m7g, c7gn, ...) need \"arm64\", the others \"x86_64\"."
    }
  }
}
