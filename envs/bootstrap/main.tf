data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  default_tags = merge(var.tags, {
    Project     = var.project
    Environment = "shared"
    Owner       = var.owner
    ManagedBy   = "terraform"
  })

  bucket_name = coalesce(var.state_bucket_name, "${var.project}-tfstate-${local.account_id}")
  # Built from the name so that the bucket policy is known at plan time.
  bucket_arn = "arn:${local.partition}:s3:::${local.bucket_name}"

  state_keys = { for env in var.environments : env => "${var.state_key_prefix}/${env}/terraform.tfstate" }

  ecr_repository_names = coalesce(var.ecr_repository_names, flatten([
    for env in var.environments : [for image in ["frontend", "api", "batch"] : "${var.project}-${env}-${image}"]
  ]))
  enable_cicd = var.github_org != null && var.github_repo != null
}

# In a key policy "Resource": "*" means "this key". S3 uses it on behalf of callers whose IAM policies
# allow it (the CI roles, administrators): the root statement delegates to IAM.
data "aws_iam_policy_document" "state_key" {
  #checkov:skip=CKV_AWS_109:Key policy: Resource "*" is the key itself; kms:* goes to the account root only (IAM delegation, AWS default).
  #checkov:skip=CKV_AWS_111:Key policy: Resource "*" is the key itself; write actions go to the account root only.
  #checkov:skip=CKV_AWS_356:Key policy: Resource "*" is the only value a key policy accepts and designates the key itself.
  statement {
    sid       = "AccountRootFullAccess"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "state" {
  description             = "${var.project} Terraform state key"
  key_usage               = "ENCRYPT_DECRYPT"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  multi_region            = false
  policy                  = data.aws_iam_policy_document.state_key.json

  tags = { Name = "${var.project}-tfstate" }
}

resource "aws_kms_alias" "state" {
  name          = "alias/${var.project}-tfstate"
  target_key_id = aws_kms_key.state.key_id
}

resource "aws_s3_bucket" "state" {
  #checkov:skip=CKV_AWS_18:Server access logs need a log bucket, which does not exist before this root; object-level access to the state is audited with CloudTrail data events.
  #checkov:skip=CKV_AWS_144:Cross-region replication needs a second region and key; versioning with noncurrent-version retention is the recovery path of the state.
  #checkov:skip=CKV2_AWS_62:Nothing reacts to state writes; event notifications have no consumer.
  #checkov:skip=CKV_C04_003:Terraform state never expires: it lives as long as its environment; only noncurrent versions expire (noncurrent_version_retention_days), and policies/data_classes.yaml has no class without expiry.
  bucket = local.bucket_name

  tags = { DataClass = "terraform-state" }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket = aws_s3_bucket.state.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.state.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  # S3's default for new configurations and what the emulator returns, pinned so it is not left implicit.
  transition_default_minimum_object_size = "all_storage_classes_128K"

  # Current state versions never expire; every write leaves the previous version as a noncurrent one.
  rule {
    id     = "state-history"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_retention_days
    }

    # Every lock leaves a delete marker on the .tflock key; once its versions expire the marker goes too.
    expiration {
      expired_object_delete_marker = true
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.state]
}

data "aws_iam_policy_document" "state_bucket" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [local.bucket_arn, "${local.bucket_arn}/*"]

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
    resources = [local.bucket_arn, "${local.bucket_arn}/*"]

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

  # A write without an encryption header gets the bucket default (SSE-KMS with the state key); a header
  # that asks for anything else, e.g. the AES256 the S3 backend sends when `encrypt = true` comes without
  # `kms_key_id`, is refused: the printed backend.hcl sets kms_key_id.
  statement {
    sid       = "DenyWrongEncryptionHeader"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/*"]

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

  statement {
    sid       = "DenyWrongKmsKey"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${local.bucket_arn}/*"]

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
      values   = [aws_kms_key.state.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state_bucket.json

  # S3 rejects concurrent PutBucketPolicy and PutPublicAccessBlock calls on the same bucket.
  depends_on = [aws_s3_bucket_public_access_block.state]
}

module "cicd" {
  #checkov:skip=CKV_C04_047:False positive of the HCL tier on a module called with count: it does not find this root's provider default_tags (Project, Environment, Owner) for module.cicd[0]; test_bootstrap asserts them on every planned tags_all.
  source = "../../modules/cicd"
  count  = local.enable_cicd ? 1 : 0

  name_prefix                = "${var.project}-ci"
  github_org                 = var.github_org
  github_repo                = var.github_repo
  branch                     = var.github_branch
  environments               = var.environments
  existing_oidc_provider_arn = var.existing_oidc_provider_arn
  state_bucket_arn           = local.bucket_arn
  state_key_prefix           = var.state_key_prefix
  state_kms_key_arn          = aws_kms_key.state.arn
  ecr_repository_arns        = [for name in local.ecr_repository_names : "arn:${local.partition}:ecr:${var.region}:${local.account_id}:repository/${name}"]
}
