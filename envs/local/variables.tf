variable "region" {
  description = "Region of the emulated account."
  type        = string
  default     = "eu-west-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name; ephemeral test runs pass a unique one."
  type        = string
  default     = "demo-local"
}

variable "batch_job_command" {
  description = "Command of the batch job; the emulator runs it as a local process (the image is not pulled)."
  type        = list(string)
  default     = ["python", "-m", "batch_worker"]
}
