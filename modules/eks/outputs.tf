output "cluster_name" {
  description = "Name of the EKS cluster, `<name_prefix>-eks` (the load balancer controller's `--cluster-name`)."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = aws_eks_cluster.this.arn
}

output "cluster_endpoint" {
  description = "HTTPS endpoint of the Kubernetes API (resolves to the private endpoint inside the VPC)."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64-encoded certificate of the cluster's CA, for kubeconfig (public, not a secret)."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "cluster_version" {
  description = "Kubernetes minor version of the control plane."
  value       = aws_eks_cluster.this.version
}

output "cluster_security_group_id" {
  description = "ID of the security group EKS created for the control plane (HTTPS from `node_security_group_ids` is allowed in)."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "oidc_provider_arn" {
  description = "ARN of the IAM OIDC provider of the cluster, the principal of every IRSA trust policy."
  value       = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer_url" {
  description = "OIDC issuer URL of the cluster (https://oidc.eks.<region>.amazonaws.com/id/<id>)."
  value       = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

output "node_group_name" {
  description = "Name of the managed node group, `<cluster_name>-nodes`."
  value       = aws_eks_node_group.this.node_group_name
}

output "node_role_arn" {
  description = "ARN of the instance role of the nodes."
  value       = aws_iam_role.node.arn
}

output "lb_controller_role_arn" {
  description = "IRSA role of kube-system/aws-load-balancer-controller (annotate its service account with `eks.amazonaws.com/role-arn`)."
  value       = aws_iam_role.irsa["lb_controller"].arn
}

output "cluster_autoscaler_role_arn" {
  description = "IRSA role of kube-system/cluster-autoscaler."
  value       = aws_iam_role.irsa["cluster_autoscaler"].arn
}

output "api_role_arn" {
  description = "IRSA role of the API service account (`api_service_account`)."
  value       = aws_iam_role.irsa["api"].arn
}

output "frontend_role_arn" {
  description = "IRSA role of the frontend service account, or null when `frontend_read_bucket_arns` is empty (the frontend needs no AWS access)."
  value       = try(aws_iam_role.irsa["frontend"].arn, null)
}

output "log_group_name" {
  description = "CloudWatch log group of the control-plane logs, `/aws/eks/<cluster_name>/cluster`."
  value       = aws_cloudwatch_log_group.cluster.name
}
