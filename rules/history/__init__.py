"""Built-in cross-report rules: a report against its agency's previous report and against
other agencies' reports, read from the history store (``--history FILE``). Without a
store they report nothing."""
