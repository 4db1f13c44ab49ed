################################################################################
# edge: valid variables, combinations modules/edge refuses (cases in inventory/bad_preconditions_edge.yaml)
################################################################################

# modules/edge needs a us-east-1 configuration besides the default one (CloudFront certificate and WAF).
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

# The frontend on the API's host name.
module "edge_frontend_on_api_host" {
  source = "../../../../modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name_prefix           = "acme-host"
  zone_id               = "Z0123456789ABCDEFGHIJ"
  domain_name           = "acme.example.com"
  api_subdomain         = "www"
  frontend_subdomain    = "www"
  vpc_id                = "vpc-0a000000000000001"
  public_subnet_ids     = local.subnets
  alb_security_group_id = "sg-0d000000000000001"
  kms_key_arn           = local.kms_key_arn
}
