variable "name_prefix" {
  description = "Prefix of every resource name, e.g. `acme-hml`; the key alias is `alias/<name_prefix>`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen, e.g. \"acme-hml\"."
  }
}

variable "description" {
  description = "Description of the key; null uses \"<name_prefix> project customer-managed key\"."
  type        = string
  default     = null

  validation {
    condition     = var.description == null || try(length(var.description) <= 8192, false)
    error_message = "description must be at most 8192 characters (AWS KMS limit); pass a shorter text or null."
  }
}

variable "deletion_window_in_days" {
  description = "Days AWS KMS waits before deleting the key once deletion is scheduled. Only 30, the AWS maximum, is accepted."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days == 30
    error_message = "deletion_window_in_days must be 30. AWS accepts 7-30; this project requires the maximum so that a key scheduled for deletion by mistake (which makes every S3 object, log group, database and secret encrypted with it unreadable) can be recovered with CancelKeyDeletion for as long as possible."
  }
}

variable "key_administrator_arns" {
  description = "IAM principal ARNs (roles/users) that may administer the key (describe, enable/disable, rotation, tags, aliases, policy, schedule/cancel deletion) without being able to use it for cryptography. The account root always has full access through IAM policies."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.key_administrator_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/.+$", arn))])
    error_message = "key_administrator_arns must hold IAM role or user ARNs such as \"arn:aws:iam::111122223333:role/platform-admin\"; wildcards and account roots are not accepted."
  }
}

variable "key_user_arns" {
  description = "Extra IAM principal ARNs (roles/users, possibly in other accounts) allowed to use the key directly: Encrypt, Decrypt, ReEncrypt, GenerateDataKey and DescribeKey. Principals of this account that use the key through the supported AWS services need no entry here."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.key_user_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/.+$", arn))])
    error_message = "key_user_arns must hold IAM role or user ARNs such as \"arn:aws:iam::111122223333:role/batch-job\"; wildcards and account roots are not accepted."
  }
}

variable "via_services" {
  description = "AWS services through which principals of this account may use the key (`kms:ViaService` = `<service>.<region>.<dns suffix>` and `kms:CallerAccount` = this account). `ec2` covers EBS volumes of Batch and EKS nodes, `eks` the envelope encryption of Kubernetes secrets, `rds` the database storage and Performance Insights. CloudWatch Logs is always allowed through its service principal, scoped to this account's log groups."
  type        = list(string)
  default     = ["ec2", "ecr", "eks", "rds", "s3", "secretsmanager", "states"]

  validation {
    condition     = alltrue([for service in var.via_services : contains(["ec2", "ecr", "eks", "rds", "s3", "secretsmanager", "states"], service)])
    error_message = "via_services accepts only \"ec2\", \"ecr\", \"eks\", \"rds\", \"s3\", \"secretsmanager\" and \"states\"; remove any other entry."
  }

  validation {
    condition     = length(var.via_services) == length(distinct(var.via_services))
    error_message = "via_services must not list a service twice."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource (merged with the provider's default_tags)."
  type        = map(string)
  default     = {}
}
