terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Local state: the embedded AWS lives in memory, so does everything applied to it. The main job
  # (`make demo`) passes -backend-config=path=.run/demo/terraform.tfstate.
  backend "local" {}
}
