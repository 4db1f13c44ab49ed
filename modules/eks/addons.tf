locals {
  # DaemonSets the nodes need to turn Ready (pod network, service routing, pod identity): installed
  # before the node group. The others are Deployments that need nodes to schedule on.
  addons_before_nodes = ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"]
  addons_after_nodes  = ["coredns", "metrics-server", "amazon-cloudwatch-observability"]

  # The add-ons that call AWS APIs run under their own IRSA role, not the node role.
  addon_role_arns = {
    "vpc-cni"                         = aws_iam_role.irsa["vpc_cni"].arn
    "amazon-cloudwatch-observability" = aws_iam_role.irsa["cloudwatch_observability"].arn
  }
}

resource "aws_eks_addon" "before_nodes" {
  for_each = { for name in local.addons_before_nodes : name => var.addon_versions[name] }

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value
  service_account_role_arn    = lookup(local.addon_role_arns, each.key, null)
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = var.tags

  lifecycle {
    precondition {
      condition     = each.key != "kube-proxy" || startswith(each.value, "v${var.kubernetes_version}.")
      error_message = "addon_versions[\"kube-proxy\"] = \"${each.value}\" is not built for kubernetes_version ${var.kubernetes_version}: pass a v${var.kubernetes_version}.<patch>-eksbuild.<build> version (kube-proxy runs the cluster's minor version)."
    }
  }
}

resource "aws_eks_addon" "after_nodes" {
  for_each = { for name in local.addons_after_nodes : name => var.addon_versions[name] }

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value
  service_account_role_arn    = lookup(local.addon_role_arns, each.key, null)
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = var.tags

  depends_on = [aws_eks_node_group.this]
}
