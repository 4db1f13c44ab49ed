variable "name_prefix" {
  description = "Prefix of every resource name, e.g. `acme-ci`: the roles are `<name_prefix>-<environment>-plan`, `<name_prefix>-<environment>-apply` and `<name_prefix>-ecr-push`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and end with a letter or digit, e.g. \"acme-ci\"."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource, on top of the provider's default_tags."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "github_org" {
  description = "GitHub organisation (or user) that owns the repository, exactly as in `repo:<org>/<repo>` of the OIDC subject, e.g. `acme-corp`."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", var.github_org)) && try(length(var.github_org) <= 39, false)
    error_message = "github_org must be a GitHub organisation or user name: 1-39 letters, digits or single hyphens, not starting or ending with a hyphen, e.g. \"acme-corp\" (no URL, no slash)."
  }
}

variable "github_repo" {
  description = "Name of the GitHub repository whose workflows may assume the roles, without the organisation, e.g. `platform`."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,100}$", var.github_repo)) && !contains([".", ".."], var.github_repo) && !endswith(lower(var.github_repo), ".git")
    error_message = "github_repo must be a GitHub repository name: 1-100 letters, digits, '.', '_' or '-', not \".\" or \"..\", without the organisation or a .git suffix, e.g. \"platform\"."
  }
}

variable "environments" {
  description = "Deployment environments of the repository that get a plan and an apply role. Each is a GitHub environment of the same name: the roles trust only jobs that run in it (`repo:<org>/<repo>:environment:<env>`), so protect it (required reviewers, main branch only)."
  type        = list(string)
  default     = ["hml", "prod"]
  nullable    = false

  validation {
    condition     = length(var.environments) > 0 && alltrue([for env in var.environments : contains(["hml", "prod"], env)])
    error_message = "environments must list \"hml\" and/or \"prod\", e.g. [\"hml\", \"prod\"] or [\"prod\"] for an account that holds only production."
  }

  validation {
    condition     = length(distinct(var.environments)) == length(var.environments)
    error_message = "environments must not list an environment twice."
  }
}

variable "branch" {
  description = "Branch whose workflows may push images (`repo:<org>/<repo>:ref:refs/heads/<branch>`)."
  type        = string
  default     = "main"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9._/-]{1,200}$", var.branch)) && !startswith(var.branch, "/") && !endswith(var.branch, "/") && !startswith(var.branch, "refs/") && !strcontains(var.branch, "..") && !strcontains(var.branch, "//")
    error_message = "branch must be a plain branch name such as \"main\" or \"release/1.x\": no refs/heads/ prefix, no wildcard, no leading or trailing slash, no \"..\"."
  }
}

variable "state_bucket_arn" {
  description = "ARN of the Terraform state bucket (created by envs/bootstrap), e.g. `arn:aws:s3:::acme-tfstate-111122223333`."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.state_bucket_arn))
    error_message = "state_bucket_arn must be an S3 bucket ARN such as \"arn:aws:s3:::acme-tfstate-111122223333\" (not a bucket name or an object ARN)."
  }
}

variable "state_key_prefix" {
  description = "Key prefix of the state objects: environment `<env>` keeps its state at `<state_key_prefix>/<env>/terraform.tfstate` (the `key` of its backend.hcl) and its lock at the same key + `.tflock`."
  type        = string
  default     = "platform"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$", var.state_key_prefix))
    error_message = "state_key_prefix must be one or more path segments of letters, digits, '_' or '-' separated by single slashes, without a leading or trailing slash or wildcard, e.g. \"platform\"."
  }
}

variable "state_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the state bucket (SSE-KMS): the roles may decrypt the state and encrypt the state and the lock file with it."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.state_kms_key_arn))
    error_message = "state_kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"; pass the key's `arn` attribute, not its ID or an alias."
  }
}

variable "ecr_repository_arns" {
  description = "ECR repositories the push role may push to (and nothing else). Empty (default) creates no push role."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.ecr_repository_arns : can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/[a-z0-9]+([._/-][a-z0-9]+)*$", arn))])
    error_message = "Each ecr_repository_arns entry must be an ECR repository ARN such as \"arn:aws:ecr:eu-west-1:111122223333:repository/acme-hml-api\"; no wildcard, no repository URL."
  }
}

variable "oidc_thumbprints" {
  description = "SHA-1 thumbprints of the certificate chain of token.actions.githubusercontent.com. AWS validates GitHub's tokens against its own trusted CAs and ignores them, but the IAM API still stores at least one; the defaults are the two intermediate thumbprints GitHub published (2022 and 2023)."
  type        = list(string)
  default     = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
  nullable    = false

  validation {
    condition     = length(var.oidc_thumbprints) >= 1 && length(var.oidc_thumbprints) <= 5 && alltrue([for thumbprint in var.oidc_thumbprints : can(regex("^[0-9a-f]{40}$", thumbprint))])
    error_message = "oidc_thumbprints must hold 1 to 5 SHA-1 thumbprints of 40 lowercase hexadecimal characters, e.g. [\"6938fd4d98bab03faadb97b34396831e3780aea1\"]."
  }
}

variable "existing_oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider when the account already has one (IAM allows one provider per URL and account); null (default) creates it."
  type        = string
  default     = null

  validation {
    condition     = var.existing_oidc_provider_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$", var.existing_oidc_provider_arn))
    error_message = "existing_oidc_provider_arn must be the ARN of the GitHub OIDC provider, \"arn:aws:iam::<account-id>:oidc-provider/token.actions.githubusercontent.com\"; pass null to create it."
  }
}

variable "apply_role_policy_arns" {
  description = "Managed policies of the apply roles. Null (default) attaches AdministratorAccess: the apply role creates IAM roles, KMS keys, networks, clusters and databases, which no narrower AWS policy covers; the permissions boundary (apply_role_permissions_boundary_arn) then takes away what an apply must never do."
  type        = list(string)
  default     = null

  validation {
    condition     = var.apply_role_policy_arns == null || try(length(var.apply_role_policy_arns) > 0 && length(distinct(var.apply_role_policy_arns)) == length(var.apply_role_policy_arns) && alltrue([for arn in var.apply_role_policy_arns : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", arn))]), false)
    error_message = "apply_role_policy_arns must be null (AdministratorAccess) or a non-empty list of distinct IAM managed policy ARNs such as \"arn:aws:iam::aws:policy/PowerUserAccess\"."
  }
}

variable "apply_role_permissions_boundary_arn" {
  description = "Permissions boundary of the apply roles. Null (default) creates `<name_prefix>-apply-boundary`, which allows everything the role's policies allow except changing the CI roles, the OIDC provider and the boundary, tampering with the state bucket and its key, and creating IAM users or access keys."
  type        = string
  default     = null

  validation {
    condition     = var.apply_role_permissions_boundary_arn == null || can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", var.apply_role_permissions_boundary_arn))
    error_message = "apply_role_permissions_boundary_arn must be an IAM managed policy ARN such as \"arn:aws:iam::111122223333:policy/ci-boundary\"; pass null for the module's boundary."
  }
}

variable "max_session_duration_seconds" {
  description = "Longest session of the roles, in seconds: keep it above the longest plan or apply (an Aurora or EKS creation takes 15-30 minutes)."
  type        = number
  default     = 3600
  nullable    = false

  validation {
    condition     = var.max_session_duration_seconds >= 3600 && var.max_session_duration_seconds <= 43200 && floor(var.max_session_duration_seconds) == var.max_session_duration_seconds
    error_message = "max_session_duration_seconds must be a whole number from 3600 to 43200 (IAM limits), e.g. 7200."
  }
}
