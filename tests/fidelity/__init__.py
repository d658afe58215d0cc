"""Parsers that re-read the vendor documents in catalogs/sources/, for the fidelity test."""
