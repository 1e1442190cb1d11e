"""Built-in input rules (one module a rule)."""
