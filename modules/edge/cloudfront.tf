locals {
  # IDs of AWS managed cache and origin request policies: fixed by AWS and the same in every account, so
  # no data source (and no API call at plan time) is needed.
  managed_cache_policy_ids = {
    caching_optimized = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    caching_disabled  = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }
  managed_origin_request_policy_ids = {
    all_viewer_except_host_header = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }

  frontend_origin_id = local.static_frontend ? "frontend-s3" : "frontend-alb"
}

################################################################################
# Static export bucket (frontend_origin = "s3")
################################################################################

resource "aws_s3_bucket" "frontend" {
  #checkov:skip=CKV_C04_003:A static export is replaced by every deployment and must stay online however old its files are; expiring current objects would take the site down. Noncurrent versions (previous deployments) expire.
  #checkov:skip=CKV_AWS_144:The bucket holds a build output that CI can republish in any region; cross-region replication adds nothing.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to new objects of a static export.
  count = local.static_frontend ? 1 : 0

  bucket        = local.frontend_bucket_name
  force_destroy = var.force_destroy

  tags = merge(var.tags, { DataClass = "static-site" })
}

resource "aws_s3_bucket_ownership_controls" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket = aws_s3_bucket.frontend[0].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket = aws_s3_bucket.frontend[0].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket = aws_s3_bucket.frontend[0].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket = aws_s3_bucket.frontend[0].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.frontend[0].arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket = aws_s3_bucket.frontend[0].id

  transition_default_minimum_object_size = "all_storage_classes_128K"

  rule {
    id     = "previous-deployments"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 30
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.frontend]
}

resource "aws_s3_bucket_logging" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket        = aws_s3_bucket.frontend[0].id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "${local.s3_access_log_prefix}/${local.frontend_bucket_name}/"

  # S3 refuses a target bucket whose policy does not let the logging service write yet.
  depends_on = [aws_s3_bucket_policy.logs]
}

data "aws_iam_policy_document" "frontend_bucket" {
  count = local.static_frontend ? 1 : 0

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.frontend_bucket_arn, "${local.frontend_bucket_arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyOutdatedTls"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.frontend_bucket_arn, "${local.frontend_bucket_arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }

  statement {
    sid       = "CloudFrontReadsThroughOriginAccessControl"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${local.frontend_bucket_arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.frontend.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "frontend" {
  count = local.static_frontend ? 1 : 0

  bucket = aws_s3_bucket.frontend[0].id
  policy = data.aws_iam_policy_document.frontend_bucket[0].json

  depends_on = [aws_s3_bucket_public_access_block.frontend]
}

# CloudFront decrypts SSE-KMS objects with the key of the bucket, so the key must name CloudFront; a
# dedicated key keeps the project CMK out of reach of the CloudFront service principal.
data "aws_iam_policy_document" "frontend_key" {
  #checkov:skip=CKV_AWS_109:Key policy: Resource "*" is the key itself; kms:* goes to the account root only (IAM delegation, AWS default).
  #checkov:skip=CKV_AWS_111:Key policy: Resource "*" is the key itself; write actions are limited to the account root; CloudFront may only decrypt for this distribution.
  #checkov:skip=CKV_AWS_356:Key policy: Resource "*" is the only value a key policy accepts and designates the key itself.
  count = local.static_frontend ? 1 : 0

  statement {
    sid       = "AccountRootFullAccess"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudFrontDecryptsForTheDistribution"
    effect    = "Allow"
    actions   = ["kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.frontend.arn]
    }
  }
}

resource "aws_kms_key" "frontend" {
  count = local.static_frontend ? 1 : 0

  description             = "${var.name_prefix} frontend static export bucket"
  key_usage               = "ENCRYPT_DECRYPT"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  multi_region            = false
  policy                  = data.aws_iam_policy_document.frontend_key[0].json

  tags = merge(var.tags, { Name = "${var.name_prefix}-frontend" })
}

resource "aws_kms_alias" "frontend" {
  count = local.static_frontend ? 1 : 0

  name          = "alias/${var.name_prefix}-frontend"
  target_key_id = aws_kms_key.frontend[0].key_id
}

resource "aws_cloudfront_origin_access_control" "frontend" {
  count = local.static_frontend ? 1 : 0

  name                              = "${var.name_prefix}-frontend"
  description                       = "CloudFront reads the ${var.name_prefix} static export with SigV4."
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

################################################################################
# Distribution
################################################################################

resource "aws_cloudfront_response_headers_policy" "security_headers" {
  name    = "${var.name_prefix}-security-headers"
  comment = "Security headers of the ${var.name_prefix} frontend."

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = var.hsts_max_age_seconds
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    xss_protection {
      protection = true
      mode_block = true
      override   = true
    }

    dynamic "content_security_policy" {
      for_each = var.content_security_policy == null ? [] : [var.content_security_policy]

      content {
        content_security_policy = content_security_policy.value
        override                = true
      }
    }
  }
}

resource "aws_cloudfront_distribution" "frontend" {
  #checkov:skip=CKV2_AWS_47:The CLOUDFRONT web ACL has the Log4j AMR (AWSManagedRulesKnownBadInputsRuleSet); the check also demands AWSManagedRulesAnonymousIpList, which would lock out every visitor behind a VPN, a privacy relay or a corporate proxy in a hosting range.
  #checkov:skip=CKV_AWS_86:CloudFront standard (legacy) logging needs an ACL-enabled bucket, which the project forbids (BucketOwnerEnforced). Every viewer request is logged by the CLOUDFRONT web ACL to aws-waf-logs-<name_prefix>-cloudfront, and origin requests by S3 server access logs (static) or ALB access logs (SSR).
  #checkov:skip=CKV_AWS_310:One origin by design (the static export or the ALB); a failover origin would need a second bucket or region.
  #checkov:skip=CKV_AWS_374:The frontend is public; restricting countries is a business decision, not a default.
  #checkov:skip=CKV_AWS_305:With the SSR origin Next.js answers "/" itself; the static origin sets index.html.
  enabled             = true
  comment             = "${var.name_prefix} frontend (${var.frontend_origin} origin)"
  aliases             = [local.frontend_fqdn]
  price_class         = var.cloudfront_price_class
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  default_root_object = local.static_frontend ? "index.html" : null
  web_acl_id          = aws_wafv2_web_acl.cloudfront.arn

  dynamic "origin" {
    for_each = local.static_frontend ? [1] : []

    content {
      origin_id                = local.frontend_origin_id
      domain_name              = aws_s3_bucket.frontend[0].bucket_regional_domain_name
      origin_access_control_id = aws_cloudfront_origin_access_control.frontend[0].id
    }
  }

  dynamic "origin" {
    for_each = local.ssr_frontend ? [1] : []

    content {
      origin_id   = local.frontend_origin_id
      domain_name = local.origin_fqdn

      custom_origin_config {
        http_port                = 80
        https_port               = 443
        origin_protocol_policy   = "https-only"
        origin_ssl_protocols     = ["TLSv1.2"]
        origin_read_timeout      = 30
        origin_keepalive_timeout = 5
      }
    }
  }

  # Static: everything is cacheable. SSR: pages are rendered per request (Next.js sets Cache-Control on
  # what may be cached), and the viewer's headers, cookies and query strings reach the origin; only the Host
  # header is replaced by the origin host, which the ALB certificate and listener rule expect.
  default_cache_behavior {
    target_origin_id           = local.frontend_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = local.static_frontend ? ["GET", "HEAD", "OPTIONS"] : ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.static_frontend ? local.managed_cache_policy_ids.caching_optimized : local.managed_cache_policy_ids.caching_disabled
    origin_request_policy_id   = local.ssr_frontend ? local.managed_origin_request_policy_ids.all_viewer_except_host_header : null
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security_headers.id
  }

  # Next.js build assets have content-hashed names, so they are cached whatever the origin.
  dynamic "ordered_cache_behavior" {
    for_each = local.ssr_frontend ? ["/_next/static/*"] : []

    content {
      path_pattern               = ordered_cache_behavior.value
      target_origin_id           = local.frontend_origin_id
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = local.managed_cache_policy_ids.caching_optimized
      response_headers_policy_id = aws_cloudfront_response_headers_policy.security_headers.id
    }
  }

  # Without s3:ListBucket, S3 answers 403 for a missing key: serve the export's 404 page instead.
  dynamic "custom_error_response" {
    for_each = local.static_frontend ? [403, 404] : []

    content {
      error_code            = custom_error_response.value
      response_code         = 404
      response_page_path    = "/404.html"
      error_caching_min_ttl = 10
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.cloudfront.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-frontend" })
}
