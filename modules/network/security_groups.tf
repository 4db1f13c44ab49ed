# Security groups for the workloads that other modules deploy into this VPC. Rules are
# separate resources (never inline) so that other modules can add their own rules to
# these groups without fighting over them. A group created here without egress rules
# has none: Terraform removes the default allow-all egress rule.

################################################################################
# ALB
################################################################################

resource "aws_security_group" "alb" {
  #checkov:skip=CKV2_AWS_5:Attached to the application load balancer by the workload module, which receives alb_security_group_id.
  name        = "${var.name_prefix}-alb"
  description = "Application load balancer: HTTPS and HTTP (redirect) in from alb_ingress_cidrs, out to the VPC only"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb", Role = "alb" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  for_each = toset(var.alb_ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from ${each.key}"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.key

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb-https" })
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  #checkov:skip=CKV_AWS_260:Port 80 on the ALB only answers the listener's redirect to HTTPS; no content is served over HTTP. Narrow alb_ingress_cidrs for an internal ALB.
  for_each = toset(var.alb_ingress_cidrs)

  security_group_id = aws_security_group.alb.id
  description       = "HTTP from ${each.key}, redirected to HTTPS by the listener"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = each.key

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb-http" })
}

resource "aws_vpc_security_group_egress_rule" "alb_to_vpc" {
  security_group_id = aws_security_group.alb.id
  description       = "Traffic and health checks to targets inside the VPC"
  ip_protocol       = "tcp"
  from_port         = var.alb_target_port_range.from_port
  to_port           = var.alb_target_port_range.to_port
  cidr_ipv4         = aws_vpc.this.cidr_block

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb-to-vpc" })
}

################################################################################
# EKS nodes
################################################################################

resource "aws_security_group" "eks_nodes" {
  #checkov:skip=CKV2_AWS_5:Attached to the EKS node groups by the EKS module, which receives eks_nodes_security_group_id.
  name        = "${var.name_prefix}-eks-nodes"
  description = "EKS worker nodes and pods: node-to-node traffic, ALB targets, HTTPS out, PostgreSQL to RDS"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-eks-nodes" })
}

resource "aws_vpc_security_group_ingress_rule" "eks_nodes_from_self" {
  security_group_id            = aws_security_group.eks_nodes.id
  description                  = "Node-to-node and pod-to-pod traffic (VPC CNI, CoreDNS)"
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.eks_nodes.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-eks-nodes-from-self" })
}

resource "aws_vpc_security_group_ingress_rule" "eks_nodes_from_alb" {
  security_group_id            = aws_security_group.eks_nodes.id
  description                  = "Load-balanced traffic and health checks from the ALB"
  ip_protocol                  = "tcp"
  from_port                    = var.alb_target_port_range.from_port
  to_port                      = var.alb_target_port_range.to_port
  referenced_security_group_id = aws_security_group.alb.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-eks-nodes-from-alb" })
}

resource "aws_vpc_security_group_egress_rule" "eks_nodes_to_self" {
  security_group_id            = aws_security_group.eks_nodes.id
  description                  = "Node-to-node and pod-to-pod traffic (VPC CNI, CoreDNS)"
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.eks_nodes.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-eks-nodes-to-self" })
}

resource "aws_vpc_security_group_egress_rule" "eks_nodes_https" {
  security_group_id = aws_security_group.eks_nodes.id
  description       = "HTTPS to the EKS API, AWS APIs and image registries (through the NAT gateway or VPC endpoints)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = merge(var.tags, { Name = "${var.name_prefix}-eks-nodes-https" })
}

resource "aws_vpc_security_group_egress_rule" "eks_nodes_to_rds" {
  security_group_id            = aws_security_group.eks_nodes.id
  description                  = "PostgreSQL to the database"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.rds.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-eks-nodes-to-rds" })
}

################################################################################
# Batch
################################################################################

resource "aws_security_group" "batch" {
  #checkov:skip=CKV2_AWS_5:Attached to the Batch compute environment by the Batch module, which receives batch_security_group_id.
  name        = "${var.name_prefix}-batch"
  description = "Batch jobs: no inbound traffic, HTTPS out and PostgreSQL to RDS"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-batch" })
}

resource "aws_vpc_security_group_egress_rule" "batch_https" {
  security_group_id = aws_security_group.batch.id
  description       = "HTTPS to AWS APIs and image registries (through the NAT gateway or VPC endpoints)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = merge(var.tags, { Name = "${var.name_prefix}-batch-https" })
}

resource "aws_vpc_security_group_egress_rule" "batch_to_rds" {
  security_group_id            = aws_security_group.batch.id
  description                  = "PostgreSQL to the database"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.rds.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-batch-to-rds" })
}

################################################################################
# RDS
################################################################################

resource "aws_security_group" "rds" {
  #checkov:skip=CKV2_AWS_5:Attached to the database cluster by the RDS module, which receives rds_security_group_id.
  name        = "${var.name_prefix}-rds"
  description = "PostgreSQL database: 5432 in from the EKS nodes and Batch only, no outbound traffic"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-rds" })
}

resource "aws_vpc_security_group_ingress_rule" "rds_from_eks_nodes" {
  security_group_id            = aws_security_group.rds.id
  description                  = "PostgreSQL from the EKS nodes"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.eks_nodes.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-rds-from-eks-nodes" })
}

resource "aws_vpc_security_group_ingress_rule" "rds_from_batch" {
  security_group_id            = aws_security_group.rds.id
  description                  = "PostgreSQL from Batch jobs"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.batch.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-rds-from-batch" })
}

################################################################################
# Interface VPC endpoints
################################################################################

resource "aws_security_group" "vpc_endpoints" {
  count = length(local.interface_endpoints) > 0 ? 1 : 0

  name        = "${var.name_prefix}-vpc-endpoints"
  description = "Interface VPC endpoints: HTTPS in from the VPC only"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name_prefix}-vpc-endpoints" })
}

resource "aws_vpc_security_group_ingress_rule" "vpc_endpoints_https" {
  count = length(local.interface_endpoints) > 0 ? 1 : 0

  security_group_id = aws_security_group.vpc_endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.this.cidr_block

  tags = merge(var.tags, { Name = "${var.name_prefix}-vpc-endpoints-https" })
}
