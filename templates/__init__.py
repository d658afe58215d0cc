"""Jinja2 templates, one folder per target, shipped inside the codegen package as codegen.templates."""
