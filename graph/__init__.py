"""RDF -> networkx views, metrics, HTML and Gephi exports, SPARQL queries and endpoint."""
