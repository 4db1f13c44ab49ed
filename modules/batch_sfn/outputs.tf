output "job_queue_arn" {
  description = "ARN of the Batch job queue."
  value       = aws_batch_job_queue.this.arn
}

output "job_definition_arn" {
  description = "ARN of the current job definition revision."
  value       = aws_batch_job_definition.this.arn
}

output "job_definition_name" {
  description = "Name of the job definition (all revisions)."
  value       = aws_batch_job_definition.this.name
}

output "compute_environment_arns" {
  description = "ARNs of the compute environments by type (FARGATE, and FARGATE_SPOT when enabled)."
  value       = { for type, environment in aws_batch_compute_environment.this : type => environment.arn }
}

output "state_machine_arn" {
  description = "ARN of the pipeline state machine (start it with {\"bucket\": ..., \"key\": ...})."
  value       = aws_sfn_state_machine.this.arn
}

output "state_machine_name" {
  description = "Name of the pipeline state machine."
  value       = aws_sfn_state_machine.this.name
}

output "state_machine_role_arn" {
  description = "ARN of the role the state machine runs as."
  value       = aws_iam_role.state_machine.arn
}

output "job_role_arn" {
  description = "ARN of the role the worker container runs as."
  value       = aws_iam_role.job.arn
}

output "execution_role_arn" {
  description = "ARN of the role Fargate uses to pull the image and write logs."
  value       = aws_iam_role.execution.arn
}

output "batch_log_group_name" {
  description = "CloudWatch log group of the worker jobs."
  value       = aws_cloudwatch_log_group.batch.name
}

output "state_machine_log_group_name" {
  description = "CloudWatch log group of the state machine executions."
  value       = aws_cloudwatch_log_group.state_machine.name
}
