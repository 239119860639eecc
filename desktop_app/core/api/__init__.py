"""Talking to Prefect: the async client facade, typed models, events and log follow."""
