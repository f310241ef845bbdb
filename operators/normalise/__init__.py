"""Normalise a validated report: its language and the slots of structured (SALUTE/SPOT) layouts."""
