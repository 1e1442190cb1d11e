"""Built-in hygiene rules (one module a rule)."""
