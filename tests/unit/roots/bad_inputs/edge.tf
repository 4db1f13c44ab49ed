################################################################################
# edge: one module call per validation case of modules/edge (cases in inventory/bad_inputs_edge.yaml)
################################################################################

# modules/edge needs a us-east-1 configuration besides the default one (CloudFront certificate and WAF).
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

locals {
  edge_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  edge_subnets     = ["subnet-0a000000000000001", "subnet-0b000000000000002"]
}

module "edge_name_prefix_too_long_for_alb" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-platform-staging-eu-west"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_zone_id_path" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "/hostedzone/Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_domain_name_trailing_dot" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com."
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_api_subdomain_with_dot" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  api_subdomain         = "api.v1"
}

module "edge_frontend_subdomain_empty" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  frontend_subdomain    = ""
}

module "edge_origin_subdomain_hyphen_last" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  origin_subdomain      = "origin-"
}

module "edge_vpc_id_name" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "acme-dev-vpc"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_public_subnets_one" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = ["subnet-0a000000000000001"]
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_public_subnets_cidrs" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = ["10.0.0.0/24", "10.0.1.0/24"]
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_alb_security_group_name" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "acme-dev-alb"
  kms_key_arn           = local.edge_kms_key_arn
}

module "edge_alb_ip_address_type_ipv6" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  alb_ip_address_type   = "ipv6"
}

module "edge_alb_ssl_policy_tls10" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  alb_ssl_policy        = "ELBSecurityPolicy-2016-08"
}

module "edge_alb_idle_timeout_zero" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  alb_idle_timeout      = 0
}

module "edge_api_target_port_too_high" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  api_target_port       = 70000
}

module "edge_api_health_check_relative" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  api_health_check_path = "healthz"
}

module "edge_frontend_target_port_fractional" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  frontend_target_port  = 3000.5
}

module "edge_frontend_health_check_query" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix                = "acme-dev"
  zone_id                    = "Z0123456789ABCDEFGHIJ"
  domain_name                = "acme.example.com"
  vpc_id                     = "vpc-0a000000000000001"
  public_subnet_ids          = local.edge_subnets
  alb_security_group_id      = "sg-0d000000000000001"
  kms_key_arn                = local.edge_kms_key_arn
  frontend_health_check_path = "/health?full=1"
}

module "edge_bucket_name_suffix_uppercase" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  bucket_name_suffix    = "Account1"
}

module "edge_log_noncurrent_days_over_retention" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix                            = "acme-dev"
  zone_id                                = "Z0123456789ABCDEFGHIJ"
  domain_name                            = "acme.example.com"
  vpc_id                                 = "vpc-0a000000000000001"
  public_subnet_ids                      = local.edge_subnets
  alb_security_group_id                  = "sg-0d000000000000001"
  kms_key_arn                            = local.edge_kms_key_arn
  log_noncurrent_version_expiration_days = 401
}

module "edge_kms_key_alias" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = "arn:aws:kms:eu-west-1:123456789012:alias/acme"
}

module "edge_waf_rate_limit_below_minimum" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  waf_rate_limit        = 99
}

module "edge_waf_log_retention_never" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix            = "acme-dev"
  zone_id                = "Z0123456789ABCDEFGHIJ"
  domain_name            = "acme.example.com"
  vpc_id                 = "vpc-0a000000000000001"
  public_subnet_ids      = local.edge_subnets
  alb_security_group_id  = "sg-0d000000000000001"
  kms_key_arn            = local.edge_kms_key_arn
  waf_log_retention_days = 0
}

module "edge_frontend_origin_amplify" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  frontend_origin       = "amplify"
}

module "edge_price_class_lowercase" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix            = "acme-dev"
  zone_id                = "Z0123456789ABCDEFGHIJ"
  domain_name            = "acme.example.com"
  vpc_id                 = "vpc-0a000000000000001"
  public_subnet_ids      = local.edge_subnets
  alb_security_group_id  = "sg-0d000000000000001"
  kms_key_arn            = local.edge_kms_key_arn
  cloudfront_price_class = "priceclass_100"
}

module "edge_hsts_max_age_one_day" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-dev"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.edge_subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.edge_kms_key_arn
  hsts_max_age_seconds  = 86400
}

module "edge_content_security_policy_blank" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix             = "acme-dev"
  zone_id                 = "Z0123456789ABCDEFGHIJ"
  domain_name             = "acme.example.com"
  vpc_id                  = "vpc-0a000000000000001"
  public_subnet_ids       = local.edge_subnets
  alb_security_group_id   = "sg-0d000000000000001"
  kms_key_arn             = local.edge_kms_key_arn
  content_security_policy = "  "
}
