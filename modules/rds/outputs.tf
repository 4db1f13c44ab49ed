output "cluster_id" {
  description = "Identifier of the Aurora cluster."
  value       = aws_rds_cluster.this.id
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster."
  value       = aws_rds_cluster.this.arn
}

output "cluster_resource_id" {
  description = "Resource ID of the cluster, used in rds-db:connect IAM policies for IAM database authentication."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "cluster_endpoint" {
  description = "Writer endpoint of the cluster."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Load-balanced reader endpoint of the cluster."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "Port the cluster listens on."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Name of the database created in the cluster."
  value       = aws_rds_cluster.this.database_name
}

output "master_username" {
  description = "Master user name (its password lives only in the Secrets Manager secret)."
  value       = aws_rds_cluster.this.master_username
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret holding the master credentials (the ARN only, never the value)."
  value       = try(aws_rds_cluster.this.master_user_secret[0].secret_arn, null)
}

output "instance_ids" {
  description = "Identifiers of the cluster instances, in creation order."
  value       = aws_rds_cluster_instance.this[*].id
}

output "instance_availability_zones" {
  description = "Availability Zone of each cluster instance, in the order of instance_ids."
  value       = aws_rds_cluster_instance.this[*].availability_zone
}

output "parameter_group_name" {
  description = "Name of the cluster parameter group."
  value       = aws_rds_cluster_parameter_group.this.name
}

output "log_group_name" {
  description = "CloudWatch log group receiving the exported PostgreSQL log."
  value       = aws_cloudwatch_log_group.postgresql.name
}
