"""Built-in units rules (one module a rule)."""
