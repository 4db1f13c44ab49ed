# Production. Copy to terraform.tfvars and set the account, image and origins of your organisation.
region              = "eu-west-1"
allowed_account_ids = ["444455556666"]
project             = "acme"
environment         = "prod"
owner               = "platform-team"

vpc_cidr           = "10.30.0.0/16"
az_count           = 3
nat_mode           = "per_az"
log_retention_days = 365

cors_allowed_origins    = ["https://app.example.com"]
ecr_push_principal_arns = ["arn:aws:iam::444455556666:role/acme-ci-ecr-push"]

rds_instance_class        = "db.r6g.large"
rds_instance_count        = 3
rds_backup_retention_days = 30

batch_job_image  = "444455556666.dkr.ecr.eu-west-1.amazonaws.com/acme-prod-batch:0.1.0"
batch_job_vcpu   = 2
batch_job_memory = 4096
batch_max_vcpus  = 32

eks_node_group = {
  instance_types = ["m6i.large"]
  min_size       = 3
  desired_size   = 3
  max_size       = 9
}

eks_kubernetes_version = "1.35"
eks_admin_role_arn     = "arn:aws:iam::444455556666:role/platform-admin"
eks_addon_versions = {
  "vpc-cni"                         = "v1.20.4-eksbuild.1"
  "kube-proxy"                      = "v1.35.0-eksbuild.3"
  "coredns"                         = "v1.12.1-eksbuild.2"
  "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
  "metrics-server"                  = "v0.8.0-eksbuild.1"
  "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
}

domain_name             = "acme.example.com"
route53_zone_id         = "Z0PROD000000000000001"
frontend_origin         = "s3"
alb_deletion_protection = true
waf_rate_limit          = 1000
alarm_email_addresses   = ["platform-oncall@example.com"]
alarm_thresholds = {
  alb_5xx_count          = 5
  alb_target_p99_seconds = 1
  node_cpu_percent       = 80
  rds_cpu_percent        = 80
  batch_failed_jobs      = 1
}
