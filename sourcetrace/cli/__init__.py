"""The ``sourcetrace`` command line; see :mod:`sourcetrace.cli.main`."""
