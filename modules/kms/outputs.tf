output "key_arn" {
  description = "ARN of the project customer-managed key (pass it as `kms_key_arn` to the other modules)."
  value       = aws_kms_key.this.arn
}

output "key_id" {
  description = "ID (UUID) of the project customer-managed key."
  value       = aws_kms_key.this.key_id
}

output "alias_name" {
  description = "Name of the key alias, `alias/<name_prefix>`."
  value       = aws_kms_alias.this.name
}

output "alias_arn" {
  description = "ARN of the key alias."
  value       = aws_kms_alias.this.arn
}
