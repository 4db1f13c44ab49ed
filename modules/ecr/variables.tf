variable "name_prefix" {
  description = "Prefix of every resource name (project and environment), e.g. `acme-hml`. Repositories are named `<name_prefix>-<repository name>`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and end with a letter or digit, e.g. \"acme-hml\"."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource, on top of the provider's default_tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "kms_key_arn" {
  description = "ARN of the project KMS key (CMK) that encrypts the repositories. Encryption cannot be changed after a repository is created."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"; pass the key's `arn` attribute, not its ID or an alias."
  }
}

variable "repository_names" {
  description = "Short names of the repositories to create, one per image; each becomes `<name_prefix>-<name>`."
  type        = list(string)
  default     = ["frontend", "api", "batch"]
  nullable    = false

  validation {
    condition     = length(var.repository_names) > 0
    error_message = "repository_names must name at least one repository, e.g. [\"api\"]."
  }

  validation {
    condition = alltrue([
      for name in var.repository_names : can(regex("^[a-z0-9]+([._-][a-z0-9]+)*$", name)) && length(name) <= 64
    ])
    error_message = "Each repository_names entry must be 1-64 lowercase letters and digits, optionally separated by single '.', '_' or '-' (no '/', no prefix: the module adds name_prefix), e.g. \"api\"."
  }

  validation {
    condition     = length(distinct(var.repository_names)) == length(var.repository_names)
    error_message = "repository_names must not contain duplicates."
  }
}

variable "untagged_image_expiry_days" {
  description = "Days after push at which untagged images (superseded layers, failed builds) are expired by the lifecycle policy."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = floor(var.untagged_image_expiry_days) == var.untagged_image_expiry_days && var.untagged_image_expiry_days >= 1 && var.untagged_image_expiry_days <= 365
    error_message = "untagged_image_expiry_days must be a whole number from 1 to 365, e.g. 7."
  }
}

variable "tagged_images_to_keep" {
  description = "Number of most recently pushed tagged images kept per repository; older tagged images are expired by the lifecycle policy. Keep it above the number of releases you may need to roll back to."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = floor(var.tagged_images_to_keep) == var.tagged_images_to_keep && var.tagged_images_to_keep >= 1 && var.tagged_images_to_keep <= 1000
    error_message = "tagged_images_to_keep must be a whole number from 1 to 1000, e.g. 30."
  }
}

variable "push_principal_arns" {
  description = "IAM role ARNs (typically CI roles) allowed to push images to every repository through the repository policy. They also need `ecr:GetAuthorizationToken` in their own IAM policy. No repository policy is created when this and `pull_principal_arns` are both empty."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition = alltrue([
      for arn in var.push_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", arn))
    ])
    error_message = "Each push_principal_arns entry must be an IAM role ARN such as \"arn:aws:iam::123456789012:role/ci-push\"; not a wildcard, user or account root."
  }
}

variable "pull_principal_arns" {
  description = "IAM principal ARNs allowed to pull images from every repository through the repository policy: role ARNs, or `arn:aws:iam::<account-id>:root` to delegate to another account's IAM policies. Same-account principals can rely on their IAM policies instead."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition = alltrue([
      for arn in var.pull_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/[A-Za-z0-9+=,.@_/-]+)$", arn))
    ])
    error_message = "Each pull_principal_arns entry must be an IAM role ARN (\"arn:aws:iam::123456789012:role/batch-execution\") or an account root ARN (\"arn:aws:iam::123456789012:root\"); wildcards are not allowed."
  }
}

variable "force_delete" {
  description = "Allow Terraform to delete repositories that still contain images. Keep false for any environment that runs real workloads."
  type        = bool
  default     = false
  nullable    = false
}
