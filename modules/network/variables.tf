variable "name_prefix" {
  description = "Prefix of every resource name, e.g. `acme-hml`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen, e.g. \"acme-hml\"."
  }
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC, prefix /16 to /24, e.g. `10.20.0.0/16`. It is split into one public, one private and one database subnet per AZ (see the README for the address plan)."
  type        = string

  validation {
    condition = (
      can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", var.cidr_block))
      && can(cidrhost(var.cidr_block, 0))
      && try(cidrsubnet(var.cidr_block, 0, 0) == var.cidr_block, false)
      && try(tonumber(split("/", var.cidr_block)[1]) >= 16 && tonumber(split("/", var.cidr_block)[1]) <= 24, false)
    )
    error_message = "cidr_block must be an IPv4 network address with a prefix from /16 to /24 and no host bits set, e.g. \"10.20.0.0/16\" (not \"10.20.1.0/16\", not \"10.0.0.0/8\")."
  }
}

variable "azs" {
  description = "Availability Zone names to use, 2 to 4, e.g. `[\"eu-west-1a\", \"eu-west-1b\", \"eu-west-1c\"]`. Pins the zones explicitly (recommended for production); when empty, the first `az_count` zones of the region are used."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.azs) == 0 || (length(var.azs) >= 2 && length(var.azs) <= 4)
    error_message = "azs must be empty (to use az_count) or list 2 to 4 Availability Zone names; the address plan holds at most 4 AZs per tier."
  }

  validation {
    condition     = length(var.azs) == length(distinct(var.azs))
    error_message = "azs must not list a zone twice."
  }

  validation {
    condition     = alltrue([for az in var.azs : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", az))])
    error_message = "azs must hold Availability Zone names such as \"eu-west-1a\" (zone IDs like \"euw1-az1\" and Local Zones are not accepted)."
  }
}

variable "az_count" {
  description = "Number of Availability Zones to use when `azs` is empty: 2 to 4. Ignored when `azs` is set."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 4 && floor(var.az_count) == var.az_count
    error_message = "az_count must be a whole number from 2 to 4: at least 2 for high availability, at most 4 because the address plan holds 4 AZs per tier."
  }
}

variable "nat_mode" {
  description = "NAT layout for the private subnets: `per_az` (one NAT gateway per AZ, survives an AZ outage; production) or `single` (one shared NAT gateway, cheaper; non-production)."
  type        = string
  default     = "per_az"

  validation {
    condition     = contains(["single", "per_az"], var.nat_mode)
    error_message = "nat_mode must be \"per_az\" (one NAT gateway per AZ) or \"single\" (one NAT gateway shared by all AZs)."
  }
}

variable "kms_key_arn" {
  description = "ARN of the project customer-managed KMS key that encrypts the flow log group (its key policy must allow the CloudWatch Logs service principal)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" (an alias ARN or a key ID is not accepted by CloudWatch Logs)."
  }
}

variable "flow_log_retention_days" {
  description = "Retention of the VPC flow log group, in days (one of the values CloudWatch Logs accepts)."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 (the policy pack expects at least 365). Never-expire (0) is not offered: set a retention."
  }
}

variable "interface_endpoints" {
  description = "AWS services that get an interface VPC endpoint in the private subnets (private DNS on, HTTPS from the VPC only). Allowed: `ecr.api`, `ecr.dkr`, `logs`, `sts`, `secretsmanager`, `states`."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for service in var.interface_endpoints : contains(["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager", "states"], service)])
    error_message = "interface_endpoints accepts only \"ecr.api\", \"ecr.dkr\", \"logs\", \"sts\", \"secretsmanager\" and \"states\"; remove any other entry (S3 always has a gateway endpoint)."
  }

  validation {
    condition     = length(var.interface_endpoints) == length(distinct(var.interface_endpoints))
    error_message = "interface_endpoints must not list a service twice."
  }
}

variable "alb_ingress_cidrs" {
  description = "IPv4 CIDRs allowed to reach the ALB on 443 and 80 (80 only serves the HTTP to HTTPS redirect). Narrow it for an internal ALB."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.alb_ingress_cidrs) > 0
    error_message = "alb_ingress_cidrs must hold at least one CIDR, e.g. [\"0.0.0.0/0\"] for an internet-facing ALB or the corporate range for an internal one."
  }

  validation {
    condition     = alltrue([for cidr in var.alb_ingress_cidrs : can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", cidr)) && can(cidrhost(cidr, 0))])
    error_message = "alb_ingress_cidrs must hold IPv4 CIDRs such as \"0.0.0.0/0\" or \"203.0.113.0/24\"."
  }
}

variable "alb_target_port_range" {
  description = "TCP port range the ALB may reach in the VPC and the EKS nodes accept from the ALB (container/NodePort ports of the targets)."
  type = object({
    from_port = optional(number, 1024)
    to_port   = optional(number, 65535)
  })
  default = {}

  validation {
    condition = (
      var.alb_target_port_range.from_port >= 1 && var.alb_target_port_range.to_port <= 65535
      && var.alb_target_port_range.from_port <= var.alb_target_port_range.to_port
    )
    error_message = "alb_target_port_range needs 1 <= from_port <= to_port <= 65535, e.g. { from_port = 8080, to_port = 8080 }."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource (merged with the provider's default_tags)."
  type        = map(string)
  default     = {}
}
