variable "name_prefix" {
  description = "Prefix of every resource name (project and environment), e.g. `acme-hml`. The buckets are named `<name_prefix>-uploads` and `<name_prefix>-results`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and end with a letter or digit, e.g. \"acme-hml\"."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource, on top of the provider's default_tags. The module sets `DataClass` itself."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "kms_key_arn" {
  description = "ARN of the project KMS key (CMK) used for SSE-KMS on both buckets. Writers that send `x-amz-server-side-encryption-aws-kms-key-id` must send exactly this ARN."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"; pass the key's `arn` attribute, not its ID or an alias."
  }
}

variable "bucket_name_suffix" {
  description = "Optional suffix that makes the bucket names globally unique: the buckets become `<name_prefix>-uploads-<suffix>` and `<name_prefix>-results-<suffix>`. Typically the account ID, or `<account-id>-<region>`. Null (default) adds no suffix."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_name_suffix == null || can(regex("^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$", var.bucket_name_suffix))
    error_message = "bucket_name_suffix must be 1-22 lowercase letters, digits or hyphens, starting and ending with a letter or digit (e.g. \"123456789012\" or \"123456789012-eu-west-1\"), so that bucket names stay within S3's 63 characters; pass null for no suffix."
  }
}

variable "results_transition_days" {
  description = "Age in days at which current objects in the results bucket move to STANDARD_IA and then to GLACIER_IR. Results always expire after 1825 days (5 years); that retention is fixed by the data class and is not configurable."
  type        = object({ standard_ia = optional(number, 30), glacier_ir = optional(number, 90) })
  default     = {}
  nullable    = false

  validation {
    condition = (
      floor(var.results_transition_days.standard_ia) == var.results_transition_days.standard_ia &&
      floor(var.results_transition_days.glacier_ir) == var.results_transition_days.glacier_ir
    )
    error_message = "results_transition_days.standard_ia and .glacier_ir must be whole numbers of days."
  }

  validation {
    condition     = var.results_transition_days.standard_ia >= 30
    error_message = "results_transition_days.standard_ia must be at least 30: S3 does not transition objects to STANDARD_IA before they are 30 days old."
  }

  validation {
    condition     = var.results_transition_days.glacier_ir >= var.results_transition_days.standard_ia + 30
    error_message = "results_transition_days.glacier_ir must be at least 30 days after .standard_ia: S3 requires objects to stay 30 days in STANDARD_IA before a further transition."
  }

  # 1825 is the fixed results retention (local.data_classes.results); GLACIER_IR bills a 90-day minimum.
  validation {
    condition     = var.results_transition_days.glacier_ir <= 1825 - 90
    error_message = "results_transition_days.glacier_ir must be at most 1735 (results expire at 1825 days and GLACIER_IR bills a 90-day minimum storage duration), e.g. 90."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days a noncurrent (overwritten or deleted) object version is kept before it is permanently deleted, in both buckets."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = floor(var.noncurrent_version_expiration_days) == var.noncurrent_version_expiration_days && var.noncurrent_version_expiration_days >= 1 && var.noncurrent_version_expiration_days <= 365
    error_message = "noncurrent_version_expiration_days must be a whole number from 1 to 365 (noncurrent versions must not outlive the uploads retention of 365 days), e.g. 30."
  }
}

variable "cors_allowed_origins" {
  description = "Browser origins allowed to upload to the uploads bucket with presigned PUT/POST requests, e.g. `[\"https://app.example.com\"]`. Empty (default) creates no CORS configuration."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition = alltrue([
      for origin in var.cors_allowed_origins :
      can(regex("^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$", origin))
    ])
    error_message = "Each cors_allowed_origins entry must be an https origin in lowercase with no path, trailing slash or wildcard, e.g. \"https://app.example.com\" or \"https://app.example.com:8443\"."
  }

  validation {
    condition     = length(distinct(var.cors_allowed_origins)) == length(var.cors_allowed_origins)
    error_message = "cors_allowed_origins must not contain duplicates."
  }
}

variable "access_log_bucket_name" {
  description = "Name of an existing bucket that receives S3 server access logs of both buckets (under `<bucket-name>/`). Its policy must allow the `logging.s3.amazonaws.com` service principal to write. Null (default) disables access logging."
  type        = string
  default     = null

  validation {
    condition     = var.access_log_bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.access_log_bucket_name))
    error_message = "access_log_bucket_name must be an S3 bucket name (3-63 lowercase letters, digits, dots or hyphens), not an ARN; pass null to disable access logging."
  }
}

variable "force_destroy" {
  description = "Allow Terraform to delete the buckets even when they still hold objects. Keep false for any environment that holds real data."
  type        = bool
  default     = false
  nullable    = false
}
