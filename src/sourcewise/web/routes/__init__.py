"""HTTP routes, one module per surface: pages (HTML), api (JSON under /api/), docs (/docs)."""
