terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Local state by design: this root creates the bucket every other root keeps its state in. Keep its
  # terraform.tfstate safe (it is small and holds no secret), or import the resources to run it again.
}
