################################################################################
# observability: one module call per precondition case of modules/observability
# (cases in inventory/bad_preconditions_observability.yaml)
################################################################################

module "obs_target_group_without_alb" {
  source                      = "../../../../modules/observability"
  name_prefix                 = "acme-obs"
  kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  alb_target_group_arn_suffix = "targetgroup/acme-obs-api/943f017f100becff"
}
