variable "name_prefix" {
  description = "Prefix of every resource name, e.g. \"acme-hml\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen, e.g. \"acme-hml\"."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource (merged with the provider default_tags)."
  type        = map(string)
  default     = {}
}

variable "kms_key_arn" {
  description = "ARN of the project CMK: encrypts the log groups and the state machine data, and protects the S3 objects the job reads and writes. Its key policy must let CloudWatch Logs use it."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]{36}$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<uuid>); an alias ARN or key ID is not accepted."
  }
}

variable "subnet_ids" {
  description = "Private subnets the Fargate jobs run in (with a route to S3, ECR and CloudWatch Logs through NAT or VPC endpoints)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 1 && alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])
    error_message = "Pass at least one subnet ID such as \"subnet-0123456789abcdef0\" (one per AZ is recommended)."
  }
}

variable "security_group_ids" {
  description = "Security groups of the Fargate jobs (egress to the AWS endpoints only, no ingress)."
  type        = list(string)

  validation {
    condition     = length(var.security_group_ids) >= 1 && length(var.security_group_ids) <= 5 && alltrue([for id in var.security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", id))])
    error_message = "Pass one to five security group IDs such as \"sg-0123456789abcdef0\"."
  }
}

variable "enable_fargate_spot" {
  description = "Add a FARGATE_SPOT compute environment behind the FARGATE one in the job queue (Spot interruptions are retried like any other failure)."
  type        = bool
  default     = false
}

variable "max_vcpus" {
  description = "Maximum vCPUs each compute environment runs at once (caps concurrency and cost)."
  type        = number
  default     = 16

  validation {
    condition     = var.max_vcpus >= 1 && var.max_vcpus <= 4096 && floor(var.max_vcpus) == var.max_vcpus
    error_message = "max_vcpus must be a whole number from 1 to 4096, and at least job_vcpu so that one job fits."
  }
}

variable "batch_job_image" {
  description = "Container image of the worker, pinned by tag or digest, e.g. \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-hml-batch:1.4.0\". An ECR image gets pull rights on its repository only."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$", var.batch_job_image)) && !endswith(var.batch_job_image, ":latest")
    error_message = "batch_job_image must name a tag other than \"latest\" or a digest, e.g. \"<account>.dkr.ecr.<region>.amazonaws.com/<repository>:1.4.0\" or \"...@sha256:<digest>\", so that a job definition revision always runs the same code."
  }
}

variable "job_vcpu" {
  description = "vCPUs of a job. Fargate pairs each value with a fixed set of memory sizes (see job_memory)."
  type        = number
  default     = 1

  validation {
    condition     = contains([0.25, 0.5, 1, 2, 4, 8, 16], var.job_vcpu)
    error_message = "job_vcpu must be a Fargate vCPU value: 0.25, 0.5, 1, 2, 4, 8 or 16."
  }
}

variable "job_memory" {
  description = "Memory of a job in MiB. Fargate allows: 0.25 vCPU 512/1024/2048; 0.5 vCPU 1024-4096; 1 vCPU 2048-8192; 2 vCPU 4096-16384; 4 vCPU 8192-30720 (steps of 1024); 8 vCPU 16384-61440 (steps of 4096); 16 vCPU 32768-122880 (steps of 8192)."
  type        = number
  default     = 2048

  validation {
    condition     = var.job_memory >= 512 && var.job_memory <= 122880 && var.job_memory % 512 == 0
    error_message = "job_memory must be a number of MiB from 512 to 122880 matching job_vcpu (e.g. 2048 for 1 vCPU)."
  }
}

variable "job_command" {
  description = "Command of the worker container."
  type        = list(string)
  default     = ["python", "-m", "batch_worker"]

  validation {
    condition     = length(var.job_command) >= 1 && alltrue([for part in var.job_command : length(part) > 0])
    error_message = "job_command must be a non-empty list of non-empty strings, e.g. [\"python\", \"-m\", \"batch_worker\"]."
  }
}

variable "job_environment" {
  description = "Extra plain environment variables of the worker. Never secrets: pass those through job_secrets."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.job_environment) : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", name)) && !startswith(upper(name), "AWS_") && !contains(["INPUT_BUCKET", "INPUT_KEY", "RESULTS_BUCKET", "RESULTS_PREFIX"], name)])
    error_message = "job_environment names must be valid variable names, must not start with AWS_ and must not be INPUT_BUCKET, INPUT_KEY, RESULTS_BUCKET or RESULTS_PREFIX (the module and the state machine set those)."
  }

  validation {
    condition     = alltrue([for name in keys(var.job_environment) : !can(regex("(?i)(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL)", name))])
    error_message = "job_environment must not hold secrets (a name contains PASSWORD, SECRET, TOKEN, PRIVATE_KEY, ACCESS_KEY or CREDENTIAL): pass them in job_secrets as a Secrets Manager secret or SSM parameter ARN instead."
  }
}

variable "job_secrets" {
  description = "Secrets injected into the worker environment at start: variable name => ARN of a Secrets Manager secret or SSM parameter. The execution role may read exactly these."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name, arn in var.job_secrets : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", name)) && can(regex("^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:|ssm:[a-z0-9-]+:[0-9]{12}:parameter/)", arn))])
    error_message = "job_secrets must map variable names to ARNs of Secrets Manager secrets (arn:<partition>:secretsmanager:...:secret:...) or SSM parameters (arn:<partition>:ssm:...:parameter/...)."
  }
}

variable "uploads_bucket_arn" {
  description = "ARN of the uploads bucket the job reads its input object from."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.uploads_bucket_arn))
    error_message = "uploads_bucket_arn must be an S3 bucket ARN such as \"arn:aws:s3:::acme-hml-uploads\" (no object path)."
  }
}

variable "results_bucket_arn" {
  description = "ARN of the results bucket the job writes to (under results_prefix only)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.results_bucket_arn))
    error_message = "results_bucket_arn must be an S3 bucket ARN such as \"arn:aws:s3:::acme-hml-results\" (no object path)."
  }
}

variable "results_bucket_name" {
  description = "Name of the results bucket (the bucket of results_bucket_arn), passed to the worker as RESULTS_BUCKET."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.results_bucket_name))
    error_message = "results_bucket_name must be an S3 bucket name such as \"acme-hml-results\" (not an ARN or s3:// URL)."
  }
}

variable "results_prefix" {
  description = "Key prefix of the results, passed to the worker as RESULTS_PREFIX; the job may write nowhere else."
  type        = string
  default     = "results/"

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*/$", var.results_prefix))
    error_message = "results_prefix must be a non-empty key prefix that ends with \"/\" and does not start with one, e.g. \"results/\"."
  }
}

variable "job_attempts" {
  description = "Attempts of a job (Batch retry strategy). Exit code 65 (bad input) is never retried."
  type        = number
  default     = 3

  validation {
    condition     = var.job_attempts >= 1 && var.job_attempts <= 10 && floor(var.job_attempts) == var.job_attempts
    error_message = "job_attempts must be a whole number from 1 to 10."
  }
}

variable "job_attempt_timeout_seconds" {
  description = "Seconds after which Batch stops an attempt of a job."
  type        = number
  default     = 3600

  validation {
    condition     = var.job_attempt_timeout_seconds >= 60 && floor(var.job_attempt_timeout_seconds) == var.job_attempt_timeout_seconds
    error_message = "job_attempt_timeout_seconds must be a whole number of seconds, at least 60 (the Batch minimum)."
  }
}

variable "pipeline_task_timeout_seconds" {
  description = "TimeoutSeconds of the state machine task running the job; must exceed job_attempts x job_attempt_timeout_seconds. Null derives it: that product plus 15 minutes for queueing and start-up."
  type        = number
  default     = null

  validation {
    condition     = var.pipeline_task_timeout_seconds == null || try(var.pipeline_task_timeout_seconds >= 120 && var.pipeline_task_timeout_seconds <= 31536000 && floor(var.pipeline_task_timeout_seconds) == var.pipeline_task_timeout_seconds, false)
    error_message = "pipeline_task_timeout_seconds must be a whole number of seconds from 120 to 31536000 (one year, the Standard workflow limit), or null to derive it."
  }
}

variable "log_retention_in_days" {
  description = "Days the job and state machine logs are kept."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a CloudWatch Logs retention value: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}
