################################################################################
# IAM roles for service accounts (IRSA)
################################################################################

resource "aws_iam_openid_connect_provider" "this" {
  url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = var.oidc_thumbprints

  tags = merge(var.tags, { Name = "${local.cluster_name}-irsa" })
}

locals {
  oidc_issuer_host = trimprefix(aws_iam_openid_connect_provider.this.url, "https://")

  elb_arn = "arn:${local.partition}:elasticloadbalancing:${local.region}:${local.account_id}"
  ec2_arn = "arn:${local.partition}:ec2:${local.region}:${local.account_id}"

  # The tag the load balancer controller puts on everything it creates, valued with the cluster name.
  lb_controller_cluster_tag = "elbv2.k8s.aws/cluster"

  load_balancer_arns = ["${local.elb_arn}:loadbalancer/app/*/*", "${local.elb_arn}:loadbalancer/net/*/*"]
  target_group_arns  = ["${local.elb_arn}:targetgroup/*/*"]
  listener_arns = [
    "${local.elb_arn}:listener/app/*/*/*",
    "${local.elb_arn}:listener/net/*/*/*",
    "${local.elb_arn}:listener-rule/app/*/*/*/*",
    "${local.elb_arn}:listener-rule/net/*/*/*/*",
  ]

  # One role per service account; the key names the role (<cluster>-<key with hyphens>).
  service_accounts = merge(
    {
      vpc_cni                  = { namespace = "kube-system", name = "aws-node" }
      cloudwatch_observability = { namespace = "amazon-cloudwatch", name = "cloudwatch-agent" }
      lb_controller            = { namespace = "kube-system", name = "aws-load-balancer-controller" }
      cluster_autoscaler       = { namespace = "kube-system", name = "cluster-autoscaler" }
      api                      = var.api_service_account
    },
    length(var.frontend_read_bucket_arns) > 0 ? { frontend = var.frontend_service_account } : {},
  )

  service_account_managed_policies = {
    vpc_cni                  = "AmazonEKS_CNI_Policy"
    cloudwatch_observability = "CloudWatchAgentServerPolicy"
  }

  service_account_inline_policies = merge(
    {
      lb_controller      = data.aws_iam_policy_document.lb_controller.json
      cluster_autoscaler = data.aws_iam_policy_document.cluster_autoscaler.json
      api                = data.aws_iam_policy_document.api.json
    },
    length(var.frontend_read_bucket_arns) > 0 ? { frontend = data.aws_iam_policy_document.frontend[0].json } : {},
  )
}

data "aws_iam_policy_document" "irsa_assume_role" {
  for_each = local.service_accounts

  statement {
    sid     = "ServiceAccount"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.this.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer_host}:sub"
      values   = ["system:serviceaccount:${each.value.namespace}:${each.value.name}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "irsa" {
  for_each = local.service_accounts

  name               = "${local.cluster_name}-${replace(each.key, "_", "-")}"
  description        = "IRSA role of the ${each.value.namespace}/${each.value.name} service account of ${local.cluster_name}"
  assume_role_policy = data.aws_iam_policy_document.irsa_assume_role[each.key].json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "irsa" {
  for_each = local.service_account_managed_policies

  role       = aws_iam_role.irsa[each.key].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${each.value}"
}

resource "aws_iam_role_policy" "irsa" {
  for_each = local.service_account_inline_policies

  name   = aws_iam_role.irsa[each.key].name
  role   = aws_iam_role.irsa[each.key].id
  policy = each.value
}

################################################################################
# AWS Load Balancer Controller (kube-system/aws-load-balancer-controller)
################################################################################

# Run the controller with --cluster-name=<cluster_name>, and with enableShield=false and enableWaf=false
# (WAF Classic): this policy grants WAFv2 only, and neither Shield Advanced nor Cognito.
data "aws_iam_policy_document" "lb_controller" {
  #checkov:skip=CKV_AWS_356:Statement DescribeNetworkAndLoadBalancers lists only Describe/List calls, which accept no resource but "*"; every write statement is scoped by ARN or by the cluster tag.
  statement {
    sid       = "CreateElbServiceLinkedRole"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["arn:${local.partition}:iam::${local.account_id}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"]

    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["elasticloadbalancing.amazonaws.com"]
    }
  }

  # Describe/List calls have no resource-level permissions: "*" is the only resource they accept.
  statement {
    sid = "DescribeNetworkAndLoadBalancers"
    actions = [
      "acm:ListCertificates",
      "ec2:DescribeAccountAttributes",
      "ec2:DescribeAddresses",
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeInstances",
      "ec2:DescribeInternetGateways",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeRouteTables",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeTags",
      "ec2:DescribeVpcPeeringConnections",
      "ec2:DescribeVpcs",
      "ec2:GetSecurityGroupsForVpc",
      "elasticloadbalancing:DescribeCapacityReservation",
      "elasticloadbalancing:DescribeListenerAttributes",
      "elasticloadbalancing:DescribeListenerCertificates",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeRules",
      "elasticloadbalancing:DescribeSSLPolicies",
      "elasticloadbalancing:DescribeTags",
      "elasticloadbalancing:DescribeTargetGroupAttributes",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
      "elasticloadbalancing:DescribeTrustStores",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "DescribeCertificates"
    actions   = ["acm:DescribeCertificate"]
    resources = ["arn:${local.partition}:acm:${local.region}:${local.account_id}:certificate/*"]
  }

  statement {
    sid = "AssociateWafV2WebAcls"
    actions = [
      "wafv2:AssociateWebACL",
      "wafv2:DisassociateWebACL",
      "wafv2:GetWebACL",
      "wafv2:GetWebACLForResource",
    ]
    resources = [
      "arn:${local.partition}:wafv2:${local.region}:${local.account_id}:regional/webacl/*/*",
      "${local.elb_arn}:loadbalancer/app/*/*",
    ]
  }

  # CreateSecurityGroup authorizes on the VPC and on the new group: the VPC carries no cluster tag.
  statement {
    sid       = "CreateSecurityGroupsInClusterVpc"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["${local.ec2_arn}:vpc/${var.vpc_id}"]
  }

  statement {
    sid       = "CreateClusterTaggedSecurityGroups"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["${local.ec2_arn}:security-group/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }
  }

  statement {
    sid       = "TagSecurityGroupsOnCreate"
    actions   = ["ec2:CreateTags"]
    resources = ["${local.ec2_arn}:security-group/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:CreateAction"
      values   = ["CreateSecurityGroup"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }
  }

  # Tags of its own groups only, and never the ownership tag itself.
  statement {
    sid       = "RetagClusterSecurityGroups"
    actions   = ["ec2:CreateTags", "ec2:DeleteTags"]
    resources = ["${local.ec2_arn}:security-group/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }

    condition {
      test     = "Null"
      variable = "aws:RequestTag/${local.lb_controller_cluster_tag}"
      values   = ["true"]
    }
  }

  statement {
    sid = "ManageClusterSecurityGroups"
    actions = [
      "ec2:AuthorizeSecurityGroupIngress",
      "ec2:DeleteSecurityGroup",
      "ec2:RevokeSecurityGroupIngress",
    ]
    resources = ["${local.ec2_arn}:security-group/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }
  }

  # The node groups carry no cluster tag: the controller opens them to its load balancers by ID.
  statement {
    sid       = "OpenNodeSecurityGroupsToLoadBalancers"
    actions   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"]
    resources = [for id in var.node_security_group_ids : "${local.ec2_arn}:security-group/${id}"]
  }

  statement {
    sid       = "CreateClusterTaggedLoadBalancers"
    actions   = ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"]
    resources = concat(local.load_balancer_arns, local.target_group_arns)

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }
  }

  statement {
    sid       = "TagLoadBalancersOnCreate"
    actions   = ["elasticloadbalancing:AddTags"]
    resources = concat(local.load_balancer_arns, local.target_group_arns)

    condition {
      test     = "StringEquals"
      variable = "elasticloadbalancing:CreateAction"
      values   = ["CreateLoadBalancer", "CreateTargetGroup"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }
  }

  statement {
    sid       = "RetagClusterLoadBalancers"
    actions   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"]
    resources = concat(local.load_balancer_arns, local.target_group_arns)

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }

    condition {
      test     = "Null"
      variable = "aws:RequestTag/${local.lb_controller_cluster_tag}"
      values   = ["true"]
    }
  }

  statement {
    sid = "ManageClusterLoadBalancers"
    actions = [
      "elasticloadbalancing:DeleteLoadBalancer",
      "elasticloadbalancing:DeleteTargetGroup",
      "elasticloadbalancing:ModifyCapacityReservation",
      "elasticloadbalancing:ModifyLoadBalancerAttributes",
      "elasticloadbalancing:ModifyTargetGroup",
      "elasticloadbalancing:ModifyTargetGroupAttributes",
      "elasticloadbalancing:SetIpAddressType",
      "elasticloadbalancing:SetSecurityGroups",
      "elasticloadbalancing:SetSubnets",
    ]
    resources = concat(local.load_balancer_arns, local.target_group_arns)

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/${local.lb_controller_cluster_tag}"
      values   = [local.cluster_name]
    }
  }

  # Listeners and rules are not reliably tagged by the controller: held to this account and region.
  statement {
    sid = "ManageListenersAndRules"
    actions = [
      "elasticloadbalancing:AddListenerCertificates",
      "elasticloadbalancing:CreateListener",
      "elasticloadbalancing:CreateRule",
      "elasticloadbalancing:DeleteListener",
      "elasticloadbalancing:DeleteRule",
      "elasticloadbalancing:ModifyListener",
      "elasticloadbalancing:ModifyListenerAttributes",
      "elasticloadbalancing:ModifyRule",
      "elasticloadbalancing:RemoveListenerCertificates",
      "elasticloadbalancing:SetRulePriorities",
    ]
    resources = concat(local.load_balancer_arns, local.listener_arns)
  }

  # Tags of listeners and rules only: load balancer and target group tags go through the statements above.
  statement {
    sid       = "TagListenersAndRules"
    actions   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"]
    resources = local.listener_arns
  }

  # TargetGroupBinding registers pods in target groups the controller made (k8s-...) or the platform made
  # with Terraform (<name_prefix>-...), which carry no cluster tag.
  statement {
    sid     = "RegisterTargetsOfBindings"
    actions = ["elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:RegisterTargets"]
    resources = [
      "${local.elb_arn}:targetgroup/k8s-*/*",
      "${local.elb_arn}:targetgroup/${var.name_prefix}-*/*",
    ]
  }
}

################################################################################
# Cluster Autoscaler (kube-system/cluster-autoscaler)
################################################################################

data "aws_iam_policy_document" "cluster_autoscaler" {
  # Describe calls have no resource-level permissions: "*" is the only resource they accept.
  statement {
    sid = "DescribeScalingResources"
    actions = [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeLaunchConfigurations",
      "autoscaling:DescribeScalingActivities",
      "autoscaling:DescribeTags",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:GetInstanceTypesFromInstanceRequirements",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "DescribeClusterNodeGroups"
    actions   = ["eks:DescribeNodegroup"]
    resources = ["arn:${local.partition}:eks:${local.region}:${local.account_id}:nodegroup/${local.cluster_name}/*/*"]
  }

  statement {
    sid = "ScaleClusterOwnedGroups"
    actions = [
      "autoscaling:SetDesiredCapacity",
      "autoscaling:TerminateInstanceInAutoScalingGroup",
    ]
    resources = ["arn:${local.partition}:autoscaling:${local.region}:${local.account_id}:autoScalingGroup:*:autoScalingGroupName/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/k8s.io/cluster-autoscaler/${local.cluster_name}"
      values   = ["owned"]
    }
  }
}

################################################################################
# API (api_service_account)
################################################################################

locals {
  # arn:...:stateMachine:<name> -> arn:...:execution:<name>:* (every execution of that state machine).
  state_machine_executions_arn = "${replace(var.state_machine_arn, ":stateMachine:", ":execution:")}:*"
}

data "aws_iam_policy_document" "api" {
  statement {
    sid       = "StartPipeline"
    actions   = ["states:StartExecution"]
    resources = [var.state_machine_arn]
  }

  statement {
    sid       = "FollowPipelineExecutions"
    actions   = ["states:DescribeExecution", "states:GetExecutionHistory"]
    resources = [local.state_machine_executions_arn]
  }

  statement {
    sid       = "WriteUploads"
    actions   = ["s3:PutObject"]
    resources = ["${var.uploads_bucket_arn}/${var.uploads_prefix}*"]
  }

  statement {
    sid       = "ReadResults"
    actions   = ["s3:GetObject"]
    resources = ["${var.results_bucket_arn}/*"]
  }

  # The buckets and the execution data are encrypted with the CMK; the API uses it through S3 and Step
  # Functions only.
  statement {
    sid       = "UseProjectKeyThroughS3AndStepFunctions"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values = [
        "s3.${local.region}.${data.aws_partition.current.dns_suffix}",
        "states.${local.region}.${data.aws_partition.current.dns_suffix}",
      ]
    }
  }
}

################################################################################
# Frontend (frontend_service_account), only when it reads buckets
################################################################################

data "aws_iam_policy_document" "frontend" {
  count = length(var.frontend_read_bucket_arns) > 0 ? 1 : 0

  statement {
    sid       = "ReadObjects"
    actions   = ["s3:GetObject"]
    resources = [for arn in var.frontend_read_bucket_arns : "${arn}/*"]
  }

  statement {
    sid       = "DecryptObjectsThroughS3"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.${data.aws_partition.current.dns_suffix}"]
    }
  }
}
