"""Presentation without Streamlit: Plotly chart builders, colours, display tables, the slide deck as data."""
