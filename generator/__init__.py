"""Campaign site generator: YAML records → validated data → pages for MkDocs + Material."""
