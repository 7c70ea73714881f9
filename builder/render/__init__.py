"""Render: the corpus as site pages (HTML fragments from Jinja templates, no mkdocs here)."""

from builder.render.pages import Page, render_pages, render_redirects

__all__ = ["Page", "render_pages", "render_redirects"]
