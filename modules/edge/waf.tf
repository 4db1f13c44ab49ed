locals {
  # Evaluated in priority order; the cheap IP reputation list and the rate limit come before the rule
  # groups that inspect the request.
  waf_managed_rule_groups = concat(
    [
      { name = "AWSManagedRulesAmazonIpReputationList", priority = 10 },
      { name = "AWSManagedRulesCommonRuleSet", priority = 30 },
    ],
    var.waf_sqli_rule_set ? [{ name = "AWSManagedRulesSQLiRuleSet", priority = 50 }] : [],
  )
  waf_rate_rule_priority = 20
  # Spelled out as a rule block of its own in each web ACL (not in the list above), so that scanners
  # (checkov CKV_AWS_192, log4j) see the known-bad-inputs group without evaluating dynamic blocks.
  waf_known_bad_inputs_priority = 40

  waf_log_group_names = {
    alb        = "aws-waf-logs-${var.name_prefix}-alb"
    cloudfront = "aws-waf-logs-${var.name_prefix}-cloudfront"
  }
  # Credentials and sessions never reach the WAF logs.
  waf_redacted_headers = ["authorization", "cookie"]

  us_east_1 = data.aws_region.us_east_1.name
  cloudfront_waf_log_group_arn = join(":", [
    "arn", local.partition, "logs", local.us_east_1, local.account_id, "log-group", local.waf_log_group_names.cloudfront,
  ])
}

################################################################################
# REGIONAL web ACL of the ALB
################################################################################

resource "aws_wafv2_web_acl" "alb" {
  name        = "${var.name_prefix}-alb"
  description = "Protects the ${var.name_prefix} ALB (API and SSR origin)."
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit-per-ip"
    priority = local.waf_rate_rule_priority

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = var.waf_rate_limit
        aggregate_key_type    = "IP"
        evaluation_window_sec = 300

        # SSR requests arrive from CloudFront edge addresses that many viewers share; they are rate
        # limited per viewer IP by the CLOUDFRONT web ACL instead.
        dynamic "scope_down_statement" {
          for_each = local.ssr_frontend ? [local.origin_fqdn] : []

          content {
            not_statement {
              statement {
                byte_match_statement {
                  search_string         = scope_down_statement.value
                  positional_constraint = "EXACTLY"

                  field_to_match {
                    single_header {
                      name = "host"
                    }
                  }

                  text_transformation {
                    priority = 0
                    type     = "LOWERCASE"
                  }
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name_prefix}-alb-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = local.waf_managed_rule_groups

    content {
      name     = rule.value.name
      priority = rule.value.priority

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value.name
          vendor_name = "AWS"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name_prefix}-alb-${rule.value.name}"
        sampled_requests_enabled   = true
      }
    }
  }

  rule {
    name     = "AWSManagedRulesKnownBadInputsRuleSet"
    priority = local.waf_known_bad_inputs_priority

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name_prefix}-alb-AWSManagedRulesKnownBadInputsRuleSet"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name_prefix}-alb"
    sampled_requests_enabled   = true
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb" })
}

resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = aws_lb.this.arn
  web_acl_arn  = aws_wafv2_web_acl.alb.arn
}

resource "aws_cloudwatch_log_group" "waf_alb" {
  name              = local.waf_log_group_names.alb
  retention_in_days = var.waf_log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_wafv2_web_acl_logging_configuration" "alb" {
  resource_arn            = aws_wafv2_web_acl.alb.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf_alb.arn]

  dynamic "redacted_fields" {
    for_each = local.waf_redacted_headers

    content {
      single_header {
        name = redacted_fields.value
      }
    }
  }
}

################################################################################
# CLOUDFRONT web ACL of the distribution (us-east-1)
################################################################################

resource "aws_wafv2_web_acl" "cloudfront" {
  provider = aws.us_east_1

  name        = "${var.name_prefix}-cloudfront"
  description = "Protects the ${var.name_prefix} frontend distribution."
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit-per-ip"
    priority = local.waf_rate_rule_priority

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = var.waf_rate_limit
        aggregate_key_type    = "IP"
        evaluation_window_sec = 300
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name_prefix}-cloudfront-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = local.waf_managed_rule_groups

    content {
      name     = rule.value.name
      priority = rule.value.priority

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value.name
          vendor_name = "AWS"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name_prefix}-cloudfront-${rule.value.name}"
        sampled_requests_enabled   = true
      }
    }
  }

  rule {
    name     = "AWSManagedRulesKnownBadInputsRuleSet"
    priority = local.waf_known_bad_inputs_priority

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name_prefix}-cloudfront-AWSManagedRulesKnownBadInputsRuleSet"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name_prefix}-cloudfront"
    sampled_requests_enabled   = true
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-cloudfront" })
}

# The project CMK lives in the ALB's region and a log group can only use a key of its own region, so the
# us-east-1 log group gets a key of its own, usable by CloudWatch Logs for that one log group only.
data "aws_iam_policy_document" "waf_logs_us_east_1_key" {
  #checkov:skip=CKV_AWS_109:Key policy: Resource "*" is the key itself; kms:* goes to the account root only (IAM delegation, AWS default).
  #checkov:skip=CKV_AWS_111:Key policy: Resource "*" is the key itself; write actions are limited to the account root and CloudWatch Logs for one log group.
  #checkov:skip=CKV_AWS_356:Key policy: Resource "*" is the only value a key policy accepts and designates the key itself.
  statement {
    sid       = "AccountRootFullAccess"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid    = "CloudWatchLogsOfTheCloudFrontWafLogGroup"
    effect = "Allow"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
    ]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${local.us_east_1}.${local.dns_suffix}"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = [local.cloudfront_waf_log_group_arn]
    }
  }
}

resource "aws_kms_key" "waf_logs_us_east_1" {
  provider = aws.us_east_1

  description             = "${var.name_prefix} CloudFront WAF logs (us-east-1)"
  key_usage               = "ENCRYPT_DECRYPT"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  multi_region            = false
  policy                  = data.aws_iam_policy_document.waf_logs_us_east_1_key.json

  tags = merge(var.tags, { Name = "${var.name_prefix}-cloudfront-waf-logs" })
}

resource "aws_kms_alias" "waf_logs_us_east_1" {
  provider = aws.us_east_1

  name          = "alias/${var.name_prefix}-cloudfront-waf-logs"
  target_key_id = aws_kms_key.waf_logs_us_east_1.key_id
}

resource "aws_cloudwatch_log_group" "waf_cloudfront" {
  provider = aws.us_east_1

  name              = local.waf_log_group_names.cloudfront
  retention_in_days = var.waf_log_retention_days
  kms_key_id        = aws_kms_key.waf_logs_us_east_1.arn

  tags = var.tags
}

resource "aws_wafv2_web_acl_logging_configuration" "cloudfront" {
  provider = aws.us_east_1

  resource_arn            = aws_wafv2_web_acl.cloudfront.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf_cloudfront.arn]

  dynamic "redacted_fields" {
    for_each = local.waf_redacted_headers

    content {
      single_header {
        name = redacted_fields.value
      }
    }
  }
}
