# The embedded AWS: `python -m harness demo` writes emulator_override.tf next to this file with the
# endpoints of the emulator (every service the modules use, path-style S3, low retries) and passes test
# credentials through the environment. Without that override this root would target real AWS: do not
# apply it by hand.
provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "platform"
      Environment = "local"
      Owner       = "platform-team"
      ManagedBy   = "terraform"
    }
  }
}

# CloudFront takes its certificate and its web ACL from us-east-1 only (modules/edge).
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      Project     = "platform"
      Environment = "local"
      Owner       = "platform-team"
      ManagedBy   = "terraform"
    }
  }
}
