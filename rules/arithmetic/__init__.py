"""Built-in arithmetic rules (one module a rule)."""
