output "state_bucket_name" {
  description = "Name of the state bucket (the `bucket` of every backend.hcl)."
  value       = aws_s3_bucket.state.bucket
}

output "state_bucket_arn" {
  description = "ARN of the state bucket."
  value       = aws_s3_bucket.state.arn
}

output "state_kms_key_arn" {
  description = "ARN of the key that encrypts the state (the `kms_key_id` of every backend.hcl)."
  value       = aws_kms_key.state.arn
}

output "backend_config" {
  description = "Content of envs/<env>/backend.hcl by environment: `terraform output -raw backend_config` is a map, so use `terraform output -json backend_config | jq -r .hml > ../hml/backend.hcl`."
  value = {
    for env, key in local.state_keys : env => <<-EOT
      bucket       = "${aws_s3_bucket.state.bucket}"
      key          = "${key}"
      region       = "${var.region}"
      encrypt      = true
      kms_key_id   = "${aws_kms_key.state.arn}"
      use_lockfile = true
    EOT
  }
}

output "github_oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider (null without github_org/github_repo)."
  value       = one(module.cicd[*].oidc_provider_arn)
}

output "plan_role_arns" {
  description = "Plan role ARN by environment (set as the AWS role of the plan jobs of that GitHub environment); null without github_org/github_repo."
  value       = one(module.cicd[*].plan_role_arns)
}

output "apply_role_arns" {
  description = "Apply role ARN by environment; null without github_org/github_repo."
  value       = one(module.cicd[*].apply_role_arns)
}

output "ecr_push_role_arn" {
  description = "ECR push role ARN: pass it to the environments' ecr_push_principal_arns; null without github_org/github_repo."
  value       = one(module.cicd[*].ecr_push_role_arn)
}

output "state_keys" {
  description = "State object key by environment (the `key` of each backend.hcl)."
  value       = local.state_keys
}
