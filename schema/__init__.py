"""The catalogue JSON Schema, shipped inside the codegen package as codegen.schema."""
