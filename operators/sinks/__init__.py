"""Where triaged reports are kept: the Parquet archive and analysts' feedback as training data."""
