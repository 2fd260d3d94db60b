"""The thin Streamlit layer: cached data access, the shared sidebar and reusable page components."""
