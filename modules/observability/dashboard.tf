locals {
  # One graph per alarm, in the alarm's own statistic and period, with its threshold drawn on it.
  alarm_widgets = [
    for index, key in keys(local.alarms) : {
      type   = "metric"
      x      = (index % 2) * 12
      y      = 2 + floor(index / 2) * 6
      width  = 12
      height = 6
      properties = {
        title  = "${var.name_prefix}-${key}"
        region = local.region
        view   = "timeSeries"
        stat   = local.alarms[key].statistic
        period = var.thresholds.period_seconds
        metrics = [
          concat(
            [local.alarms[key].namespace, local.alarms[key].metric_name],
            flatten([for name, value in local.alarms[key].dimensions : [name, value]]),
          )
        ]
        annotations = {
          horizontal = [{ label = "alarm threshold", value = local.alarms[key].threshold }]
        }
      }
    }
  ]

  dashboard_header = {
    type   = "text"
    x      = 0
    y      = 0
    width  = 24
    height = 2
    properties = {
      markdown = "## ${var.name_prefix}\nEvery graph below has an alarm of the same name that notifies the `${local.topic_name}` topic."
    }
  }
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = "${var.name_prefix}-platform"
  dashboard_body = jsonencode({ widgets = concat([local.dashboard_header], local.alarm_widgets) })
}
