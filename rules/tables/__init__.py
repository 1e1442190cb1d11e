"""Built-in tables rules (one module a rule)."""
