data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_region" "us_east_1" {
  provider = aws.us_east_1
}

# The account Elastic Load Balancing writes access logs from in this region (a table inside the provider,
# no API call). Regions opened since August 2022 use the log delivery service principal instead; the log
# bucket policy allows both.
data "aws_elb_service_account" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  dns_suffix = data.aws_partition.current.dns_suffix

  api_fqdn      = "${var.api_subdomain}.${var.domain_name}"
  frontend_fqdn = var.frontend_subdomain == null ? var.domain_name : "${var.frontend_subdomain}.${var.domain_name}"

  static_frontend = var.frontend_origin == "s3"
  ssr_frontend    = var.frontend_origin == "alb"
  # The host CloudFront sends SSR requests to: it resolves to the ALB and is on the ALB certificate, so the
  # https-only origin connection verifies.
  origin_fqdn = local.ssr_frontend ? "${var.origin_subdomain}.${var.domain_name}" : null
  alb_hosts   = compact([local.api_fqdn, local.origin_fqdn])

  bucket_name_suffix   = var.bucket_name_suffix == null ? "" : "-${var.bucket_name_suffix}"
  log_bucket_name      = "${var.name_prefix}-edge-logs${local.bucket_name_suffix}"
  frontend_bucket_name = "${var.name_prefix}-frontend${local.bucket_name_suffix}"
  # Built from the names rather than read from the buckets, so the bucket policies are known at plan time.
  log_bucket_arn      = "arn:${local.partition}:s3:::${local.log_bucket_name}"
  frontend_bucket_arn = "arn:${local.partition}:s3:::${local.frontend_bucket_name}"

  alb_log_prefix       = "alb"
  s3_access_log_prefix = "s3-access"
}

################################################################################
# Edge log bucket: ALB access logs and S3 server access logs of the frontend bucket
################################################################################

resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_145:ALB access logs and S3 server access logs can only be delivered to buckets encrypted with SSE-S3 (AWS does not support SSE-KMS for either); the deviation from the project CMK rule is limited to this log bucket.
  #checkov:skip=CKV_C04_001:ALB access logs and S3 server access logs can only be delivered to buckets encrypted with SSE-S3 (AWS does not support SSE-KMS for either); the deviation from the project CMK rule is limited to this log bucket.
  #checkov:skip=CKV_AWS_18:This is the log bucket itself; logging its own access into itself would loop.
  #checkov:skip=CKV_AWS_144:Cross-region replication of access logs is a DR choice of the environment (needs a second region); versioning is on, so it can be added.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to new log objects; event notifications belong to a consumer that does.
  bucket        = local.log_bucket_name
  force_destroy = var.force_destroy

  tags = merge(var.tags, { DataClass = "logs" })
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  #checkov:skip=CKV2_AWS_67:SSE-S3 on purpose: ALB and S3 server access log delivery does not support SSE-KMS, so there is no customer key to rotate.
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  # S3's default for new configurations and what the emulator returns, pinned so it is not left implicit.
  transition_default_minimum_object_size = "all_storage_classes_128K"

  rule {
    id     = "logs-retention"
    status = "Enabled"

    filter {}

    # The retention of the logs data class (policies/data_classes.yaml, checked by CKV_C04_003).
    expiration {
      days = 400
    }

    noncurrent_version_expiration {
      noncurrent_days = var.log_noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.logs]
}

data "aws_iam_policy_document" "logs" {
  # First: the emulator (moto 5.2.5) answers PutBucketLogging with a 500 when a statement with the
  # principal "*" comes before the one that lets the logging service write. Order does not matter to AWS.
  dynamic "statement" {
    for_each = local.static_frontend ? [1] : []

    content {
      sid       = "S3ServerAccessLogsOfTheFrontendBucket"
      effect    = "Allow"
      actions   = ["s3:PutObject"]
      resources = ["${local.log_bucket_arn}/${local.s3_access_log_prefix}/${local.frontend_bucket_name}/*"]

      principals {
        type        = "Service"
        identifiers = ["logging.s3.amazonaws.com"]
      }

      condition {
        test     = "ArnEquals"
        variable = "aws:SourceArn"
        values   = [local.frontend_bucket_arn]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [local.account_id]
      }
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]

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
    resources = [local.log_bucket_arn, "${local.log_bucket_arn}/*"]

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
    sid       = "AlbAccessLogsFromElbAccount"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["${local.log_bucket_arn}/${local.alb_log_prefix}/AWSLogs/${local.account_id}/*"]

    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.current.arn]
    }
  }

  statement {
    sid       = "AlbAccessLogsFromLogDeliveryService"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["${local.log_bucket_arn}/${local.alb_log_prefix}/AWSLogs/${local.account_id}/*"]

    principals {
      type        = "Service"
      identifiers = ["logdelivery.elasticloadbalancing.amazonaws.com"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs.json

  # S3 rejects concurrent PutBucketPolicy and PutPublicAccessBlock calls on the same bucket.
  depends_on = [aws_s3_bucket_public_access_block.logs]
}
