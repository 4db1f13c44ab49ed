output "name_prefix" {
  description = "Prefix of every resource name in this environment."
  value       = local.name_prefix
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.network.vpc_id
}

output "public_subnet_ids" {
  description = "Public subnets (ALB), one per AZ."
  value       = module.network.public_subnet_ids
}

output "private_subnet_ids" {
  description = "Private subnets (apps, EKS, Batch), one per AZ."
  value       = module.network.private_subnet_ids
}

output "database_subnet_ids" {
  description = "Isolated database subnets, one per AZ."
  value       = module.network.database_subnet_ids
}

output "uploads_bucket_name" {
  description = "Bucket receiving user uploads (objects expire after 365 days)."
  value       = module.s3.uploads_bucket_name
}

output "results_bucket_name" {
  description = "Bucket holding pipeline results (kept 5 years)."
  value       = module.s3.results_bucket_name
}

output "kms_key_arn" {
  description = "ARN of the project customer-managed key."
  value       = module.kms.key_arn
}

output "ecr_repository_urls" {
  description = "ECR repository URL by repository name (frontend, api, batch)."
  value       = module.ecr.repository_urls
}

output "aurora_endpoint" {
  description = "Writer endpoint of the Aurora PostgreSQL cluster."
  value       = module.rds.cluster_endpoint
}

output "aurora_reader_endpoint" {
  description = "Reader endpoint of the Aurora PostgreSQL cluster."
  value       = module.rds.reader_endpoint
}

output "aurora_master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the RDS-managed master credentials (the ARN only)."
  value       = module.rds.master_user_secret_arn
}

output "batch_job_queue_arn" {
  description = "ARN of the Batch job queue of the data pipeline."
  value       = module.batch_sfn.job_queue_arn
}

output "state_machine_arn" {
  description = "ARN of the Step Functions state machine that runs the pipeline."
  value       = module.batch_sfn.state_machine_arn
}

output "eks_cluster_name" {
  description = "Name of the EKS cluster (aws eks update-kubeconfig --name <this>)."
  value       = module.eks.cluster_name
}

output "eks_cluster_endpoint" {
  description = "Endpoint of the Kubernetes API (private unless eks_endpoint_public_access_cidrs is set)."
  value       = module.eks.cluster_endpoint
}

output "eks_oidc_provider_arn" {
  description = "IAM OIDC provider of the cluster, for IRSA trust policies."
  value       = module.eks.oidc_provider_arn
}

output "eks_irsa_role_arns" {
  description = "IRSA roles to annotate service accounts with (eks.amazonaws.com/role-arn): load balancer controller, cluster autoscaler, API, and frontend when the frontend reads buckets."
  value = merge(
    {
      aws_load_balancer_controller = module.eks.lb_controller_role_arn
      cluster_autoscaler           = module.eks.cluster_autoscaler_role_arn
      api                          = module.eks.api_role_arn
    },
    module.eks.frontend_role_arn == null ? {} : { frontend = module.eks.frontend_role_arn },
  )
}

output "alb_dns_name" {
  description = "DNS name of the internet-facing ALB (api_fqdn is an alias of it)."
  value       = module.edge.alb_dns_name
}

output "api_fqdn" {
  description = "Host name of the API (HTTPS on the ALB)."
  value       = module.edge.api_fqdn
}

output "api_target_group_arn" {
  description = "IP target group of the API, for the TargetGroupBinding the AWS Load Balancer Controller fills."
  value       = module.edge.api_target_group_arn
}

output "cloudfront_domain_name" {
  description = "Domain name of the CloudFront distribution of the frontend (frontend_fqdn is an alias of it)."
  value       = module.edge.cloudfront_domain_name
}

output "frontend_fqdn" {
  description = "Host name of the frontend (HTTPS on CloudFront)."
  value       = module.edge.frontend_fqdn
}

output "frontend_bucket_name" {
  description = "Bucket the frontend's static export is synced to (null when frontend_origin = \"alb\")."
  value       = module.edge.frontend_bucket_name
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm of the environment notifies."
  value       = module.observability.sns_topic_arn
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the environment."
  value       = module.observability.dashboard_name
}
