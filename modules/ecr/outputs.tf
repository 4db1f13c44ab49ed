output "repository_urls" {
  description = "Repository URLs (`<registry>.dkr.ecr.<region>.amazonaws.com/<name_prefix>-<name>`) by short repository name."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARNs by short repository name."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.arn }
}

output "registry_id" {
  description = "ID of the registry (the AWS account ID) that holds the repositories."
  value       = one(distinct([for repository in aws_ecr_repository.this : repository.registry_id]))
}
