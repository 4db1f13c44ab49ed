# Staging. Copy to terraform.tfvars and set the account, image and origins of your organisation.
region              = "eu-west-1"
allowed_account_ids = ["111122223333"]
project             = "acme"
environment         = "hml"
owner               = "platform-team"

vpc_cidr           = "10.20.0.0/16"
az_count           = 3
nat_mode           = "single"
log_retention_days = 365

cors_allowed_origins    = ["https://hml.app.example.com"]
ecr_push_principal_arns = ["arn:aws:iam::111122223333:role/acme-ci-ecr-push"]

rds_instance_class        = "db.serverless"
rds_instance_count        = 2
rds_backup_retention_days = 7
rds_serverless_v2 = {
  min_capacity             = 0
  max_capacity             = 4
  seconds_until_auto_pause = 3600
}

batch_job_image  = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/acme-hml-batch:0.1.0"
batch_job_vcpu   = 1
batch_job_memory = 2048
batch_max_vcpus  = 8

eks_node_group = {
  instance_types = ["t3.large"]
  min_size       = 1
  desired_size   = 2
  max_size       = 3
}

eks_kubernetes_version = "1.35"
eks_admin_role_arn     = "arn:aws:iam::111122223333:role/platform-admin"
eks_addon_versions = {
  "vpc-cni"                         = "v1.20.4-eksbuild.1"
  "kube-proxy"                      = "v1.35.0-eksbuild.3"
  "coredns"                         = "v1.12.1-eksbuild.2"
  "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
  "metrics-server"                  = "v0.8.0-eksbuild.1"
  "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
}

domain_name             = "hml.acme.example.com"
route53_zone_id         = "Z0HML0000000000000001"
frontend_origin         = "s3"
alb_deletion_protection = false
waf_rate_limit          = 2000
alarm_email_addresses   = ["platform-alerts@example.com"]
alarm_thresholds = {
  alb_5xx_count    = 20
  node_cpu_percent = 90
  rds_cpu_percent  = 90
}
