variable "name_prefix" {
  description = "Prefix of every resource name (project and environment), e.g. `acme-hml`. At most 28 characters, because the ALB (`<name_prefix>-alb`) and target group (`<name_prefix>-api`, `<name_prefix>-web`) names are limited to 32."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,26}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-28 characters of lowercase letters, digits and hyphens, start with a letter and end with a letter or digit, e.g. \"acme-hml\" (ALB and target group names, `<name_prefix>-alb`, are limited to 32 characters)."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource, on top of the providers' default_tags. The module sets `DataClass` on its buckets itself."
  type        = map(string)
  default     = {}
  nullable    = false
}

################################################################################
# DNS
################################################################################

variable "zone_id" {
  description = "ID of the public Route 53 hosted zone of `domain_name`; it receives the ACM validation records and the alias records of the API and frontend hosts."
  type        = string

  validation {
    condition     = can(regex("^Z[A-Z0-9]{1,31}$", var.zone_id))
    error_message = "zone_id must be a Route 53 hosted zone ID such as \"Z0123456789ABCDEFGHIJ\" (uppercase, starting with Z), not the zone name or a \"/hostedzone/...\" path."
  }
}

variable "domain_name" {
  description = "Domain name of the hosted zone `zone_id`, e.g. `acme.example.com`; the hosts are `<api_subdomain>.<domain_name>` and `<frontend_subdomain>.<domain_name>` (or the apex)."
  type        = string

  validation {
    condition     = length(var.domain_name) <= 200 && can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", var.domain_name))
    error_message = "domain_name must be a lowercase fully qualified domain name of at least two labels, without trailing dot, scheme or wildcard, at most 200 characters, e.g. \"acme.example.com\"."
  }
}

variable "api_subdomain" {
  description = "DNS label of the API host: `<api_subdomain>.<domain_name>` points at the ALB."
  type        = string
  default     = "api"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.api_subdomain))
    error_message = "api_subdomain must be one DNS label: 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen, without dots, e.g. \"api\"."
  }
}

variable "frontend_subdomain" {
  description = "DNS label of the frontend host, e.g. `app` for `app.<domain_name>`; null (default) serves the frontend at the apex `<domain_name>`."
  type        = string
  default     = null

  validation {
    condition     = var.frontend_subdomain == null || can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.frontend_subdomain))
    error_message = "frontend_subdomain must be null (apex) or one DNS label: 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen, without dots, e.g. \"app\"."
  }
}

variable "origin_subdomain" {
  description = "DNS label of the host CloudFront uses to reach the ALB when `frontend_origin = \"alb\"` (`<origin_subdomain>.<domain_name>`, covered by the ALB certificate so that CloudFront can verify it over HTTPS). Unused with the S3 origin."
  type        = string
  default     = "origin"
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.origin_subdomain))
    error_message = "origin_subdomain must be one DNS label: 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen, without dots, e.g. \"origin\"."
  }
}

################################################################################
# ALB
################################################################################

variable "vpc_id" {
  description = "ID of the VPC of the ALB and its IP target groups (modules/network output `vpc_id`)."
  type        = string

  validation {
    condition     = can(regex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as \"vpc-0123456789abcdef0\"."
  }
}

variable "public_subnet_ids" {
  description = "Public subnets of the internet-facing ALB, one per AZ (modules/network output `public_subnet_ids`)."
  type        = list(string)

  validation {
    condition     = length(distinct(var.public_subnet_ids)) >= 2
    error_message = "public_subnet_ids must hold at least two distinct subnets in different Availability Zones (an ALB needs two); pass module.network.public_subnet_ids."
  }

  validation {
    condition     = alltrue([for id in var.public_subnet_ids : can(regex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$", id))])
    error_message = "Every public_subnet_ids entry must be a subnet ID such as \"subnet-0123456789abcdef0\", not a CIDR or an ARN."
  }
}

variable "alb_security_group_id" {
  description = "Security group of the ALB (modules/network output `alb_security_group_id`: 443/80 in from the allowed CIDRs, out to the VPC)."
  type        = string

  validation {
    condition     = can(regex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$", var.alb_security_group_id))
    error_message = "alb_security_group_id must be a security group ID such as \"sg-0123456789abcdef0\", not its name."
  }
}

variable "alb_ip_address_type" {
  description = "IP address type of the ALB: `ipv4`, or `dualstack` (the public subnets need IPv6 CIDRs). AAAA records for the ALB hosts exist only with `dualstack`."
  type        = string
  default     = "ipv4"
  nullable    = false

  validation {
    condition     = contains(["ipv4", "dualstack"], var.alb_ip_address_type)
    error_message = "alb_ip_address_type must be \"ipv4\" or \"dualstack\"."
  }
}

variable "alb_ssl_policy" {
  description = "TLS security policy of the HTTPS listener. Only policies that refuse TLS 1.0/1.1 are accepted; the default offers TLS 1.3 and 1.2 with forward secrecy."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  nullable    = false

  validation {
    condition = contains([
      "ELBSecurityPolicy-TLS13-1-2-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
      "ELBSecurityPolicy-TLS13-1-3-2021-06",
      "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
      "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10",
      "ELBSecurityPolicy-FS-1-2-Res-2019-08",
      "ELBSecurityPolicy-FS-1-2-2019-08",
      "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
      "ELBSecurityPolicy-TLS-1-2-2017-01",
    ], var.alb_ssl_policy)
    error_message = "alb_ssl_policy must be an ELB security policy that allows TLS 1.2 or later only, e.g. \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (default) or \"ELBSecurityPolicy-TLS13-1-3-2021-06\"; policies that accept TLS 1.0/1.1 (ELBSecurityPolicy-2016-08, ...-TLS-1-1-...) are refused."
  }
}

variable "alb_deletion_protection" {
  description = "Deletion protection of the ALB. On by default (prod); an environment that must be destroyable (hml, local) sets it to false explicitly."
  type        = bool
  default     = true
  nullable    = false
}

variable "alb_idle_timeout" {
  description = "Seconds a connection may stay idle before the ALB closes it."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = floor(var.alb_idle_timeout) == var.alb_idle_timeout && var.alb_idle_timeout >= 1 && var.alb_idle_timeout <= 4000
    error_message = "alb_idle_timeout must be a whole number of seconds from 1 to 4000 (ALB limits), e.g. 60."
  }
}

variable "api_target_port" {
  description = "Port of the API pods that the IP target group sends traffic to (the container port, registered by the AWS Load Balancer Controller through a TargetGroupBinding)."
  type        = number
  default     = 8000
  nullable    = false

  validation {
    condition     = floor(var.api_target_port) == var.api_target_port && var.api_target_port >= 1 && var.api_target_port <= 65535
    error_message = "api_target_port must be a whole port number from 1 to 65535, e.g. 8000."
  }
}

variable "api_health_check_path" {
  description = "HTTP path of the API health check (answered with 200 by the FastAPI app), e.g. `/healthz`."
  type        = string
  default     = "/healthz"
  nullable    = false

  validation {
    condition     = length(var.api_health_check_path) <= 1024 && can(regex("^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$", var.api_health_check_path))
    error_message = "api_health_check_path must be an absolute URL path of at most 1024 characters without query string, e.g. \"/healthz\"."
  }
}

variable "frontend_target_port" {
  description = "Port of the Next.js server pods behind the `web` IP target group (only with `frontend_origin = \"alb\"`)."
  type        = number
  default     = 3000
  nullable    = false

  validation {
    condition     = floor(var.frontend_target_port) == var.frontend_target_port && var.frontend_target_port >= 1 && var.frontend_target_port <= 65535
    error_message = "frontend_target_port must be a whole port number from 1 to 65535, e.g. 3000."
  }
}

variable "frontend_health_check_path" {
  description = "HTTP path of the Next.js server health check (only with `frontend_origin = \"alb\"`)."
  type        = string
  default     = "/"
  nullable    = false

  validation {
    condition     = length(var.frontend_health_check_path) <= 1024 && can(regex("^/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$", var.frontend_health_check_path))
    error_message = "frontend_health_check_path must be an absolute URL path of at most 1024 characters without query string, e.g. \"/\" or \"/api/health\"."
  }
}

################################################################################
# Buckets
################################################################################

variable "bucket_name_suffix" {
  description = "Optional suffix that makes the bucket names globally unique: `<name_prefix>-edge-logs-<suffix>` and `<name_prefix>-frontend-<suffix>`. Typically the account ID. Null (default) adds no suffix."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_name_suffix == null || can(regex("^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$", var.bucket_name_suffix))
    error_message = "bucket_name_suffix must be 1-22 lowercase letters, digits or hyphens, starting and ending with a letter or digit (e.g. \"123456789012\"); pass null for no suffix."
  }
}

variable "log_noncurrent_version_expiration_days" {
  description = "Days a noncurrent version of a log object is kept in the edge log bucket. Current log objects always expire after 400 days, the retention of the `logs` data class (policies/data_classes.yaml)."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = floor(var.log_noncurrent_version_expiration_days) == var.log_noncurrent_version_expiration_days && var.log_noncurrent_version_expiration_days >= 1 && var.log_noncurrent_version_expiration_days <= 400
    error_message = "log_noncurrent_version_expiration_days must be a whole number from 1 to 400 (the logs data class keeps objects 400 days), e.g. 30."
  }
}

variable "force_destroy" {
  description = "Allow Terraform to delete the edge log bucket and the frontend bucket while they still hold objects. Keep false where logs must survive (prod)."
  type        = bool
  default     = false
  nullable    = false
}

################################################################################
# WAF
################################################################################

variable "kms_key_arn" {
  description = "ARN of the project KMS key (CMK, modules/kms `key_arn`) of the ALB's region; it encrypts the regional WAF log group. The CloudFront WAF log group lives in us-east-1 and gets a dedicated key from this module."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"; pass the key's `arn` attribute, not its ID or an alias."
  }
}

variable "waf_rate_limit" {
  description = "Requests one client IP may send in any 5-minute window before both web ACLs block it (rate-based rule, evaluated separately on the ALB and on CloudFront)."
  type        = number
  default     = 2000
  nullable    = false

  validation {
    condition     = floor(var.waf_rate_limit) == var.waf_rate_limit && var.waf_rate_limit >= 100 && var.waf_rate_limit <= 2000000000
    error_message = "waf_rate_limit must be a whole number from 100 (the WAF minimum) to 2000000000 requests per 5 minutes, e.g. 2000."
  }
}

variable "waf_sqli_rule_set" {
  description = "Add the AWS managed SQL injection rule group (AWSManagedRulesSQLiRuleSet) to both web ACLs, after the common, known-bad-inputs and IP reputation groups."
  type        = bool
  default     = true
  nullable    = false
}

variable "waf_log_retention_days" {
  description = "Retention of the two WAF log groups (`aws-waf-logs-<name_prefix>-alb`, `aws-waf-logs-<name_prefix>-cloudfront`), in days."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.waf_log_retention_days)
    error_message = "waf_log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 (the policy pack expects at least 365). Never-expire (0) is not offered: set a retention."
  }
}

################################################################################
# CloudFront
################################################################################

variable "frontend_origin" {
  description = "Where CloudFront fetches the frontend: `s3` (a Next.js static export in a private bucket of this module, read through Origin Access Control) or `alb` (server-side rendering: the Next.js pods behind the ALB, reached over HTTPS at `<origin_subdomain>.<domain_name>`)."
  type        = string
  default     = "s3"
  nullable    = false

  validation {
    condition     = contains(["s3", "alb"], var.frontend_origin)
    error_message = "frontend_origin must be \"s3\" (static export) or \"alb\" (server-side rendering behind the ALB)."
  }
}

variable "cloudfront_price_class" {
  description = "CloudFront price class: `PriceClass_100` (North America and Europe), `PriceClass_200` or `PriceClass_All`."
  type        = string
  default     = "PriceClass_100"
  nullable    = false

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.cloudfront_price_class)
    error_message = "cloudfront_price_class must be \"PriceClass_100\", \"PriceClass_200\" or \"PriceClass_All\"."
  }
}

variable "hsts_max_age_seconds" {
  description = "max-age of the Strict-Transport-Security header CloudFront adds (with includeSubDomains and preload). At least one year, the HSTS preload list minimum."
  type        = number
  default     = 63072000
  nullable    = false

  validation {
    condition     = floor(var.hsts_max_age_seconds) == var.hsts_max_age_seconds && var.hsts_max_age_seconds >= 31536000
    error_message = "hsts_max_age_seconds must be a whole number of at least 31536000 (one year, required for HSTS preload), e.g. 63072000 (two years)."
  }
}

variable "content_security_policy" {
  description = "Value of the Content-Security-Policy header CloudFront adds to frontend responses, e.g. `default-src 'self'`. Null (default) adds none, because the right policy depends on the app's scripts and API origin."
  type        = string
  default     = null

  validation {
    condition     = var.content_security_policy == null || try(length(trimspace(var.content_security_policy)) > 0 && length(var.content_security_policy) <= 1783, false)
    error_message = "content_security_policy must be null or a non-empty policy of at most 1783 characters (CloudFront limit), e.g. \"default-src 'self'\"."
  }
}
