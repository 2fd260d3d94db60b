"""The data domains: declared schemas, the registry, one module per domain, and the checker that dispatches to them."""
