variable "region" {
  description = "AWS region of the state bucket (the `region` of every backend.hcl), e.g. `eu-west-1`."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as \"eu-west-1\" or \"us-east-1\"."
  }
}

variable "allowed_account_ids" {
  description = "The only AWS account this root may be applied to (run it once per account)."
  type        = list(string)

  validation {
    condition     = length(var.allowed_account_ids) == 1 && alltrue([for id in var.allowed_account_ids : can(regex("^[0-9]{12}$", id))])
    error_message = "allowed_account_ids must list exactly one 12-digit AWS account ID, e.g. [\"111122223333\"]: the bootstrap runs once per account."
  }
}

variable "project" {
  description = "Short project name, as in the environments; the state bucket defaults to `<project>-tfstate-<account id>`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.project))
    error_message = "project must be 3-20 lowercase letters, digits or hyphens, starting with a letter, e.g. \"acme\"."
  }
}

variable "owner" {
  description = "Team accountable for the state bucket and the CI roles (the `Owner` tag), e.g. `platform-team`."
  type        = string

  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must name the accountable team, e.g. \"platform-team\"."
  }
}

variable "tags" {
  description = "Extra tags for every resource, merged into the provider's default_tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "state_bucket_name" {
  description = "Name of the state bucket; null (default) uses `<project>-tfstate-<account id>`."
  type        = string
  default     = null

  validation {
    condition     = var.state_bucket_name == null || can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.state_bucket_name))
    error_message = "state_bucket_name must be 3-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit (no dots: they break TLS with virtual-hosted addressing), e.g. \"acme-tfstate-111122223333\"; pass null for the default name."
  }
}

variable "state_key_prefix" {
  description = "Key prefix of the state objects: environment `<env>` keeps its state at `<state_key_prefix>/<env>/terraform.tfstate`."
  type        = string
  default     = "platform"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.state_key_prefix))
    error_message = "state_key_prefix must be path segments of letters, digits, '_' or '-' separated by single slashes, without a leading or trailing slash, e.g. \"platform\"."
  }
}

variable "environments" {
  description = "Environments whose state lives in this account's bucket (a backend.hcl is printed for each) and that get CI roles."
  type        = list(string)
  default     = ["hml", "prod"]
  nullable    = false

  validation {
    condition     = length(var.environments) > 0 && length(distinct(var.environments)) == length(var.environments) && alltrue([for env in var.environments : contains(["hml", "prod"], env)])
    error_message = "environments must list \"hml\" and/or \"prod\", each once, e.g. [\"hml\"] in the staging account."
  }
}

variable "noncurrent_version_retention_days" {
  description = "Days an overwritten or deleted state version is kept before S3 deletes it: the window in which a broken state can be rolled back."
  type        = number
  default     = 90
  nullable    = false

  validation {
    condition     = floor(var.noncurrent_version_retention_days) == var.noncurrent_version_retention_days && var.noncurrent_version_retention_days >= 30 && var.noncurrent_version_retention_days <= 3650
    error_message = "noncurrent_version_retention_days must be a whole number from 30 to 3650, e.g. 90: shorter leaves too little time to notice and roll back a broken state."
  }
}

variable "github_org" {
  description = "GitHub organisation of the platform repository; with github_repo it enables the CI roles (modules/cicd). Null (default) creates no CI role."
  type        = string
  default     = null
}

variable "github_repo" {
  description = "GitHub repository (without the organisation) whose workflows assume the CI roles; null (default) creates no CI role."
  type        = string
  default     = null
}

variable "github_branch" {
  description = "Branch whose workflows may push images to ECR."
  type        = string
  default     = "main"
  nullable    = false
}

variable "existing_oidc_provider_arn" {
  description = "ARN of the account's GitHub OIDC provider when it already exists (one per account); null creates it."
  type        = string
  default     = null
}

variable "ecr_repository_names" {
  description = "ECR repositories the CI push role may push to, by full name. Null (default) uses the repositories modules/ecr creates for each environment with its default names: `<project>-<env>-frontend`, `-api` and `-batch`."
  type        = list(string)
  default     = null

  validation {
    condition     = var.ecr_repository_names == null || try(alltrue([for name in var.ecr_repository_names : can(regex("^[a-z0-9]+([._/-][a-z0-9]+)*$", name)) && !strcontains(name, ".amazonaws.com") && length(name) <= 256]), false)
    error_message = "ecr_repository_names must be null or full ECR repository names such as \"acme-hml-api\" (lowercase, no URL, no tag)."
  }
}
