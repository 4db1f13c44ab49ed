data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  oidc_host         = "token.actions.githubusercontent.com"
  oidc_provider_arn = coalesce(var.existing_oidc_provider_arn, "arn:${local.partition}:iam::${local.account_id}:oidc-provider/${local.oidc_host}")
  repository        = "${var.github_org}/${var.github_repo}"

  environments = toset(var.environments)

  # The S3 backend of <env> keeps its state at <prefix>/<env>/terraform.tfstate, its lock next to it.
  state_keys = { for env in var.environments : env => "${var.state_key_prefix}/${env}/terraform.tfstate" }

  apply_role_policy_arns = coalesce(var.apply_role_policy_arns, ["arn:${local.partition}:iam::aws:policy/AdministratorAccess"])
  create_boundary        = var.apply_role_permissions_boundary_arn == null
  boundary_name          = "${var.name_prefix}-apply-boundary"
  boundary_arn           = coalesce(var.apply_role_permissions_boundary_arn, "arn:${local.partition}:iam::${local.account_id}:policy/${local.boundary_name}")
  ci_role_arn_pattern    = "arn:${local.partition}:iam::${local.account_id}:role/${var.name_prefix}-*"
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.existing_oidc_provider_arn == null ? 1 : 0

  url             = "https://${local.oidc_host}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = var.oidc_thumbprints

  tags = merge(var.tags, { Name = "${var.name_prefix}-github" })
}

################################################################################
# Trust: exact subjects only (StringEquals, never a wildcard), audience sts.amazonaws.com.
################################################################################

data "aws_iam_policy_document" "environment_trust" {
  for_each = local.environments

  statement {
    sid     = "GitHubActionsEnvironment"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${local.repository}:environment:${each.key}"]
    }
  }
}

################################################################################
# Plan roles: read everything, read the state, hold the state lock.
################################################################################

resource "aws_iam_role" "plan" {
  for_each = local.environments

  name                 = "${var.name_prefix}-${each.key}-plan"
  description          = "terraform plan of ${each.key} from GitHub Actions (${local.repository}, environment ${each.key}): read-only"
  assume_role_policy   = data.aws_iam_policy_document.environment_trust[each.key].json
  max_session_duration = var.max_session_duration_seconds

  tags = var.tags

  depends_on = [aws_iam_openid_connect_provider.github]
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  for_each = local.environments

  role       = aws_iam_role.plan[each.key].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy_document" "plan_state" {
  for_each = local.environments

  statement {
    sid       = "ListStateBucket"
    actions   = ["s3:ListBucket"]
    resources = [var.state_bucket_arn]
  }

  statement {
    sid     = "ReadStateAndLock"
    actions = ["s3:GetObject"]
    resources = [
      "${var.state_bucket_arn}/${local.state_keys[each.key]}",
      "${var.state_bucket_arn}/${local.state_keys[each.key]}.tflock",
    ]
  }

  # A plan takes the lock: it writes the lock file and deletes it when done.
  statement {
    sid       = "HoldStateLock"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.state_bucket_arn}/${local.state_keys[each.key]}.tflock"]
  }

  statement {
    sid       = "UseStateKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.state_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "plan_state" {
  for_each = local.environments

  name   = "${var.name_prefix}-${each.key}-plan-state"
  role   = aws_iam_role.plan[each.key].id
  policy = data.aws_iam_policy_document.plan_state[each.key].json
}

################################################################################
# Apply roles: the apply policies (AdministratorAccess by default) within the permissions boundary.
################################################################################

resource "aws_iam_role" "apply" {
  for_each = local.environments

  name                 = "${var.name_prefix}-${each.key}-apply"
  description          = "terraform apply of ${each.key} from GitHub Actions (${local.repository}, environment ${each.key})"
  assume_role_policy   = data.aws_iam_policy_document.environment_trust[each.key].json
  max_session_duration = var.max_session_duration_seconds
  permissions_boundary = local.boundary_arn

  tags = var.tags

  depends_on = [aws_iam_openid_connect_provider.github, aws_iam_policy.apply_boundary]
}

resource "aws_iam_role_policy_attachment" "apply" {
  for_each = { for pair in setproduct(var.environments, local.apply_role_policy_arns) : "${pair[0]} ${pair[1]}" => { env = pair[0], policy_arn = pair[1] } }

  role       = aws_iam_role.apply[each.value.env].name
  policy_arn = each.value.policy_arn
}

data "aws_iam_policy_document" "apply_state" {
  for_each = local.environments

  statement {
    sid       = "ListStateBucket"
    actions   = ["s3:ListBucket"]
    resources = [var.state_bucket_arn]
  }

  statement {
    sid     = "ReadWriteStateAndLock"
    actions = ["s3:GetObject", "s3:PutObject"]
    resources = [
      "${var.state_bucket_arn}/${local.state_keys[each.key]}",
      "${var.state_bucket_arn}/${local.state_keys[each.key]}.tflock",
    ]
  }

  statement {
    sid       = "ReleaseStateLock"
    actions   = ["s3:DeleteObject"]
    resources = ["${var.state_bucket_arn}/${local.state_keys[each.key]}.tflock"]
  }

  statement {
    sid       = "UseStateKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.state_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "apply_state" {
  for_each = local.environments

  name   = "${var.name_prefix}-${each.key}-apply-state"
  role   = aws_iam_role.apply[each.key].id
  policy = data.aws_iam_policy_document.apply_state[each.key].json
}

# A boundary only caps: the role's own policies still decide what it may do. It cannot stop an apply
# from creating another privileged role (the platform's modules create roles without a boundary); the
# GitHub environment's protection rules are the control on who runs an apply.
data "aws_iam_policy_document" "apply_boundary" {
  count = local.create_boundary ? 1 : 0

  #checkov:skip=CKV_AWS_1:Permissions boundary, not a grant: it allows at most what the role's own policies allow, minus the Deny statements.
  #checkov:skip=CKV_AWS_107:Permissions boundary, not a grant: credentials exposure is capped by the role's own policies.
  #checkov:skip=CKV_AWS_108:Permissions boundary, not a grant: data exfiltration is capped by the role's own policies.
  #checkov:skip=CKV_AWS_109:Permissions boundary, not a grant: permissions management is capped by the role's own policies and denied on the CI identities.
  #checkov:skip=CKV_AWS_110:Permissions boundary, not a grant: privilege escalation is capped by the role's own policies and denied on the CI identities.
  #checkov:skip=CKV_AWS_111:Permissions boundary, not a grant: write access is capped by the role's own policies.
  #checkov:skip=CKV_AWS_356:Permissions boundary, not a grant: Resource "*" caps what the role's own policies allow.
  #checkov:skip=CKV_C04_044:Permissions boundary, not a grant: "*" on "*" is the ceiling the Deny statements cut into; the role's own policies decide what is granted.
  statement {
    sid       = "CeilingOfTheRolePolicies"
    actions   = ["*"]
    resources = ["*"]
  }

  statement {
    sid    = "DenyChangingTheCiIdentities"
    effect = "Deny"
    actions = [
      "iam:AttachRolePolicy",
      "iam:CreateRole",
      "iam:DeleteRole",
      "iam:DeleteRolePermissionsBoundary",
      "iam:DeleteRolePolicy",
      "iam:DetachRolePolicy",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy",
      "iam:TagRole",
      "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
      "iam:UpdateRoleDescription",
    ]
    resources = [local.ci_role_arn_pattern]
  }

  statement {
    sid    = "DenyChangingTheOidcProvider"
    effect = "Deny"
    actions = [
      "iam:AddClientIDToOpenIDConnectProvider",
      "iam:CreateOpenIDConnectProvider",
      "iam:DeleteOpenIDConnectProvider",
      "iam:RemoveClientIDFromOpenIDConnectProvider",
      "iam:TagOpenIDConnectProvider",
      "iam:UntagOpenIDConnectProvider",
      "iam:UpdateOpenIDConnectProviderThumbprint",
    ]
    resources = [local.oidc_provider_arn]
  }

  statement {
    sid    = "DenyChangingTheBoundary"
    effect = "Deny"
    actions = [
      "iam:CreatePolicyVersion",
      "iam:DeletePolicy",
      "iam:DeletePolicyVersion",
      "iam:SetDefaultPolicyVersion",
      "iam:TagPolicy",
      "iam:UntagPolicy",
    ]
    resources = [local.boundary_arn]
  }

  # The platform runs on roles; long-lived keys would outlive the OIDC session.
  statement {
    sid       = "DenyLongLivedCredentials"
    effect    = "Deny"
    actions   = ["iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateUser"]
    resources = ["*"]
  }

  # The state bucket and its key belong to envs/bootstrap (run with administrator credentials): an
  # apply may read and write its own state objects (its role policy), never reconfigure or purge them.
  statement {
    sid    = "DenyStateBucketChanges"
    effect = "Deny"
    actions = [
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:DeleteObjectVersion",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketVersioning",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration",
    ]
    resources = [var.state_bucket_arn, "${var.state_bucket_arn}/*"]
  }

  statement {
    sid    = "DenyStateKeyChanges"
    effect = "Deny"
    actions = [
      "kms:CreateGrant",
      "kms:DisableKey",
      "kms:DisableKeyRotation",
      "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion",
    ]
    resources = [var.state_kms_key_arn]
  }
}

resource "aws_iam_policy" "apply_boundary" {
  #checkov:skip=CKV_AWS_62:Permissions boundary, not a grant: "*" on "*" is the ceiling the Deny statements cut into; the role's own policies decide what is granted.
  #checkov:skip=CKV_AWS_63:Permissions boundary, not a grant: "*" on "*" is the ceiling the Deny statements cut into.
  #checkov:skip=CKV_AWS_286:Permissions boundary, not a grant: privilege escalation is capped by the role's own policies and denied on the CI identities.
  #checkov:skip=CKV_AWS_287:Permissions boundary, not a grant: credentials exposure is capped by the role's own policies.
  #checkov:skip=CKV_AWS_288:Permissions boundary, not a grant: data exfiltration is capped by the role's own policies.
  #checkov:skip=CKV_AWS_289:Permissions boundary, not a grant: permissions management is capped by the role's own policies.
  #checkov:skip=CKV_AWS_290:Permissions boundary, not a grant: write access is capped by the role's own policies.
  #checkov:skip=CKV_AWS_355:Permissions boundary, not a grant: Resource "*" caps what the role's own policies allow.
  #checkov:skip=CKV2_AWS_40:Permissions boundary, not a grant: full IAM privileges are capped by the role's own policies and denied on the CI identities.
  #checkov:skip=CKV_C04_043:Permissions boundary, not a grant: "*" on "*" is the ceiling the Deny statements cut into; the role's own policies decide what is granted.
  count = local.create_boundary ? 1 : 0

  name        = local.boundary_name
  description = "Permissions boundary of the ${var.name_prefix} apply roles: no change to the CI identities, the state bucket or its key, no IAM users"
  policy      = data.aws_iam_policy_document.apply_boundary[0].json

  tags = var.tags
}

################################################################################
# ECR push role: the main branch only, push to the listed repositories only.
################################################################################

data "aws_iam_policy_document" "ecr_push_trust" {
  count = length(var.ecr_repository_arns) > 0 ? 1 : 0

  statement {
    sid     = "GitHubActionsBranch"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${local.repository}:ref:refs/heads/${var.branch}"]
    }
  }
}

resource "aws_iam_role" "ecr_push" {
  count = length(var.ecr_repository_arns) > 0 ? 1 : 0

  name                 = "${var.name_prefix}-ecr-push"
  description          = "Image pushes from GitHub Actions (${local.repository}, branch ${var.branch})"
  assume_role_policy   = data.aws_iam_policy_document.ecr_push_trust[0].json
  max_session_duration = 3600

  tags = var.tags

  depends_on = [aws_iam_openid_connect_provider.github]
}

data "aws_iam_policy_document" "ecr_push" {
  count = length(var.ecr_repository_arns) > 0 ? 1 : 0

  # GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = sort(distinct(var.ecr_repository_arns))
  }
}

resource "aws_iam_role_policy" "ecr_push" {
  count = length(var.ecr_repository_arns) > 0 ? 1 : 0

  name   = "${var.name_prefix}-ecr-push"
  role   = aws_iam_role.ecr_push[0].id
  policy = data.aws_iam_policy_document.ecr_push[0].json
}
