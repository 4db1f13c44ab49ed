# Staging account. Copy to terraform.tfvars, set your account and repository, then run once with
# administrator credentials: terraform init && terraform apply
region              = "eu-west-1"
allowed_account_ids = ["111122223333"]
project             = "acme"
owner               = "platform-team"
environments        = ["hml"]

noncurrent_version_retention_days = 90

github_org  = "acme-corp"
github_repo = "platform"
