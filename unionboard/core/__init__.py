"""Core: domain models, text helpers, the issue log and the string catalogue (imports nothing of unionboard)."""
