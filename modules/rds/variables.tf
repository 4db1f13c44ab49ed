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

variable "subnet_ids" {
  description = "IDs of the isolated database subnets for the DB subnet group, in at least two Availability Zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && length(distinct(var.subnet_ids)) == length(var.subnet_ids)
    error_message = "Pass at least two distinct subnet IDs (the isolated database subnets, one per Availability Zone): Aurora needs a subnet group that spans two AZs."
  }

  validation {
    condition     = alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])
    error_message = "Every element of subnet_ids must be a subnet ID such as \"subnet-0123456789abcdef0\"."
  }
}

variable "vpc_security_group_ids" {
  description = "IDs of the security groups attached to the cluster (they should allow 5432 only from the application tiers)."
  type        = list(string)

  validation {
    condition     = length(var.vpc_security_group_ids) >= 1 && alltrue([for id in var.vpc_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", id))])
    error_message = "Pass at least one security group ID such as \"sg-0123456789abcdef0\"; without one the cluster would get the VPC default group."
  }
}

variable "kms_key_arn" {
  description = "ARN of the project CMK: encrypts the storage, the master user secret, Performance Insights and the PostgreSQL log group."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]{36}$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<uuid>); an alias ARN or key ID is not accepted."
  }
}

variable "engine_version" {
  description = "Aurora PostgreSQL engine version. Only current minor versions of 15, 16 and 17 are accepted (all support Serverless v2 scale-to-zero)."
  type        = string
  default     = "16.8"

  validation {
    condition = contains([
      "15.7", "15.8", "15.10", "15.12", "15.13", "15.14",
      "16.3", "16.4", "16.6", "16.8", "16.9", "16.10",
      "17.4", "17.5", "17.6",
    ], var.engine_version)
    error_message = "engine_version must be a current Aurora PostgreSQL version: 15.7, 15.8, 15.10, 15.12, 15.13, 15.14, 16.3, 16.4, 16.6, 16.8, 16.9, 16.10, 17.4, 17.5 or 17.6 (check `aws rds describe-db-engine-versions --engine aurora-postgresql` and extend the list for newer releases)."
  }
}

variable "instance_class" {
  description = "Instance class of the cluster instances. Ignored (db.serverless is used) when serverless_v2 is set; \"db.serverless\" itself is only valid together with serverless_v2."
  type        = string
  default     = "db.r6g.large"

  validation {
    condition     = can(regex("^db\\.(serverless|[a-z0-9-]+\\.[a-z0-9]+)$", var.instance_class))
    error_message = "instance_class must be an RDS instance class such as \"db.r6g.large\" or \"db.r7g.xlarge\" (or \"db.serverless\" together with serverless_v2)."
  }
}

variable "instance_count" {
  description = "Number of cluster instances (one writer, the others readers that can be promoted)."
  type        = number
  default     = 2

  validation {
    condition     = var.instance_count >= 2 && var.instance_count <= 16 && floor(var.instance_count) == var.instance_count
    error_message = "instance_count must be a whole number from 2 to 16: multi-AZ needs two instances (a writer and a reader in another AZ to fail over to)."
  }
}

variable "availability_zones" {
  description = "Availability Zones the instances are spread over round-robin (instance i goes to availability_zones[i % n]). Empty lets AWS place them."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.availability_zones) != 1 && length(distinct(var.availability_zones)) == length(var.availability_zones)
    error_message = "Pass either no Availability Zone (AWS places the instances) or at least two distinct ones: a single AZ would put every instance in the same failure domain."
  }

  validation {
    condition     = alltrue([for az in var.availability_zones : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", az))])
    error_message = "Every element of availability_zones must be an AZ name such as \"eu-west-1a\" (not an AZ ID such as \"euw1-az1\")."
  }
}

variable "port" {
  description = "Port the cluster listens on."
  type        = number
  default     = 5432

  validation {
    condition     = var.port >= 1150 && var.port <= 65535 && floor(var.port) == var.port
    error_message = "port must be a whole number from 1150 to 65535 (RDS reserves lower ports); 5432 is the PostgreSQL default."
  }
}

variable "database_name" {
  description = "Name of the database created in the cluster."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name)) && !contains(["postgres", "template0", "template1", "rdsadmin"], var.database_name)
    error_message = "database_name must start with a lowercase letter, hold only lowercase letters, digits and underscores (max 63) and not be a reserved name (postgres, template0, template1, rdsadmin), e.g. \"platform\"."
  }
}

variable "master_username" {
  description = "Master user name. Its password is generated and rotated by RDS in Secrets Manager (manage_master_user_password)."
  type        = string
  default     = "platform_admin"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_]{0,62}$", var.master_username))
    error_message = "master_username must start with a letter and hold only letters, digits and underscores (max 63), e.g. \"platform_admin\"."
  }

  validation {
    condition     = !contains(["postgres", "admin", "root", "rdsadmin", "rds_superuser", "administrator"], lower(var.master_username))
    error_message = "master_username must not be a reserved or well-known name (postgres, admin, root, rdsadmin, rds_superuser, administrator): pick a project-specific one such as \"platform_admin\"."
  }
}

variable "backup_retention_period" {
  description = "Days automated backups (point-in-time recovery) are kept."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_period >= 7 && var.backup_retention_period <= 35 && floor(var.backup_retention_period) == var.backup_retention_period
    error_message = "backup_retention_period must be a whole number of days from 7 to 35 (use AWS Backup for longer retention)."
  }
}

variable "preferred_backup_window" {
  description = "Daily UTC backup window, e.g. \"02:00-03:00\". Null lets AWS choose one."
  type        = string
  default     = null

  validation {
    condition     = var.preferred_backup_window == null || can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_backup_window))
    error_message = "preferred_backup_window must look like \"02:00-03:00\" (UTC, hh24:mi-hh24:mi, at least 30 minutes, not overlapping the maintenance window)."
  }
}

variable "preferred_maintenance_window" {
  description = "Weekly UTC maintenance window, e.g. \"sun:04:00-sun:05:00\". Null lets AWS choose one."
  type        = string
  default     = null

  validation {
    condition     = var.preferred_maintenance_window == null || can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_maintenance_window))
    error_message = "preferred_maintenance_window must look like \"sun:04:00-sun:05:00\" (UTC, ddd:hh24:mi-ddd:hh24:mi)."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster. Turn it off explicitly (and apply) before destroying an environment."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete the cluster without a final snapshot. Keep false for any environment holding data worth keeping; the snapshot is named \"<name_prefix>-aurora-final\"."
  type        = bool
  default     = false
}

variable "apply_immediately" {
  description = "Apply modifications immediately instead of in the next maintenance window (may restart instances)."
  type        = bool
  default     = false
}

variable "allow_major_version_upgrade" {
  description = "Allow engine_version to move to another major version (a new parameter group family is created alongside)."
  type        = bool
  default     = false
}

variable "ca_cert_identifier" {
  description = "Certificate authority of the instances' server certificates."
  type        = string
  default     = "rds-ca-rsa2048-g1"

  validation {
    condition     = contains(["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"], var.ca_cert_identifier)
    error_message = "ca_cert_identifier must be one of the current RDS CAs: rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1 (rds-ca-2019 has expired)."
  }
}

variable "performance_insights_retention_period" {
  description = "Days Performance Insights data is kept: 7 (free tier), a multiple of 31 from 31 to 713 (1-23 months), or 731 (2 years)."
  type        = number
  default     = 7

  validation {
    condition     = contains([7, 731], var.performance_insights_retention_period) || (var.performance_insights_retention_period % 31 == 0 && var.performance_insights_retention_period >= 31 && var.performance_insights_retention_period <= 713)
    error_message = "performance_insights_retention_period must be 7, a multiple of 31 from 31 to 713 (e.g. 31, 93, 372) or 731: the values RDS accepts."
  }
}

variable "monitoring_interval" {
  description = "Enhanced Monitoring interval in seconds; 0 disables it. When > 0 the module creates the monitoring role."
  type        = number
  default     = 60

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.monitoring_interval)
    error_message = "monitoring_interval must be one of 0 (off), 1, 5, 10, 15, 30 or 60 seconds."
  }
}

variable "log_min_duration_statement_ms" {
  description = "Statements running at least this many milliseconds are logged (log_min_duration_statement); -1 turns it off."
  type        = number
  default     = 1000

  validation {
    condition     = var.log_min_duration_statement_ms >= -1 && floor(var.log_min_duration_statement_ms) == var.log_min_duration_statement_ms
    error_message = "log_min_duration_statement_ms must be a whole number of milliseconds >= 0, or -1 to turn slow-statement logging off."
  }
}

variable "log_statement" {
  description = "Which statements PostgreSQL logs (log_statement)."
  type        = string
  default     = "ddl"

  validation {
    condition     = contains(["none", "ddl", "mod", "all"], var.log_statement)
    error_message = "log_statement must be one of none, ddl, mod or all (\"ddl\" audits schema changes without logging data)."
  }
}

variable "cluster_parameters" {
  description = "Extra cluster parameters added to the module's (rds.force_ssl, log_statement, log_min_duration_statement, log_connections and log_disconnections are set by the module)."
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "immediate")
  }))
  default = []

  validation {
    condition     = alltrue([for p in var.cluster_parameters : contains(["immediate", "pending-reboot"], p.apply_method)])
    error_message = "apply_method of every cluster parameter must be \"immediate\" or \"pending-reboot\" (static parameters need \"pending-reboot\")."
  }

  validation {
    condition     = length(setintersection([for p in var.cluster_parameters : p.name], ["rds.force_ssl", "log_statement", "log_min_duration_statement", "log_connections", "log_disconnections"])) == 0
    error_message = "cluster_parameters must not set rds.force_ssl (always 1), log_statement, log_min_duration_statement, log_connections or log_disconnections: use the log_statement and log_min_duration_statement_ms inputs instead."
  }

  validation {
    condition     = length(distinct([for p in var.cluster_parameters : p.name])) == length(var.cluster_parameters)
    error_message = "Each parameter name may appear only once in cluster_parameters."
  }
}

variable "log_retention_in_days" {
  description = "Days the exported PostgreSQL log (/aws/rds/cluster/<cluster>/postgresql) is kept."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a CloudWatch Logs retention value: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "serverless_v2" {
  description = "Aurora Serverless v2 capacity in ACUs. When set, every instance is db.serverless. min_capacity 0 pauses idle instances after seconds_until_auto_pause (300-86400)."
  type = object({
    min_capacity             = optional(number, 0.5)
    max_capacity             = optional(number, 8)
    seconds_until_auto_pause = optional(number)
  })
  default = null

  validation {
    condition = var.serverless_v2 == null ? true : (
      var.serverless_v2.min_capacity >= 0 && var.serverless_v2.max_capacity >= 1 && var.serverless_v2.max_capacity <= 256 &&
      var.serverless_v2.min_capacity <= var.serverless_v2.max_capacity &&
      floor(var.serverless_v2.min_capacity * 2) == var.serverless_v2.min_capacity * 2 &&
      floor(var.serverless_v2.max_capacity * 2) == var.serverless_v2.max_capacity * 2
    )
    error_message = "serverless_v2 capacities are ACUs in steps of 0.5: min_capacity from 0 to max_capacity, max_capacity from 1 to 256 (e.g. { min_capacity = 0.5, max_capacity = 8 })."
  }

  validation {
    condition = var.serverless_v2 == null ? true : (
      var.serverless_v2.min_capacity == 0
      ? try(var.serverless_v2.seconds_until_auto_pause >= 300 && var.serverless_v2.seconds_until_auto_pause <= 86400, false)
      : var.serverless_v2.seconds_until_auto_pause == null
    )
    error_message = "min_capacity = 0 means auto-pause: set seconds_until_auto_pause from 300 to 86400 with it; with min_capacity >= 0.5 leave seconds_until_auto_pause unset (instances never pause)."
  }
}
