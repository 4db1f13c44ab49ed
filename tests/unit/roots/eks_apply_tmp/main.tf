# Unit-test root of modules/eks: one module instance per scenario, planned once against the emulator.
terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = { Project = "unit" }
  }
}

locals {
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  addons_1_34 = {
    "vpc-cni"                         = "v1.20.4-eksbuild.1"
    "kube-proxy"                      = "v1.34.1-eksbuild.2"
    "coredns"                         = "v1.12.1-eksbuild.2"
    "eks-pod-identity-agent"          = "v1.3.8-eksbuild.2"
    "metrics-server"                  = "v0.8.0-eksbuild.1"
    "amazon-cloudwatch-observability" = "v4.3.0-eksbuild.1"
  }
}


resource "aws_kms_key" "this" {}
resource "aws_iam_role" "admin" {
  name = "platform-admin"
  assume_role_policy = jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Principal = {AWS = "arn:aws:iam::123456789012:root"}}]})
}
resource "aws_vpc" "this" { cidr_block = "10.9.0.0/16" }
resource "aws_subnet" "this" {
  count             = 2
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet("10.9.0.0/16", 8, count.index)
  availability_zone = ["eu-west-1a", "eu-west-1b"][count.index]
}
resource "aws_security_group" "nodes" { vpc_id = aws_vpc.this.id }
# Required inputs only.
module "defaults" {
  source = "../../../../modules/eks"

  name_prefix             = "acme-dev"
  kubernetes_version      = "1.34"
  vpc_id                  = aws_vpc.this.id
  subnet_ids              = aws_subnet.this[*].id
  node_security_group_ids = [aws_security_group.nodes.id]
  kms_key_arn             = aws_kms_key.this.arn
  cluster_admin_role_arn  = aws_iam_role.admin.arn
  addon_versions          = local.addons_1_34
  state_machine_arn       = "arn:aws:states:eu-west-1:123456789012:stateMachine:acme-dev-pipeline"
  uploads_bucket_arn      = "arn:aws:s3:::acme-dev-uploads"
  results_bucket_arn      = "arn:aws:s3:::acme-dev-results"
}

