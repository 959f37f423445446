"""Vocabulary (Turtle), SHACL shapes, the actor gazetteer (data) and the assertions -> RDF mapping."""
