{{- define "trainer.name" -}}
{{ .Release.Name }}-{{ .Chart.Name }}
{{- end }}
