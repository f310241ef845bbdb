{{/* Names and labels. */}}
{{- define "triage.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "triage.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else if contains (include "triage.name" .) .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "triage.name" .) | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "triage.selectorLabels" -}}
app.kubernetes.io/name: {{ include "triage.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "triage.labels" -}}
{{ include "triage.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "triage.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{/* The lanes of the contract: consumer group suffix and input topic. */}}
{{- define "triage.laneGroup" -}}
{{- $ := index . 0 -}}{{- $lane := index . 1 -}}
{{- if eq $lane "bulk" -}}{{ $.Values.app.id }}.triage{{- else -}}{{ $.Values.app.id }}.urgent{{- end -}}
{{- end -}}

{{- define "triage.laneTopic" -}}
{{- $ := index . 0 -}}{{- $lane := index . 1 -}}
{{- if eq $lane "bulk" -}}{{ $.Values.app.topicPrefix }}reports.raw{{- else -}}{{ $.Values.app.topicPrefix }}reports.urgent{{- end -}}
{{- end -}}

{{/* The enabled pools, sorted by name: {name: pool}. */}}
{{- define "triage.enabledPools" -}}
{{- $out := dict -}}
{{- range $name, $pool := .Values.pools -}}
{{- if $pool.enabled -}}{{- $_ := set $out $name $pool -}}{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* The GPU settings of a pool: the global ones, overridden by the pool's own `gpu`. */}}
{{- define "triage.poolGpu" -}}
{{- $ := index . 0 -}}{{- $pool := index . 1 -}}
{{- toYaml (mergeOverwrite (deepCopy $.Values.gpu) (deepCopy (default dict $pool.gpu))) -}}
{{- end -}}

{{/* KEDA's name for the SASL mechanism. */}}
{{- define "triage.kedaSasl" -}}
{{- $m := .Values.security.saslMechanism -}}
{{- if eq $m "SCRAM-SHA-512" -}}scram_sha512{{- else if eq $m "SCRAM-SHA-256" -}}scram_sha256{{- else -}}plaintext{{- end -}}
{{- end -}}

{{/* The partitions of a lane's input topic: reports.raw has app.partitions, reports.urgent app.urgentPartitions. */}}
{{- define "triage.lanePartitions" -}}
{{- $ := index . 0 -}}{{- $lane := index . 1 -}}
{{- if eq $lane "bulk" -}}{{ $.Values.app.partitions }}{{- else -}}{{ $.Values.app.urgentPartitions }}{{- end -}}
{{- end -}}

{{/* The most workers a pool can use: the partitions of the largest input topic among its lanes. */}}
{{- define "triage.poolPartitions" -}}
{{- $ := index . 0 -}}{{- $pool := index . 1 -}}
{{- $most := 0 -}}
{{- range $lane := splitList "," $pool.lanes -}}
{{- $most = max $most (int (include "triage.lanePartitions" (list $ $lane))) -}}
{{- end -}}
{{- $most -}}
{{- end -}}

{{/*
Checks a schema cannot express. Included once, from workers.yaml; each failure names the value.
*/}}
{{- define "triage.validate" -}}
{{- $v := .Values -}}
{{- if le (int $v.terminationGracePeriodSeconds) (int $v.drainTimeoutSeconds) -}}
{{- fail (printf "terminationGracePeriodSeconds (%d) must be greater than drainTimeoutSeconds (%d): Kubernetes would kill a worker while it drains" (int $v.terminationGracePeriodSeconds) (int $v.drainTimeoutSeconds)) -}}
{{- end -}}
{{- if gt (int $v.app.urgentPartitions) (int $v.app.partitions) -}}
{{- fail (printf "app.urgentPartitions (%d) is more than app.partitions (%d): the workers never give reports.urgent more partitions than reports.raw" (int $v.app.urgentPartitions) (int $v.app.partitions)) -}}
{{- end -}}
{{- if and $v.web.tokensSecret (not $v.intel.enabled) -}}
{{- fail "web.tokensSecret needs intel.enabled: the briefing page is served by the intel workload" -}}
{{- end -}}
{{- $pools := include "triage.enabledPools" . | fromYaml -}}
{{- if not $pools -}}{{- fail "pools: no pool is enabled" -}}{{- end -}}
{{- if hasKey $v.pools "intel" -}}
{{- fail "pools.intel: the name is taken by the intel workload (values `intel`); call the pool something else" -}}
{{- end -}}
{{- $served := dict -}}
{{- range $name, $pool := $pools -}}
{{- range $lane := splitList "," $pool.lanes -}}{{- $_ := set $served $lane $name -}}{{- end -}}
{{- $most := int (include "triage.poolPartitions" (list $ $pool)) -}}
{{- if gt (int $pool.replicas) $most -}}
{{- fail (printf "pools.%s.replicas (%d) is more than the partitions of its input topics (%d; app.partitions, app.urgentPartitions): the extra workers would join their groups and sit idle" $name (int $pool.replicas) $most) -}}
{{- end -}}
{{- if $v.keda.enabled -}}
{{- if ne $v.membership "dynamic" -}}
{{- fail "keda.enabled needs membership: dynamic (a static-membership StatefulSet has a fixed size)" -}}
{{- end -}}
{{- if gt (int $pool.keda.maxReplicaCount) $most -}}
{{- fail (printf "pools.%s.keda.maxReplicaCount (%d) is more than the partitions of its input topics (%d; app.partitions, app.urgentPartitions)" $name (int $pool.keda.maxReplicaCount) $most) -}}
{{- end -}}
{{- if gt (int $pool.keda.minReplicaCount) (int $pool.keda.maxReplicaCount) -}}
{{- fail (printf "pools.%s.keda.minReplicaCount is more than its maxReplicaCount" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $lane := list "bulk" "urgent" -}}
{{- if not (hasKey $served $lane) -}}
{{- fail (printf "no enabled pool serves the %s lane: add it to a pool's lanes" $lane) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Environment shared by the workers and the lag exporter: names, bootstrap, login. */}}
{{- define "triage.kafkaEnv" -}}
{{- $ := index . 0 -}}{{- $username := index . 1 -}}{{- $secret := index . 2 -}}
- name: TRIAGE_KAFKA_BOOTSTRAP
  value: {{ $.Values.kafka.bootstrap | quote }}
- name: TRIAGE_APP_ID
  value: {{ $.Values.app.id | quote }}
- name: TRIAGE_TOPIC_PREFIX
  value: {{ $.Values.app.topicPrefix | quote }}
- name: TRIAGE_PARTITIONS
  value: {{ $.Values.app.partitions | quote }}
- name: TRIAGE_URGENT_PARTITIONS
  value: {{ $.Values.app.urgentPartitions | quote }}
- name: TRIAGE_REPLICATION_FACTOR
  value: {{ $.Values.app.replicationFactor | quote }}
{{- if $.Values.security.enabled }}
- name: TRIAGE_SECURITY_PROTOCOL
  value: SASL_SSL
- name: TRIAGE_SASL_MECHANISM
  value: {{ $.Values.security.saslMechanism | quote }}
- name: TRIAGE_SASL_USERNAME
  value: {{ $username | quote }}
- name: TRIAGE_SASL_PASSWORD_FILE
  value: /etc/triage/kafka-password/{{ $secret.key }}
- name: TRIAGE_SSL_CAFILE
  value: /etc/triage/kafka-ca/{{ $.Values.security.caSecret.key }}
{{- end }}
{{- end -}}

{{/* Volumes for the login (password and CA), mounted read-only. */}}
{{- define "triage.kafkaVolumes" -}}
{{- $ := index . 0 -}}{{- $secret := index . 1 -}}
{{- if $.Values.security.enabled }}
- name: kafka-password
  secret:
    secretName: {{ $secret.name }}
    defaultMode: 0440
    items:
      - key: {{ $secret.key }}
        path: {{ $secret.key }}
- name: kafka-ca
  secret:
    secretName: {{ $.Values.security.caSecret.name }}
    defaultMode: 0444
    items:
      - key: {{ $.Values.security.caSecret.key }}
        path: {{ $.Values.security.caSecret.key }}
{{- end }}
{{- end -}}

{{- define "triage.kafkaVolumeMounts" -}}
{{- if .Values.security.enabled }}
- name: kafka-password
  mountPath: /etc/triage/kafka-password
  readOnly: true
- name: kafka-ca
  mountPath: /etc/triage/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}
