output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "azs" {
  description = "Availability Zones in use, in subnet order (index i of every *_subnet_* output is in azs[i])."
  value       = local.azs
}

output "public_subnet_ids" {
  description = "IDs of the public subnets (ALB, NAT gateways), one per AZ in `azs` order; tagged `kubernetes.io/role/elb = 1`."
  value       = [for az in local.azs : aws_subnet.public[az].id]
}

output "public_subnet_cidr_blocks" {
  description = "CIDRs of the public subnets, one per AZ in `azs` order."
  value       = [for az in local.azs : aws_subnet.public[az].cidr_block]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets (EKS nodes, Batch, interface endpoints), one per AZ in `azs` order; tagged `kubernetes.io/role/internal-elb = 1`."
  value       = [for az in local.azs : aws_subnet.private[az].id]
}

output "private_subnet_cidr_blocks" {
  description = "CIDRs of the private subnets, one per AZ in `azs` order."
  value       = [for az in local.azs : aws_subnet.private[az].cidr_block]
}

output "database_subnet_ids" {
  description = "IDs of the isolated database subnets (no route to the internet), one per AZ in `azs` order."
  value       = [for az in local.azs : aws_subnet.database[az].id]
}

output "database_subnet_cidr_blocks" {
  description = "CIDRs of the database subnets, one per AZ in `azs` order."
  value       = [for az in local.azs : aws_subnet.database[az].cidr_block]
}

output "private_route_table_ids" {
  description = "IDs of the private route tables, one per AZ in `azs` order."
  value       = [for az in local.azs : aws_route_table.private[az].id]
}

output "database_route_table_id" {
  description = "ID of the database route table (local and S3 gateway endpoint routes only)."
  value       = aws_route_table.database.id
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways: one per AZ with `nat_mode = \"per_az\"`, one with `\"single\"`."
  value       = [for az in local.nat_azs : aws_nat_gateway.this[az].id]
}

output "nat_public_ips" {
  description = "Public IPv4 addresses of the NAT gateways (egress IPs to allow-list at third parties)."
  value       = [for az in local.nat_azs : aws_eip.nat[az].public_ip]
}

output "alb_security_group_id" {
  description = "ID of the ALB security group (443/80 in from `alb_ingress_cidrs`, out to the VPC)."
  value       = aws_security_group.alb.id
}

output "eks_nodes_security_group_id" {
  description = "ID of the EKS nodes security group (node-to-node, from the ALB, HTTPS out, 5432 to RDS). The EKS module adds the control-plane rules."
  value       = aws_security_group.eks_nodes.id
}

output "batch_security_group_id" {
  description = "ID of the Batch security group (no inbound, HTTPS out, 5432 to RDS)."
  value       = aws_security_group.batch.id
}

output "rds_security_group_id" {
  description = "ID of the RDS security group (5432 in from the EKS nodes and Batch security groups only)."
  value       = aws_security_group.rds.id
}

output "vpc_endpoints_security_group_id" {
  description = "ID of the interface endpoints security group (443 in from the VPC), null when `interface_endpoints` is empty."
  value       = one(aws_security_group.vpc_endpoints[*].id)
}

output "interface_endpoint_ids" {
  description = "IDs of the interface VPC endpoints, by service (e.g. `ecr.api`)."
  value       = { for service, endpoint in aws_vpc_endpoint.interface : service => endpoint.id }
}

output "s3_endpoint_id" {
  description = "ID of the S3 gateway endpoint (on the private and database route tables)."
  value       = aws_vpc_endpoint.s3.id
}

output "flow_log_group_name" {
  description = "Name of the CloudWatch log group receiving the VPC flow logs (ALL traffic, KMS-encrypted)."
  value       = aws_cloudwatch_log_group.flow_logs.name
}
