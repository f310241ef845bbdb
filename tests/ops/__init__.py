"""Ops tests: Prometheus rules, dashboard, Helm chart, runbook, Containerfile, JMX exporter, live monitoring."""
