"""Exceptions the library raises; the CLI turns each into a one-line error."""


class GraphkitError(Exception):
    """Base class: the message says what went wrong and how to fix it."""


class InputError(GraphkitError):
    """No usable input (missing path, nothing readable, closed stdin)."""


class ModelError(GraphkitError):
    """No spaCy pipeline could be loaded."""


class OutputError(GraphkitError):
    """The output location cannot be written."""


class UnknownActorError(GraphkitError, LookupError):
    """No actor (or more than one) matches a name; the message lists close matches."""
