output "api_fqdn" {
  description = "Host name of the API, `<api_subdomain>.<domain_name>` (alias of the ALB)."
  value       = local.api_fqdn
}

output "frontend_fqdn" {
  description = "Host name of the frontend, `<frontend_subdomain>.<domain_name>` or the apex (alias of the CloudFront distribution)."
  value       = local.frontend_fqdn
}

output "origin_fqdn" {
  description = "Host name CloudFront uses to reach the ALB with `frontend_origin = \"alb\"`; null with the S3 origin."
  value       = local.origin_fqdn
}

output "alb_arn" {
  description = "ARN of the internet-facing ALB."
  value       = aws_lb.this.arn
}

output "alb_dns_name" {
  description = "DNS name of the ALB."
  value       = aws_lb.this.dns_name
}

output "alb_zone_id" {
  description = "Route 53 hosted zone ID of the ALB (for alias records)."
  value       = aws_lb.this.zone_id
}

output "https_listener_arn" {
  description = "ARN of the HTTPS (443) listener; its default action answers 404, host-header rules forward to the target groups."
  value       = aws_lb_listener.https.arn
}

output "api_target_group_arn" {
  description = "ARN of the API IP target group: reference it in the TargetGroupBinding of the API Service (AWS Load Balancer Controller)."
  value       = aws_lb_target_group.api.arn
}

output "frontend_target_group_arn" {
  description = "ARN of the Next.js server IP target group for a TargetGroupBinding with `frontend_origin = \"alb\"`; null with the S3 origin."
  value       = local.ssr_frontend ? aws_lb_target_group.web[0].arn : null
}

output "alb_certificate_arn" {
  description = "ARN of the validated ACM certificate of the ALB (API host and SSR origin host), in the ALB's region."
  value       = aws_acm_certificate_validation.alb.certificate_arn
}

output "cloudfront_certificate_arn" {
  description = "ARN of the validated ACM certificate of the CloudFront distribution (frontend host), in us-east-1."
  value       = aws_acm_certificate_validation.cloudfront.certificate_arn
}

output "alb_web_acl_arn" {
  description = "ARN of the REGIONAL WAF web ACL associated with the ALB."
  value       = aws_wafv2_web_acl.alb.arn
}

output "cloudfront_web_acl_arn" {
  description = "ARN of the CLOUDFRONT WAF web ACL (us-east-1) of the distribution."
  value       = aws_wafv2_web_acl.cloudfront.arn
}

output "waf_log_group_names" {
  description = "Names of the WAF log groups: `alb` (ALB's region, project CMK) and `cloudfront` (us-east-1, module key)."
  value = {
    alb        = aws_cloudwatch_log_group.waf_alb.name
    cloudfront = aws_cloudwatch_log_group.waf_cloudfront.name
  }
}

output "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution (for cache invalidations after a deployment)."
  value       = aws_cloudfront_distribution.frontend.id
}

output "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution."
  value       = aws_cloudfront_distribution.frontend.arn
}

output "cloudfront_domain_name" {
  description = "Domain name of the CloudFront distribution (`d1234.cloudfront.net`)."
  value       = aws_cloudfront_distribution.frontend.domain_name
}

output "frontend_bucket_name" {
  description = "Name of the bucket CI publishes the static export to with `frontend_origin = \"s3\"`; null with the ALB origin."
  value       = local.static_frontend ? aws_s3_bucket.frontend[0].id : null
}

output "frontend_bucket_kms_key_arn" {
  description = "ARN of the KMS key of the frontend bucket (the publishing role needs kms:GenerateDataKey on it); null with the ALB origin."
  value       = local.static_frontend ? aws_kms_key.frontend[0].arn : null
}

output "log_bucket_name" {
  description = "Name of the edge log bucket: ALB access logs under `alb/`, S3 server access logs of the frontend bucket under `s3-access/`."
  value       = aws_s3_bucket.logs.id
}
