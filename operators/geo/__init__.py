"""Geography helpers: distances and the gazetteer of places."""
