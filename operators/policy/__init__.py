"""The triage policy: cue and term lexicons and the rules that decide precedence."""
