"""The one exception hierarchy of Seiryoku; a leaf module every package may import."""


class SeiryokuError(Exception):
    """Base of every error Seiryoku raises on purpose; the CLI turns it into a one-line message."""


class InputError(SeiryokuError):
    """An input file cannot be read, decoded or used (binary, empty, too large, no text layer...)."""


class ConfigError(SeiryokuError):
    """A configuration, data file or command-line option is invalid."""


class ModelError(SeiryokuError):
    """The GiNZA model cannot be loaded."""


class GraphError(SeiryokuError):
    """A graph file cannot be read or does not hold what the command needs."""


class QueryError(SeiryokuError):
    """A SPARQL query is malformed, refused, timed out or lacks a parameter."""


class ValidationError(SeiryokuError):
    """A graph does not conform to the SHACL shapes."""
