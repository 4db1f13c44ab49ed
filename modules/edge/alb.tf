resource "aws_lb" "this" {
  #checkov:skip=CKV2_AWS_76:The associated web ACL has the Log4j AMR (AWSManagedRulesKnownBadInputsRuleSet); the check also demands AWSManagedRulesAnonymousIpList, whose hosting-provider rule would block the CloudFront origin requests of the SSR frontend (AWS addresses) and VPN users of the API.
  name               = "${var.name_prefix}-alb"
  load_balancer_type = "application"
  internal           = false
  ip_address_type    = var.alb_ip_address_type
  subnets            = var.public_subnet_ids
  security_groups    = [var.alb_security_group_id]

  drop_invalid_header_fields = true
  desync_mitigation_mode     = "defensive"
  enable_http2               = true
  idle_timeout               = var.alb_idle_timeout
  enable_deletion_protection = var.alb_deletion_protection

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = local.alb_log_prefix
    enabled = true
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-alb" })

  # ELB checks that it may write to the bucket when access logging is switched on.
  depends_on = [aws_s3_bucket_policy.logs]
}

# Filled by the AWS Load Balancer Controller through a TargetGroupBinding (the Terraform-owned ALB is not
# an Ingress), so the pods are registered by IP.
resource "aws_lb_target_group" "api" {
  #checkov:skip=CKV_AWS_378:TLS ends at the ALB; the hop to the pod IPs stays inside the VPC (security groups limit it to the ALB) and the pods serve no certificate.
  name                 = "${var.name_prefix}-api"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  protocol_version     = "HTTP1"
  port                 = var.api_target_port
  deregistration_delay = 30

  health_check {
    enabled             = true
    protocol            = "HTTP"
    port                = "traffic-port"
    path                = var.api_health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-api" })
}

resource "aws_lb_target_group" "web" {
  #checkov:skip=CKV_AWS_378:TLS ends at the ALB; the hop to the pod IPs stays inside the VPC (security groups limit it to the ALB) and the pods serve no certificate.
  count = local.ssr_frontend ? 1 : 0

  name                 = "${var.name_prefix}-web"
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "HTTP"
  protocol_version     = "HTTP1"
  port                 = var.frontend_target_port
  deregistration_delay = 30

  health_check {
    enabled             = true
    protocol            = "HTTP"
    port                = "traffic-port"
    path                = var.frontend_health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-web" })
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-http" })
}

# Requests reach a target only by one of the module's host names: a request to the ALB's own DNS name or
# an IP (scanners) gets a 404 from the listener and never reaches a pod.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.alb_ssl_policy
  certificate_arn   = aws_acm_certificate_validation.alb.certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Not Found"
      status_code  = "404"
    }
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-https" })
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 10

  condition {
    host_header {
      values = [local.api_fqdn]
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-api" })
}

resource "aws_lb_listener_rule" "web" {
  count = local.ssr_frontend ? 1 : 0

  listener_arn = aws_lb_listener.https.arn
  priority     = 20

  condition {
    host_header {
      values = [local.origin_fqdn]
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web[0].arn
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-web" })
}
