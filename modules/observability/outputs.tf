output "sns_topic_arn" {
  description = "ARN of the alarm topic (every alarm's alarm and OK action); subscribe chat or paging integrations to it."
  value       = aws_sns_topic.alarms.arn
}

output "sns_topic_kms_key_arn" {
  description = "ARN of the key that encrypts the alarm topic (only the account and CloudWatch alarms may use it)."
  value       = aws_kms_key.topic.arn
}

output "alarm_names" {
  description = "Alarm names by what they watch, e.g. `{ rds-cpu = \"acme-hml-rds-cpu\" }`; only the alarms of the parts passed in."
  value       = { for key, alarm in aws_cloudwatch_metric_alarm.this : key => alarm.alarm_name }
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "log_retention_days" {
  description = "Retention of every CloudWatch log group of the platform: pass it to the other modules (flow_log_retention_days, log_retention_in_days)."
  value       = var.log_retention_days
}

output "log_kms_key_arn" {
  description = "Key of every CloudWatch log group of the platform: pass it to the other modules' log group key input."
  value       = var.kms_key_arn
}

output "metric_namespace" {
  description = "CloudWatch namespace of the metrics this module publishes itself (Batch FailedJobs and RunnableJobs)."
  value       = local.metric_namespace
}

output "batch_events_log_group_name" {
  description = "Log group that receives the FAILED Batch job events (null without batch)."
  value       = one([for group in aws_cloudwatch_log_group.batch_job_failed : group.name])
}
