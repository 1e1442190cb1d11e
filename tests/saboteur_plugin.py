"""A local plugin for the tests whose rule misbehaves on marked reports (not a test module)."""
import textwrap

# A local plugin whose rule misbehaves on marked reports: it kills its worker process
# (as a segfault or the OOM killer would), raises SystemExit, raises an exception, or never
# returns (HANGNOW: the per-file timeout's case), raises KeyboardInterrupt itself
# (INTERRUPTNOW), or leaks 64 MB a file and says which process it runs in (LEAKNOW). Load it with load_module_from_path or a
# configuration's ``plugins``; its rule is Z999.
PLUGIN = textwrap.dedent('''
    import os
    import gplint

    _LEAKED = []
    from gplint import Rule, Span

    class Saboteur(Rule):
        """Misbehaves on marked reports.

        What it checks:
            Nothing.

        Why:
            Tests.

        Bad:
            KILLWORKER

        Good:
            一、总体情况
        """
        code = "Z999"
        name = "saboteur"
        category = "hygiene"
        severity = "info"

        def check(self, report, options):
            if "KILLWORKER" in report.text:
                os._exit(3)
            if "EXITNOW" in report.text:
                raise SystemExit(4)
            if "RAISENOW" in report.text:
                raise RuntimeError("boom")
            if "INTERRUPTNOW" in report.text:
                raise KeyboardInterrupt()
            if "LEAKNOW" in report.text:
                _LEAKED.append(b"\\x01" * (64 * 1024 * 1024))  # touched: resident
                return [self.diag(f"pid {os.getpid()} leaked {len(_LEAKED)}", Span(1, 1))]
            if "HANGNOW" in report.text:
                # Says so first where a test waits for it (SABOTEUR_HANGING: a folder).
                if os.environ.get("SABOTEUR_HANGING"):
                    open(os.path.join(os.environ["SABOTEUR_HANGING"], f"hanging-{os.getpid()}"), "w").close()
                while True:  # a rule that never returns (the per-file timeout's case)
                    pass
            return ()

    @gplint.hookimpl
    def gplint_rules():
        return [Saboteur]
''')
