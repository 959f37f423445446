"""Text in -> documents, actors and relation assertions out (ingest, normalize, parse, resolve, relate).

Importing this package does not load spaCy; only extract.parse and the stages after it do.
"""
