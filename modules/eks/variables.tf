variable "name_prefix" {
  description = "Prefix of every resource name, e.g. `acme-hml`; the cluster is `<name_prefix>-eks`."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen, e.g. \"acme-hml\"."
  }
}

variable "tags" {
  description = "Tags added to every taggable resource (merged with the provider's default_tags)."
  type        = map(string)
  default     = {}
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the managed node group, e.g. `\"1.34\"`. 1.34 and 1.35 are in EKS standard support (policy CKV_C04_053); 1.33 is accepted only so that a cluster on it can be upgraded (EKS upgrades one minor version at a time). The add-on versions in `addon_versions` must be built for it."
  type        = string

  validation {
    condition     = contains(["1.33", "1.34", "1.35"], var.kubernetes_version)
    error_message = "kubernetes_version must be a minor version this module supports: \"1.33\", \"1.34\" or \"1.35\" (no patch number)."
  }
}

variable "vpc_id" {
  description = "ID of the VPC of `subnet_ids` (network module output `vpc_id`). The load balancer controller may create security groups in this VPC only."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as \"vpc-0123456789abcdef0\"."
  }
}

variable "subnet_ids" {
  description = "Private subnets of the control-plane network interfaces and of the nodes, at least two in different AZs (network module output `private_subnet_ids`)."
  type        = list(string)

  validation {
    condition     = length(distinct(var.subnet_ids)) >= 2 && length(distinct(var.subnet_ids)) == length(var.subnet_ids)
    error_message = "Pass at least two distinct private subnet IDs, one per Availability Zone: EKS requires subnets in two AZs."
  }

  validation {
    condition     = alltrue([for id in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", id))])
    error_message = "Every element of subnet_ids must be a subnet ID such as \"subnet-0123456789abcdef0\"."
  }
}

variable "node_security_group_ids" {
  description = "Security groups of the nodes and pods (network module output `eks_nodes_security_group_id`). The module adds the control-plane rules: HTTPS from these groups to the cluster security group, and HTTPS plus 1025-65535 from the cluster security group to these groups."
  type        = list(string)

  validation {
    condition     = length(var.node_security_group_ids) >= 1 && length(var.node_security_group_ids) <= 5 && alltrue([for id in var.node_security_group_ids : can(regex("^sg-[0-9a-f]{8,17}$", id))])
    error_message = "Pass one to five security group IDs such as \"sg-0123456789abcdef0\" (a network interface takes at most five)."
  }
}

variable "endpoint_public_access_cidrs" {
  description = "IPv4 CIDRs allowed to reach the public endpoint of the Kubernetes API. Empty (default) keeps the endpoint private-only; the private endpoint is always on."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.endpoint_public_access_cidrs : can(regex("^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$", cidr)) && try(cidrsubnet(cidr, 0, 0) == cidr, false)])
    error_message = "endpoint_public_access_cidrs must hold IPv4 network CIDRs without host bits, such as \"203.0.113.0/24\" or \"198.51.100.7/32\"."
  }

  validation {
    condition     = alltrue([for cidr in var.endpoint_public_access_cidrs : !endswith(cidr, "/0")])
    error_message = "endpoint_public_access_cidrs must not open the API to the whole internet (a /0 such as \"0.0.0.0/0\"): list the office or VPN egress CIDRs, or leave it empty for a private-only endpoint."
  }
}

variable "kms_key_arn" {
  description = "ARN of the project CMK: envelope encryption of Kubernetes secrets, the control-plane log group and the node root volumes. Its key policy must let this account use it through EKS and EC2 and let CloudWatch Logs use it (modules/kms does)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN such as \"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\" (EKS rejects an alias ARN or a key ID)."
  }
}

variable "cluster_log_types" {
  description = "Control-plane log types sent to `/aws/eks/<cluster>/cluster`. `api`, `audit` and `authenticator` are mandatory; the default adds `controllerManager` and `scheduler`."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  validation {
    condition     = alltrue([for type in var.cluster_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], type)])
    error_message = "cluster_log_types accepts only \"api\", \"audit\", \"authenticator\", \"controllerManager\" and \"scheduler\"."
  }

  validation {
    condition     = length(setsubtract(["api", "audit", "authenticator"], var.cluster_log_types)) == 0
    error_message = "cluster_log_types must include \"api\", \"audit\" and \"authenticator\": they record who called the Kubernetes API and how they authenticated."
  }

  validation {
    condition     = length(var.cluster_log_types) == length(distinct(var.cluster_log_types))
    error_message = "cluster_log_types must not list a log type twice."
  }
}

variable "log_retention_in_days" {
  description = "Days the control-plane logs are kept."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a CloudWatch Logs retention value: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "cluster_admin_role_arn" {
  description = "IAM role that administers the cluster: an EKS access entry with AmazonEKSClusterAdminPolicy on the whole cluster. The cluster creator gets no implicit access."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", var.cluster_admin_role_arn))
    error_message = "cluster_admin_role_arn must be an IAM role ARN such as \"arn:aws:iam::111122223333:role/platform-admin\" (not a user, an assumed-role session or a wildcard)."
  }
}

variable "node_architecture" {
  description = "CPU architecture of the nodes: `x86_64` (AL2023_x86_64_STANDARD AMI) or `arm64` (AL2023_ARM_64_STANDARD, Graviton instance types)."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.node_architecture)
    error_message = "node_architecture must be \"x86_64\" or \"arm64\"."
  }
}

variable "node_group" {
  description = "Instance types and sizes of the managed node group. The cluster autoscaler moves the desired size between min_size and max_size; Terraform sets it only at creation."
  type = object({
    instance_types = list(string)
    min_size       = number
    desired_size   = number
    max_size       = number
  })
  default = {
    instance_types = ["t3.large"]
    min_size       = 2
    desired_size   = 2
    max_size       = 4
  }

  validation {
    condition = alltrue([for size in [var.node_group.min_size, var.node_group.desired_size, var.node_group.max_size] : floor(size) == size]) && (
      var.node_group.min_size >= 1 && var.node_group.min_size <= var.node_group.desired_size && var.node_group.desired_size <= var.node_group.max_size && var.node_group.max_size <= 100
    )
    error_message = "node_group sizes must be whole numbers with 1 <= min_size <= desired_size <= max_size <= 100, e.g. { min_size = 2, desired_size = 3, max_size = 6 }."
  }

  validation {
    condition     = length(var.node_group.instance_types) >= 1 && length(var.node_group.instance_types) <= 20 && alltrue([for type in var.node_group.instance_types : can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", type))])
    error_message = "node_group.instance_types must list 1 to 20 EC2 instance types such as \"t3.large\" or \"m7g.xlarge\"."
  }
}

variable "node_disk_size_gib" {
  description = "Size of the encrypted gp3 root volume of each node, in GiB (images and container layers live there)."
  type        = number
  default     = 50

  validation {
    condition     = var.node_disk_size_gib >= 20 && var.node_disk_size_gib <= 1000 && floor(var.node_disk_size_gib) == var.node_disk_size_gib
    error_message = "node_disk_size_gib must be a whole number of GiB from 20 (the AL2023 image needs it) to 1000."
  }
}

variable "node_metadata_hop_limit" {
  description = "Hop limit of the IMDSv2 token responses on the nodes: 1 (default) keeps pods off the node's instance metadata and role; 2 lets pods reach IMDS (only for workloads that cannot use IRSA)."
  type        = number
  default     = 1

  validation {
    condition     = contains([1, 2], var.node_metadata_hop_limit)
    error_message = "node_metadata_hop_limit must be 1 (pods cannot reach the instance metadata, recommended) or 2."
  }
}

variable "oidc_thumbprints" {
  description = "SHA-1 thumbprints of the CA of the cluster's OIDC issuer, for the IAM OIDC provider of IRSA. IAM verifies EKS issuers with its own trusted CAs, so the default (the root CA of oidc.eks.<region>.amazonaws.com) is only recorded."
  type        = list(string)
  default     = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]

  validation {
    condition     = length(var.oidc_thumbprints) >= 1 && length(var.oidc_thumbprints) <= 5 && alltrue([for thumbprint in var.oidc_thumbprints : can(regex("^[0-9a-f]{40}$", thumbprint))])
    error_message = "oidc_thumbprints must list 1 to 5 SHA-1 thumbprints of 40 lowercase hexadecimal characters, e.g. \"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"."
  }
}

variable "addon_versions" {
  description = "Version of each managed add-on, e.g. `{ vpc-cni = \"v1.20.4-eksbuild.1\", kube-proxy = \"v1.34.1-eksbuild.2\", ... }`. Exactly vpc-cni, kube-proxy, coredns, eks-pod-identity-agent, metrics-server and amazon-cloudwatch-observability; list the versions built for `kubernetes_version` with `aws eks describe-addon-versions --kubernetes-version <version> --addon-name <name>`."
  type        = map(string)

  validation {
    condition     = length(setsubtract(["vpc-cni", "kube-proxy", "coredns", "eks-pod-identity-agent", "metrics-server", "amazon-cloudwatch-observability"], keys(var.addon_versions))) == 0
    error_message = "addon_versions must give a version for each of vpc-cni, kube-proxy, coredns, eks-pod-identity-agent, metrics-server and amazon-cloudwatch-observability."
  }

  validation {
    condition     = length(setsubtract(keys(var.addon_versions), ["vpc-cni", "kube-proxy", "coredns", "eks-pod-identity-agent", "metrics-server", "amazon-cloudwatch-observability"])) == 0
    error_message = "addon_versions accepts only vpc-cni, kube-proxy, coredns, eks-pod-identity-agent, metrics-server and amazon-cloudwatch-observability; another add-on needs its own IAM design in this module."
  }

  validation {
    condition     = alltrue([for version in values(var.addon_versions) : can(regex("^v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+$", version))])
    error_message = "Each addon_versions value must be an EKS add-on version such as \"v1.19.5-eksbuild.1\" (v<major>.<minor>.<patch>-eksbuild.<build>), never \"latest\"."
  }
}

variable "state_machine_arn" {
  description = "ARN of the pipeline state machine (batch_sfn module output `state_machine_arn`) the API starts and follows."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}$", var.state_machine_arn))
    error_message = "state_machine_arn must be a state machine ARN such as \"arn:aws:states:eu-west-1:111122223333:stateMachine:acme-hml-pipeline\" (not an execution or version ARN)."
  }
}

variable "uploads_bucket_arn" {
  description = "ARN of the uploads bucket the API writes input objects to (under `uploads_prefix` only)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.uploads_bucket_arn))
    error_message = "uploads_bucket_arn must be an S3 bucket ARN such as \"arn:aws:s3:::acme-hml-uploads\" (no object path)."
  }
}

variable "uploads_prefix" {
  description = "Key prefix under which the API may write to the uploads bucket."
  type        = string
  default     = "uploads/"

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*/$", var.uploads_prefix))
    error_message = "uploads_prefix must be a non-empty key prefix that ends with \"/\" and does not start with one, e.g. \"uploads/\"."
  }
}

variable "results_bucket_arn" {
  description = "ARN of the results bucket the API reads results from."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.results_bucket_arn))
    error_message = "results_bucket_arn must be an S3 bucket ARN such as \"arn:aws:s3:::acme-hml-results\" (no object path)."
  }
}

variable "api_service_account" {
  description = "Kubernetes namespace and name of the API's service account, the only one that may assume the API role."
  type = object({
    namespace = string
    name      = string
  })
  default = {
    namespace = "api"
    name      = "api"
  }

  validation {
    condition     = alltrue([for part in [var.api_service_account.namespace, var.api_service_account.name] : can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", part))])
    error_message = "api_service_account namespace and name must be Kubernetes names: 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (no wildcard)."
  }
}

variable "frontend_read_bucket_arns" {
  description = "Buckets the frontend reads objects from. Empty (default): the frontend needs no AWS access and gets no role; otherwise an IRSA role for `frontend_service_account` with s3:GetObject on these buckets and kms:Decrypt on the CMK through S3."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.frontend_read_bucket_arns : can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", arn))])
    error_message = "frontend_read_bucket_arns must hold S3 bucket ARNs such as \"arn:aws:s3:::acme-hml-results\" (no object path, no wildcard)."
  }
}

variable "frontend_service_account" {
  description = "Kubernetes namespace and name of the frontend's service account (used only when `frontend_read_bucket_arns` is not empty)."
  type = object({
    namespace = string
    name      = string
  })
  default = {
    namespace = "frontend"
    name      = "frontend"
  }

  validation {
    condition     = alltrue([for part in [var.frontend_service_account.namespace, var.frontend_service_account.name] : can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", part))])
    error_message = "frontend_service_account namespace and name must be Kubernetes names: 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (no wildcard)."
  }
}
