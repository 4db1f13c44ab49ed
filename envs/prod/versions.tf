terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Values live in backend.hcl (bucket, key, region, use_lockfile, encrypt):
  #   terraform init -backend-config=backend.hcl
  backend "s3" {}
}
