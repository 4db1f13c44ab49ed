# Unit-test root of modules/edge: one module instance per scenario, planned once against the emulator.
terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = { Project = "unit" }
  }
}

# CloudFront takes its certificate and its web ACL from us-east-1 only.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = { Project = "unit" }
  }
}

locals {
  kms_key_arn    = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  vpc_id         = "vpc-0a000000000000001"
  subnets        = ["subnet-0a000000000000001", "subnet-0b000000000000002", "subnet-0c000000000000003"]
  security_group = "sg-0d000000000000001"
}

# Only the required inputs: static export from S3 at the apex, every default.
module "static_defaults" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-prod"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = local.vpc_id
  public_subnet_ids     = local.subnets
  alb_security_group_id = local.security_group
  kms_key_arn           = local.kms_key_arn
}

# SSR through the ALB, as hml would run it: destroyable, app subdomain, custom TLS policy and WAF settings.
module "ssr_alb" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix                            = "acme-hml"
  zone_id                                = "Z0123456789ABCDEFGHIJ"
  domain_name                            = "hml.acme.example.com"
  api_subdomain                          = "backend"
  frontend_subdomain                     = "app"
  origin_subdomain                       = "ssr-origin"
  frontend_origin                        = "alb"
  vpc_id                                 = local.vpc_id
  public_subnet_ids                      = local.subnets
  alb_security_group_id                  = local.security_group
  alb_ip_address_type                    = "dualstack"
  alb_ssl_policy                         = "ELBSecurityPolicy-TLS13-1-3-2021-06"
  alb_deletion_protection                = false
  alb_idle_timeout                       = 120
  api_target_port                        = 8080
  api_health_check_path                  = "/api/healthz"
  frontend_target_port                   = 3001
  frontend_health_check_path             = "/api/health"
  bucket_name_suffix                     = "123456789012"
  log_noncurrent_version_expiration_days = 14
  force_destroy                          = true
  kms_key_arn                            = local.kms_key_arn
  waf_rate_limit                         = 100
  waf_sqli_rule_set                      = false
  waf_log_retention_days                 = 400
  cloudfront_price_class                 = "PriceClass_All"
  hsts_max_age_seconds                   = 31536000
  content_security_policy                = "default-src 'self'; frame-ancestors 'none'"
  tags                                   = { CostCenter = "cc-1234" }
}

output "static_defaults" {
  description = "Every output of the static_defaults instance."
  value       = module.static_defaults
}

output "ssr_alb" {
  description = "Every output of the ssr_alb instance."
  value       = module.ssr_alb
}
