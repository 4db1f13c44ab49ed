locals {
  # Hosts the ALB answers for, by role: the API, and the SSR origin CloudFront connects to.
  alb_host_names = merge(
    { api = local.api_fqdn },
    local.ssr_frontend ? { origin = local.origin_fqdn } : {},
  )
  # An IPv4-only ALB has no IPv6 address to alias, so it gets AAAA records only when dualstack.
  alb_record_types = var.alb_ip_address_type == "dualstack" ? ["A", "AAAA"] : ["A"]
  alb_alias_records = {
    for pair in setproduct(keys(local.alb_host_names), local.alb_record_types) :
    "${pair[0]}-${pair[1]}" => { name = local.alb_host_names[pair[0]], type = pair[1] }
  }

  certificate_validation_records = merge(
    { for option in aws_acm_certificate.alb.domain_validation_options : "alb-${option.domain_name}" => option },
    { for option in aws_acm_certificate.cloudfront.domain_validation_options : "cloudfront-${option.domain_name}" => option },
  )
}

################################################################################
# ACM: one certificate for the ALB (its region), one for CloudFront (us-east-1)
################################################################################

resource "aws_acm_certificate" "alb" {
  domain_name               = local.api_fqdn
  subject_alternative_names = local.ssr_frontend ? [local.origin_fqdn] : []
  validation_method         = "DNS"
  key_algorithm             = "RSA_2048"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb" })

  lifecycle {
    # The HTTPS listener holds the certificate: a replacement must exist before the old one goes.
    create_before_destroy = true

    precondition {
      condition     = length(distinct([local.api_fqdn, local.frontend_fqdn, coalesce(local.origin_fqdn, local.api_fqdn)])) == (local.ssr_frontend ? 3 : 2)
      error_message = "api_subdomain, frontend_subdomain and (with frontend_origin = \"alb\") origin_subdomain must name different hosts: the API, the frontend and the SSR origin cannot share a DNS name."
    }
  }
}

resource "aws_acm_certificate" "cloudfront" {
  provider = aws.us_east_1

  domain_name       = local.frontend_fqdn
  validation_method = "DNS"
  key_algorithm     = "RSA_2048"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-cloudfront" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "certificate_validation" {
  for_each = local.certificate_validation_records

  zone_id = var.zone_id
  name    = each.value.resource_record_name
  type    = each.value.resource_record_type
  records = [each.value.resource_record_value]
  ttl     = 300
  # ACM gives a domain the same validation record in every region and account.
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "alb" {
  certificate_arn         = aws_acm_certificate.alb.arn
  validation_record_fqdns = [for key, record in aws_route53_record.certificate_validation : record.fqdn if startswith(key, "alb-")]
}

resource "aws_acm_certificate_validation" "cloudfront" {
  provider = aws.us_east_1

  certificate_arn         = aws_acm_certificate.cloudfront.arn
  validation_record_fqdns = [for key, record in aws_route53_record.certificate_validation : record.fqdn if startswith(key, "cloudfront-")]
}

################################################################################
# Alias records
################################################################################

resource "aws_route53_record" "alb" {
  for_each = local.alb_alias_records

  zone_id = var.zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = aws_lb.this.dns_name
    zone_id                = aws_lb.this.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "frontend" {
  for_each = toset(["A", "AAAA"])

  zone_id = var.zone_id
  name    = local.frontend_fqdn
  type    = each.key

  alias {
    name                   = aws_cloudfront_distribution.frontend.domain_name
    zone_id                = aws_cloudfront_distribution.frontend.hosted_zone_id
    evaluate_target_health = false
  }
}
