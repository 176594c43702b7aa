"""Human-readable renderings of a report: terminal (rich) and Markdown."""
