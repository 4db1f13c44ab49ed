variable "region" {
  description = "AWS region of the environment, e.g. `eu-west-1`."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as \"eu-west-1\" or \"us-east-1\"."
  }
}

variable "allowed_account_ids" {
  description = "The only AWS account IDs this environment may be applied to (the provider refuses any other)."
  type        = list(string)

  validation {
    condition     = length(var.allowed_account_ids) > 0 && alltrue([for id in var.allowed_account_ids : can(regex("^[0-9]{12}$", id))])
    error_message = "allowed_account_ids must list at least one 12-digit AWS account ID, e.g. [\"111122223333\"]."
  }
}

variable "project" {
  description = "Short project name; with the environment it forms the name prefix (`<project>-<environment>`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.project))
    error_message = "project must be 3-20 lowercase letters, digits or hyphens, starting with a letter, e.g. \"acme\"."
  }
}

variable "environment" {
  description = "Environment name: `hml` (staging) or `prod`."
  type        = string

  validation {
    condition     = contains(["hml", "prod"], var.environment)
    error_message = "environment must be \"hml\" (staging) or \"prod\"."
  }
}

variable "owner" {
  description = "Team or person accountable for the environment (the `Owner` tag), e.g. `platform-team`."
  type        = string

  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name the accountable team, e.g. \"platform-team\"."
  }
}

variable "name_prefix" {
  description = "Override of the name prefix (default `<project>-<environment>`); ephemeral test environments pass a unique one."
  type        = string
  default     = null
}

variable "tags" {
  description = "Extra tags for every resource, merged into the provider's default_tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC (/16 to /24)."
  type        = string
}

variable "az_count" {
  description = "Number of availability zones to spread subnets, NAT gateways and database instances over (>= 2)."
  type        = number
  default     = 3
}

variable "nat_mode" {
  description = "`single` (one NAT gateway, cheaper: staging) or `per_az` (one per AZ, no cross-AZ dependency: production)."
  type        = string
}

variable "interface_endpoints" {
  description = "Interface VPC endpoints to create (subset of ecr.api, ecr.dkr, logs, sts, secretsmanager, states)."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of the platform's CloudWatch log groups (flow logs, Batch, Step Functions, PostgreSQL)."
  type        = number
}

variable "cors_allowed_origins" {
  description = "https origins of the frontend allowed to upload to the uploads bucket with presigned URLs."
  type        = list(string)
  default     = []
}

variable "ecr_push_principal_arns" {
  description = "IAM role ARNs allowed to push images (the CI push role)."
  type        = list(string)
  default     = []
}

variable "rds_engine_version" {
  description = "Aurora PostgreSQL engine version (validated by the rds module's allow-list)."
  type        = string
  default     = "16.8"
}

variable "rds_database_name" {
  description = "Name of the application database created in the Aurora cluster."
  type        = string
  default     = "platform"
}

variable "rds_instance_class" {
  description = "Aurora instance class, e.g. `db.r6g.large`; `db.serverless` when `rds_serverless_v2` is set."
  type        = string
}

variable "rds_instance_count" {
  description = "Aurora instances (writer + readers), spread over the AZs; at least 2."
  type        = number
  default     = 2
}

variable "rds_serverless_v2" {
  description = "Aurora Serverless v2 capacity in ACUs (min may be 0 with auto-pause); null for provisioned instances."
  type = object({
    min_capacity             = optional(number, 0.5)
    max_capacity             = optional(number, 8)
    seconds_until_auto_pause = optional(number)
  })
  default = null
}

variable "rds_backup_retention_days" {
  description = "Days of automated Aurora backups (7-35)."
  type        = number
}

variable "rds_deletion_protection" {
  description = "Protect the Aurora cluster from deletion."
  type        = bool
  default     = true
}

variable "batch_job_image" {
  description = "Container image of the batch worker, pinned by tag or digest (validated by the batch_sfn module), e.g. `<account>.dkr.ecr.<region>.amazonaws.com/acme-prod-batch:1.4.2`."
  type        = string
}

variable "batch_job_vcpu" {
  description = "vCPU of one batch job (a Fargate size; the batch_sfn module validates the vCPU/memory pair)."
  type        = number
  default     = 1
}

variable "batch_job_memory" {
  description = "Memory (MiB) of one batch job (must pair with batch_job_vcpu on Fargate)."
  type        = number
  default     = 2048
}

variable "batch_max_vcpus" {
  description = "Maximum vCPUs the Batch compute environment may run at once."
  type        = number
  default     = 16
}

variable "batch_enable_fargate_spot" {
  description = "Add a Fargate Spot compute environment after on-demand Fargate in the queue."
  type        = bool
  default     = false
}

variable "eks_node_group" {
  description = "Instance types and sizes of the EKS managed node group (AL2023 nodes, IMDSv2 required)."
  type = object({
    instance_types = list(string)
    min_size       = number
    desired_size   = number
    max_size       = number
  })

  validation {
    condition     = var.eks_node_group.min_size >= 1 && var.eks_node_group.min_size <= var.eks_node_group.desired_size && var.eks_node_group.desired_size <= var.eks_node_group.max_size
    error_message = "eks_node_group sizes must satisfy 1 <= min_size <= desired_size <= max_size, e.g. { min_size = 2, desired_size = 3, max_size = 6 }."
  }
}

variable "eks_kubernetes_version" {
  description = "Kubernetes minor version of the EKS cluster, e.g. \"1.35\". Upgrade one minor at a time and move eks_addon_versions with it; the policy pack (CKV_C04_053) accepts only versions in EKS standard support."
  type        = string
}

variable "eks_addon_versions" {
  description = "Pinned versions of the managed add-ons vpc-cni, kube-proxy, coredns, eks-pod-identity-agent, metrics-server and amazon-cloudwatch-observability for eks_kubernetes_version (list them with `aws eks describe-addon-versions --kubernetes-version <v>`)."
  type        = map(string)
}

variable "eks_admin_role_arn" {
  description = "IAM role granted cluster-admin through an EKS access entry (authentication mode API), e.g. the platform team's SSO role."
  type        = string
}

variable "eks_endpoint_public_access_cidrs" {
  description = "CIDRs allowed to reach the public Kubernetes API endpoint. Empty (default) keeps the endpoint private: operators and CI reach it from inside the VPC."
  type        = list(string)
  default     = []
}

variable "domain_name" {
  description = "Domain of the Route53 hosted zone route53_zone_id that serves this environment, e.g. \"hml.acme.example.com\": the API answers at api.<domain_name>, the frontend at the apex."
  type        = string
}

variable "route53_zone_id" {
  description = "ID of the public Route53 hosted zone of domain_name (created outside this root: the parent domain delegates to it)."
  type        = string
}

variable "frontend_origin" {
  description = "Where CloudFront takes the frontend from: \"s3\" (static export in a private bucket behind origin access control) or \"alb\" (server-side rendering through the ALB)."
  type        = string
  default     = "s3"
}

variable "alb_deletion_protection" {
  description = "Deletion protection of the internet-facing ALB. Keep true in prod; hml may set false to be destroyable."
  type        = bool
  default     = true
}

variable "waf_rate_limit" {
  description = "Requests per client IP per 5 minutes above which the web ACLs of the ALB and CloudFront block."
  type        = number
  default     = 2000
}

variable "alarm_email_addresses" {
  description = "Email addresses subscribed to the alarm topic (each must confirm); empty subscribes nobody."
  type        = list(string)
  default     = []
}

variable "alarm_thresholds" {
  description = "Alarm thresholds of this environment, as data: any key of modules/observability's `thresholds` (alb_5xx_count, alb_target_p99_seconds, node_cpu_percent, rds_connections, batch_failed_jobs, sfn_executions_failed, ...); the keys left out keep the module's defaults."
  type        = map(number)
  default     = {}
}

variable "edge_force_destroy" {
  description = "Let a destroy empty the edge buckets (ALB/S3 access logs, frontend export). Keep false: only ephemeral test runs set it."
  type        = bool
  default     = false
}
