"""The bundled sample data, rebuilt from the report's figures."""
