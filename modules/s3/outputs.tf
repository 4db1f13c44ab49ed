output "uploads_bucket_name" {
  description = "Name of the uploads bucket (data class `uploads`, current objects expire after 365 days)."
  value       = aws_s3_bucket.this["uploads"].id
}

output "uploads_bucket_arn" {
  description = "ARN of the uploads bucket."
  value       = aws_s3_bucket.this["uploads"].arn
}

output "results_bucket_name" {
  description = "Name of the results bucket (data class `results`, current objects expire after 1825 days)."
  value       = aws_s3_bucket.this["results"].id
}

output "results_bucket_arn" {
  description = "ARN of the results bucket."
  value       = aws_s3_bucket.this["results"].arn
}

output "bucket_names" {
  description = "Bucket names by data class: `{ uploads = ..., results = ... }`."
  value       = { for data_class, bucket in aws_s3_bucket.this : data_class => bucket.id }
}
