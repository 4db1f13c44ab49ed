output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider (created here, or existing_oidc_provider_arn)."
  value       = local.oidc_provider_arn
}

output "plan_role_arns" {
  description = "ARN of the read-only plan role by environment, e.g. `{ hml = \"arn:aws:iam::111122223333:role/acme-ci-hml-plan\" }`."
  value       = { for env, role in aws_iam_role.plan : env => role.arn }
}

output "apply_role_arns" {
  description = "ARN of the apply role by environment."
  value       = { for env, role in aws_iam_role.apply : env => role.arn }
}

output "ecr_push_role_arn" {
  description = "ARN of the ECR push role (pass it to modules/ecr push_principal_arns); null when ecr_repository_arns is empty."
  value       = one(aws_iam_role.ecr_push[*].arn)
}

output "apply_role_permissions_boundary_arn" {
  description = "ARN of the permissions boundary of the apply roles."
  value       = local.boundary_arn
}

output "state_keys" {
  description = "State object key by environment (the `key` of each environment's backend.hcl)."
  value       = local.state_keys
}
