"""Entity extraction: grids, date-time groups, equipment, places, quantities, and the model's NER, merged."""
