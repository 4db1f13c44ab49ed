locals {
  # Retention is set by the data class (records schedule), so it is deliberately not an input.
  data_classes = {
    uploads = {
      expiration_days = 365
      transitions     = []
    }
    results = {
      expiration_days = 1825
      transitions = [
        { days = var.results_transition_days.standard_ia, storage_class = "STANDARD_IA" },
        { days = var.results_transition_days.glacier_ir, storage_class = "GLACIER_IR" },
      ]
    }
  }

  bucket_name_suffix = var.bucket_name_suffix == null ? "" : "-${var.bucket_name_suffix}"
  bucket_names       = { for data_class in keys(local.data_classes) : data_class => "${var.name_prefix}-${data_class}${local.bucket_name_suffix}" }

  # Built from the names rather than read from the buckets, so the bucket policies are known at plan
  # time and the plan-JSON policy tier can inspect them.
  bucket_arns = { for data_class, name in local.bucket_names : data_class => "arn:${data.aws_partition.current.partition}:s3:::${name}" }
}

data "aws_partition" "current" {}

resource "aws_s3_bucket" "this" {
  #checkov:skip=CKV_AWS_18:Access logging is opt-in through access_log_bucket_name: the target is the environment's central log bucket, which this module does not own.
  #checkov:skip=CKV_AWS_144:Cross-region replication needs a replica bucket and key in a second region (a second provider); that DR choice belongs to the environment. Versioning is on, so it can be added.
  #checkov:skip=CKV2_AWS_62:Event notifications are owned by the consumer that reacts to them (S3 allows one notification configuration per bucket), not by this storage module.
  for_each = local.data_classes

  bucket        = local.bucket_names[each.key]
  force_destroy = var.force_destroy

  tags = merge(var.tags, { DataClass = each.key })
}

resource "aws_s3_bucket_ownership_controls" "this" {
  for_each = local.data_classes

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = local.data_classes

  bucket = aws_s3_bucket.this[each.key].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = local.data_classes

  bucket = aws_s3_bucket.this[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = local.data_classes

  bucket = aws_s3_bucket.this[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = local.data_classes

  bucket = aws_s3_bucket.this[each.key].id

  # S3's default for new configurations and what the emulator returns, pinned so it is not left implicit.
  transition_default_minimum_object_size = "all_storage_classes_128K"

  rule {
    id     = "${each.key}-retention"
    status = "Enabled"

    filter {}

    dynamic "transition" {
      for_each = each.value.transitions

      content {
        days          = transition.value.days
        storage_class = transition.value.storage_class
      }
    }

    expiration {
      days = each.value.expiration_days
    }

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  # The noncurrent-version rule relies on versioning, so it is applied once versioning is enabled.
  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_logging" "this" {
  for_each = var.access_log_bucket_name == null ? {} : local.data_classes

  bucket        = aws_s3_bucket.this[each.key].id
  target_bucket = var.access_log_bucket_name
  target_prefix = "${aws_s3_bucket.this[each.key].id}/"
}

resource "aws_s3_bucket_cors_configuration" "uploads" {
  count = length(var.cors_allowed_origins) > 0 ? 1 : 0

  bucket = aws_s3_bucket.this["uploads"].id

  cors_rule {
    allowed_methods = ["PUT", "POST"]
    allowed_origins = var.cors_allowed_origins
    # Presigned uploads sign the content and SSE headers; x-amz-* covers SSE, checksum and meta headers.
    allowed_headers = ["content-type", "content-md5", "content-disposition", "x-amz-*"]
    expose_headers  = ["ETag", "x-amz-version-id"]
    max_age_seconds = 3000
  }
}

data "aws_iam_policy_document" "bucket" {
  for_each = local.data_classes

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      local.bucket_arns[each.key],
      "${local.bucket_arns[each.key]}/*",
    ]

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
    sid     = "DenyOutdatedTls"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      local.bucket_arns[each.key],
      "${local.bucket_arns[each.key]}/*",
    ]

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

  # A request without an encryption header is not denied: the parts of a multipart upload
  # (s3:PutObject too) never carry one, and the bucket default (SSE-KMS with the CMK) encrypts them.
  # A header that asks for anything else than aws:kms is refused.
  statement {
    sid       = "DenyWrongEncryptionHeader"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arns[each.key]}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"]
    }
  }

  # Without the key-id header S3 uses the bucket default key (var.kms_key_arn), so only a key id that
  # is present and different is denied.
  statement {
    sid       = "DenyWrongKmsKey"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arns[each.key]}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Null"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = ["false"]
    }

    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [var.kms_key_arn]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = local.data_classes

  bucket = aws_s3_bucket.this[each.key].id
  policy = data.aws_iam_policy_document.bucket[each.key].json

  # S3 rejects concurrent PutBucketPolicy and PutPublicAccessBlock calls on the same bucket.
  depends_on = [aws_s3_bucket_public_access_block.this]
}
