"""The version of sourcetrace, in a module of its own so that any layer can read it without
importing the package's top (which imports the tracer)."""
__version__ = "0.1.0"
