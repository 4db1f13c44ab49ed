################################################################################
# observability: one module call per validation case of modules/observability
# (cases in inventory/bad_inputs_observability.yaml)
################################################################################

locals {
  obs_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

module "obs_name_prefix_uppercase" {
  source      = "../../../../modules/observability"
  name_prefix = "Acme-hml"
  kms_key_arn = local.obs_kms_key_arn
}

module "obs_kms_key_alias" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:alias/acme"
}

module "obs_log_retention_100_days" {
  source             = "../../../../modules/observability"
  name_prefix        = "acme-hml"
  kms_key_arn        = local.obs_kms_key_arn
  log_retention_days = 100
}

module "obs_alarm_email_with_name" {
  source                = "../../../../modules/observability"
  name_prefix           = "acme-hml"
  kms_key_arn           = local.obs_kms_key_arn
  alarm_email_addresses = ["On-call <oncall@example.com>"]
}

module "obs_alarm_email_twice" {
  source                = "../../../../modules/observability"
  name_prefix           = "acme-hml"
  kms_key_arn           = local.obs_kms_key_arn
  alarm_email_addresses = ["oncall@example.com", "OnCall@example.com"]
}

module "obs_threshold_count_zero" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  thresholds  = { alb_5xx_count = 0 }
}

module "obs_threshold_percent_above_100" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  thresholds  = { node_memory_percent = 120 }
}

module "obs_threshold_p99_zero" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  thresholds  = { alb_target_p99_seconds = 0 }
}

module "obs_threshold_backlog_above_sampler" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  thresholds  = { batch_queue_backlog = 150 }
}

module "obs_threshold_period_45" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  thresholds  = { period_seconds = 45 }
}

module "obs_threshold_evaluation_over_a_day" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  thresholds  = { period_seconds = 3600, evaluation_periods = 25 }
}

module "obs_alb_full_arn" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  alb         = { arn_suffix = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/acme-hml/50dc6c495c0c9188" }
}

module "obs_target_group_name_only" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  alb         = { arn_suffix = "app/acme-hml/50dc6c495c0c9188", target_group_arn_suffix = "acme-hml-api" }
}

module "obs_eks_cluster_name_with_dot" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  eks         = { cluster_name = "acme.hml" }
}

module "obs_rds_cluster_arn" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  rds         = { cluster_identifier = "arn:aws:rds:eu-west-1:123456789012:cluster:acme-hml" }
}

module "obs_batch_queue_name_only" {
  source      = "../../../../modules/observability"
  name_prefix = "acme-hml"
  kms_key_arn = local.obs_kms_key_arn
  batch       = { job_queue_arn = "acme-hml-jobs" }
}

module "obs_state_machine_execution_arn" {
  source         = "../../../../modules/observability"
  name_prefix    = "acme-hml"
  kms_key_arn    = local.obs_kms_key_arn
  step_functions = { state_machine_arn = "arn:aws:states:eu-west-1:123456789012:execution:acme-hml-pipeline:run-1" }
}
