"""Products for people and other systems: the briefing page and STIX 2.1 bundles."""
