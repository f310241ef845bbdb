{{/*
The pod template of every `triage worker`: the lane pools (workers.yaml) and the intel workload (intel.yaml).
Arguments (a dict): root (the chart's context), name (the pool's name, or "intel"), pool (lanes, resources,
gpu, nodeSelector, tolerations, affinity), intel (true: TRIAGE_LANES=none with the Faust app, the briefing
page and the archive; false: the pool's lanes without the Faust app).
*/}}
{{- define "triage.workerPodTemplate" -}}
{{- $ := .root -}}{{- $name := .name -}}{{- $pool := .pool -}}{{- $intel := .intel -}}
{{- $fullname := include "triage.fullname" $ -}}
{{- $static := and (not $intel) (eq $.Values.membership "static") -}}
{{- $gpu := include "triage.poolGpu" (list $ $pool) | fromYaml -}}
{{- if $intel }}{{- $gpu = dict "enabled" false }}{{- end -}}
{{- $briefing := and $intel (ne $.Values.web.tokensSecret "") -}}
{{- $archive := and $intel $.Values.intel.archive.enabled -}}
metadata:
  labels:
    {{- include "triage.selectorLabels" $ | nindent 4 }}
    app.kubernetes.io/component: worker
    pool: {{ $name }}
    {{- if $briefing }}
    briefing: "true"
    {{- end }}
    {{- with $.Values.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $.Values.podAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ $fullname }}
  # The worker never talks to the Kubernetes API.
  automountServiceAccountToken: false
  enableServiceLinks: false
  terminationGracePeriodSeconds: {{ $.Values.terminationGracePeriodSeconds }}
  securityContext:
    {{- toYaml $.Values.podSecurityContext | nindent 4 }}
  {{- with $.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- $nodeSelector := $pool.nodeSelector | default dict }}
  {{- $tolerations := $pool.tolerations | default list }}
  {{- if $gpu.enabled }}
  {{- $nodeSelector = merge (deepCopy $nodeSelector) ($gpu.nodeSelector | default dict) }}
  {{- $tolerations = concat $tolerations ($gpu.tolerations | default list) }}
  {{- end }}
  {{- with $nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $pool.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: worker
      image: {{ include "triage.image" $ }}
      imagePullPolicy: {{ $.Values.image.pullPolicy }}
      # Explicit, so the image's ENTRYPOINT (triage worker) cannot drift from what the chart runs.
      command: ["triage", "worker"]
      securityContext:
        {{- toYaml $.Values.securityContext | nindent 8 }}
      ports:
        - name: ops
          containerPort: {{ $.Values.ops.port }}
          protocol: TCP
        {{- if $briefing }}
        - name: briefing
          containerPort: {{ $.Values.web.port }}
          protocol: TCP
        {{- end }}
      env:
        {{- include "triage.kafkaEnv" (list $ $.Values.security.username $.Values.security.passwordSecret) | nindent 8 }}
        # The lanes (aiokafka consumers, groups <app id>.triage and <app id>.urgent) and the intel app (Faust,
        # group <app id>.intel: correlation, briefings, the archive, the briefing page) run in separate
        # workloads: the intel app's partitions stay with its one pod, whatever the lane pools do.
        - name: TRIAGE_LANES
          value: {{ if $intel }}none{{ else }}{{ $pool.lanes | quote }}{{ end }}
        - name: TRIAGE_INTEL_ENABLED
          value: {{ ternary "true" "false" $intel | quote }}
        - name: TRIAGE_MEMBERSHIP
          value: {{ ternary "static" "dynamic" $static }}
        {{- if $static }}
        # The pod's name (<release>-<pool>-N) is stable across restarts: its static member id.
        - name: TRIAGE_GROUP_INSTANCE_ID
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: TRIAGE_SESSION_TIMEOUT_S
          value: {{ $.Values.staticSessionTimeoutSeconds | quote }}
        {{- end }}
        - name: TRIAGE_DRAIN_TIMEOUT_S
          value: {{ $.Values.drainTimeoutSeconds | quote }}
        - name: TRIAGE_LIVENESS_DEADLINE_S
          value: {{ $.Values.livenessDeadlineSeconds | quote }}
        - name: TRIAGE_OPS_HOST
          value: 0.0.0.0
        - name: TRIAGE_OPS_PORT
          value: {{ $.Values.ops.port | quote }}
        - name: TRIAGE_WEB_ENABLED
          value: {{ ternary "true" "false" $briefing | quote }}
        {{- if $briefing }}
        - name: TRIAGE_WEB_HOST
          value: 0.0.0.0
        - name: TRIAGE_WEB_PORT
          value: {{ $.Values.web.port | quote }}
        - name: TRIAGE_WEB_TOKENS_FILE
          value: /etc/triage/web/tokens.json
        {{- end }}
        - name: TRIAGE_MODEL_DIR
          value: {{ $.Values.model.dir | quote }}
        - name: TRIAGE_PROVIDERS
          value: {{ if $gpu.enabled }}{{ $gpu.providers | quote }}{{ else }}{{ $.Values.model.providers | quote }}{{ end }}
        # State (the intel app's tables, rebuilt from their changelogs) lives on the pod's emptyDir.
        - name: TRIAGE_DATA_DIR
          value: /var/lib/triage
        # The Parquet archive is the intel workload's: on its volume (intel.archive.persistence).
        - name: TRIAGE_ARCHIVE_ENABLED
          value: {{ ternary "true" "false" $archive | quote }}
        {{- if $archive }}
        - name: TRIAGE_ARCHIVE_DIR
          value: /var/lib/triage-archive
        - name: TRIAGE_ARCHIVE_ROLL_S
          value: {{ $.Values.intel.archive.rollSeconds | quote }}
        {{- end }}
        {{- if $.Values.security.sealing.enabled }}
        - name: TRIAGE_KEYRING_FILE
          value: /etc/triage/keys/keyring.json
        - name: TRIAGE_SIGNING_KEY_FILE
          value: /etc/triage/keys/signing.pem
        - name: TRIAGE_SIGNING_KEY_ID
          value: {{ $.Values.security.sealing.signingKeyId | quote }}
        - name: TRIAGE_VERIFY_KEYS_FILE
          value: /etc/triage/keys/verify-keys.json
        {{- end }}
      # startup: the model is verified (sha256 of every file) and loaded, and the lanes started.
      startupProbe:
        httpGet:
          path: /healthz/startup
          port: ops
        periodSeconds: 5
        failureThreshold: 60
      # ready: started, the broker answered lately, and every lane has joined its consumer group (its first
      # assignment arrived, possibly empty: a worker beyond the partition count is ready and idle). A
      # rebalance does not make a worker unready; a broker outage does, and never makes it dead: restarting
      # it would not bring the broker back. The intel workload (no lanes) is ready once started.
      readinessProbe:
        httpGet:
          path: /healthz/ready
          port: ops
        periodSeconds: 10
        failureThreshold: 3
      # live: the event loop answers, the model thread is not stuck on one batch, and a lane with work
      # waiting makes progress, each within TRIAGE_LIVENESS_DEADLINE_S.
      livenessProbe:
        httpGet:
          path: /healthz/live
          port: ops
        periodSeconds: 15
        timeoutSeconds: 5
        failureThreshold: 4
      resources:
        {{- $resources := deepCopy ($pool.resources | default dict) }}
        {{- if $gpu.enabled }}
        {{- $limits := merge (dict $gpu.resourceName $gpu.count) ($resources.limits | default dict) }}
        {{- $_ := set $resources "limits" $limits }}
        {{- end }}
        {{- toYaml $resources | nindent 8 }}
      volumeMounts:
        - name: state
          mountPath: /var/lib/triage
        - name: tmp
          mountPath: /tmp
        {{- include "triage.kafkaVolumeMounts" $ | nindent 8 }}
        {{- if $.Values.security.sealing.enabled }}
        - name: keys
          mountPath: /etc/triage/keys
          readOnly: true
        {{- end }}
        {{- if $briefing }}
        - name: web-tokens
          mountPath: /etc/triage/web
          readOnly: true
        {{- end }}
        {{- if $archive }}
        - name: archive
          mountPath: /var/lib/triage-archive
        {{- end }}
  volumes:
    - name: state
      emptyDir: {}
    - name: tmp
      emptyDir:
        sizeLimit: 256Mi
    {{- include "triage.kafkaVolumes" (list $ $.Values.security.passwordSecret) | nindent 4 }}
    {{- if $.Values.security.sealing.enabled }}
    - name: keys
      secret:
        secretName: {{ $.Values.security.sealing.secretName }}
        defaultMode: 0440
    {{- end }}
    {{- if $briefing }}
    - name: web-tokens
      secret:
        secretName: {{ $.Values.web.tokensSecret }}
        defaultMode: 0440
    {{- end }}
    {{- if $archive }}
    {{- $persistence := $.Values.intel.archive.persistence }}
    - name: archive
      {{- if $persistence.enabled }}
      persistentVolumeClaim:
        claimName: {{ $persistence.existingClaim | default (printf "%s-intel-archive" $fullname) }}
      {{- else }}
      # No persistence asked for: the archive goes with the pod (for trials only).
      emptyDir: {}
      {{- end }}
    {{- end }}
{{- end -}}
